package io.kecsh.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.http.ApacheTransport;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.Transport;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.OneInstance;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5: a mutating call travels as a POST form (its parameters in the body, SigV4 over
 * the body), so a launch with 16 KB of UserData — a 21.8 KB URL as a GET — is an ordinary request;
 * reads stay GETs. Over real HTTP against the sandbox, which checks the signature of what arrives.
 */
class WireFormTest {
    private Sandbox sandbox;
    private CloudClient client;
    private final List<HttpRequest> sent = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        sandbox = Sandbox.start(SandboxOptions.forTests());
        ApacheTransport real = new ApacheTransport(TransportSettings.defaults());
        client = new CloudClient(
                ClientConfig.builder()
                        .endpoint(sandbox.endpoint())
                        .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
                        .clock(sandbox.clock())
                        .sleeper(d -> sandbox.clock().advance(d))
                        .build(),
                new Transport() {
                    @Override
                    public HttpResponse execute(HttpRequest request) {
                        sent.add(request);
                        return real.execute(request);
                    }

                    @Override
                    public void close() {
                        real.close();
                    }
                });
    }

    @AfterEach
    void stop() {
        client.close();
        sandbox.close();
    }

    private Map<String, Object> launch(String userData) {
        RegionState region = sandbox.state().region("cn-beijing-6");
        Map<String, Object> p = OneInstance.runParams(region);
        p.put("UserData", userData);
        return p;
    }

    private static String sixteenKilobytes() {
        byte[] script = new byte[16 * 1024];
        byte[] line = "#!/bin/sh\necho kecsh wire form test\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < script.length; i++) script[i] = line[i % line.length];
        return Base64.getEncoder().encodeToString(script);
    }

    @Test
    void runInstancesWithSixteenKilobytesOfUserData_goesAsAPostForm_andSucceeds() {
        String userData = sixteenKilobytes();
        Response r = client.call("RunInstances", launch(userData));
        String id = (String) ((Map<?, ?>) ((List<?>) r.get("InstancesSet")).get(0)).get("InstanceId");

        HttpRequest post = sent.get(0);
        assertEquals("POST", post.method());
        assertTrue(post.query().isEmpty(), "nothing in the URL: " + post.query());
        assertTrue(post.headers().first("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded"));
        assertTrue(post.headers().first("Authorization").orElse("").startsWith("AWS4-HMAC-SHA256 "));
        assertTrue(post.bodyText().contains("Action=RunInstances"), "the action is in the body");
        assertTrue(post.bodyText().length() > 21_000, "the 16 KB of user data travel in the body");
        assertEquals(userData, sandbox.state().region("cn-beijing-6").instances.get(id).userData, "it arrived whole");

        client.call("DescribeInstances", Map.of("InstanceId", List.of(id)));
        HttpRequest read = sent.get(1);
        assertEquals("GET", read.method(), "a read stays a GET");
        assertEquals("DescribeInstances", read.queryValue("Action").orElseThrow());
        assertEquals(0, read.body().length);
    }

    @Test
    void aThrottledLaunch_isRetriedAsTheSamePostForm() {
        sandbox.faults().throttleNext("RunInstances", 1);
        client.call("RunInstances", launch(sixteenKilobytes()));
        assertEquals(2, sent.size(), "throttled once, then accepted");
        for (HttpRequest attempt : sent) assertEquals("POST", attempt.method());
        assertEquals(
                sent.get(0).bodyText(),
                sent.get(1).bodyText(),
                "the same parameters on every attempt; only the signature is new");
    }
}
