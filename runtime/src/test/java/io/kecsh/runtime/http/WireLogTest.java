package io.kecsh.runtime.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WireLogTest {
    private static final String SIGNATURE = "88f6284257863dedfc350da05d19d07f76cca622e93b829f5ce26c1a75d3da39";
    private static final String KEY_ID = "AKLTGo0pHK-EQWiDZWTsBS112Q";
    private static final String PASSWORD = "1qaz2wsx!Q";

    @Test
    void signaturesKeysTokensAndSensitiveParameters_areMasked_everythingElseShown() {
        List<String> lines = new ArrayList<>();
        HttpRequest request = HttpRequest.get("https", "kec.cn-beijing-6.api.ksyun.com", 443, "/")
                .withQueryParam("Action", "RunInstances")
                .withQueryParam("InstancePassword", PASSWORD)
                .withQueryParam("X-Amz-Credential", KEY_ID + "/20160914/cn-beijing-6/kec/aws4_request")
                .withQueryParam("X-Amz-Signature", SIGNATURE)
                .withHeader(
                        "Authorization",
                        "AWS4-HMAC-SHA256 Credential=" + KEY_ID + "/x, SignedHeaders=host, Signature=" + SIGNATURE)
                .withHeader("X-Amz-Security-Token", "tok-secret-value");
        WireLog log = new WireLog(lines::add);
        log.request(request, Set.of("InstancePassword"));
        log.request(
                request.withQuery(List.of())
                        .withBody(
                                "POST",
                                ("Action=ModifyInstanceAttribute&InstancePassword=" + PASSWORD)
                                        .getBytes(StandardCharsets.UTF_8)),
                Set.of("InstancePassword"));
        log.response(request, new HttpResponse(200, Headers.empty(), new byte[12]), Duration.ofMillis(34), "req-1");
        String all = String.join("\n", lines);
        for (String secret : List.of(SIGNATURE, KEY_ID, PASSWORD, "tok-secret-value")) {
            assertFalse(all.contains(secret), "leaked " + secret + " in\n" + all);
        }
        assertTrue(all.contains("Action=RunInstances"), all);
        assertTrue(all.contains("X-Amz-Credential=AKLT…2Q/20160914/cn-beijing-6/kec/aws4_request"), all);
        assertTrue(all.contains("Authorization: AWS4-HMAC-SHA256 ****"), all);
        assertTrue(all.contains("body: Action=ModifyInstanceAttribute&InstancePassword=****"), all);
        assertTrue(all.contains("← 200 GET kec.cn-beijing-6.api.ksyun.com in 34 ms, 12 bytes, request req-1"), all);
    }

    @Test
    void anOffLog_writesNothing() {
        WireLog.off().request(HttpRequest.get("https", "h", 443, "/"), Set.of());
        assertFalse(WireLog.off().enabled());
    }
}
