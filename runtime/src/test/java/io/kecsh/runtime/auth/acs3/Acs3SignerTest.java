package io.kecsh.runtime.auth.acs3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KMS-shaped requests: what the V3 signer adds, and that a server accepts exactly what it signed. */
class Acs3SignerTest {
    private static final String KEY_ID = "LTAI5tExampleKeyId01";
    private static final String SECRET = "kW9sExampleSecret/8rQ+2mZa";
    private static final String TOKEN = "CAIS-sts-token-Example";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T08:15:30.789Z"), ZoneOffset.UTC);

    private static Acs3Signer signer(String... nonces) {
        Iterator<String> it = Arrays.asList(nonces).iterator();
        return new Acs3Signer(CLOCK, it::next);
    }

    private static HttpRequest getKmsInstance() {
        return new HttpRequest(
                "POST",
                "https",
                "kms.cn-hangzhou.aliyuncs.com",
                443,
                "/",
                List.of(new QueryParam("KmsInstanceId", "kst-hzz65f176a0ogplgq****")),
                Headers.of("Accept", "application/json", "User-Agent", "kecsh"),
                new byte[0]);
    }

    private static HttpRequest formPost() {
        byte[] body = FormEncoding.encode(
                        List.of(new QueryParam("InstanceId", "kms-1"), new QueryParam("ProductCode", "kms")))
                .getBytes(StandardCharsets.UTF_8);
        return getKmsInstance()
                .withQuery(List.of())
                .withBody("POST", body)
                .withHeader("Content-Type", FormEncoding.CONTENT_TYPE);
    }

    @Test
    void sign_kmsRequest_addsTheAcsHeadersAndSignsOnlyHostAndThem() {
        Acs3Signature result = signer("nonce-1")
                .sign(getKmsInstance(), new Credentials(KEY_ID, SECRET), "GetKmsInstance", "2016-01-20");
        Headers headers = result.signedRequest().headers();
        assertEquals("kms.cn-hangzhou.aliyuncs.com", headers.first("host").orElseThrow());
        assertEquals("GetKmsInstance", headers.first("x-acs-action").orElseThrow());
        assertEquals("2016-01-20", headers.first("x-acs-version").orElseThrow());
        assertEquals("2026-03-01T08:15:30Z", headers.first("x-acs-date").orElseThrow(), "UTC, to the second");
        assertEquals("nonce-1", headers.first("x-acs-signature-nonce").orElseThrow());
        assertEquals(
                Hashes.sha256Hex(new byte[0]),
                headers.first("x-acs-content-sha256").orElseThrow());
        assertEquals(
                List.of(
                        "host",
                        "x-acs-action",
                        "x-acs-content-sha256",
                        "x-acs-date",
                        "x-acs-signature-nonce",
                        "x-acs-version"),
                result.signedHeaders(),
                "accept and user-agent are not signed");
        assertEquals(
                "ACS3-HMAC-SHA256 Credential=" + KEY_ID + ",SignedHeaders=" + String.join(";", result.signedHeaders())
                        + ",Signature=" + result.signature(),
                result.authorization());
        assertEquals(result.authorization(), headers.first("Authorization").orElseThrow());
        assertEquals(
                "KmsInstanceId=kst-hzz65f176a0ogplgq%2A%2A%2A%2A",
                result.canonicalRequest().split("\n")[2], "RPC parameters stay in the query");
        assertEquals("/", result.canonicalRequest().split("\n")[1]);
        assertEquals("ACS3-HMAC-SHA256\n" + Hashes.sha256Hex(result.canonicalRequest()), result.stringToSign());
    }

    @Test
    void sign_kmsRequestWithFixedClockAndNonce_isTheIndependentlyComputedSignature() {
        // Expected value computed outside kecsh, with Python's hashlib/hmac from the documented
        // construction (method, "/", sorted encoded query, "name:value\n" per signed header, signed
        // header names, hex SHA-256 of the body; "ACS3-HMAC-SHA256\n" + hex SHA-256 of that; hex
        // HMAC-SHA256 keyed with the secret); the same lines reproduce the published 06563a9e… of
        // testdata/acs3/official-doc-v3-runinstances.json. The round trips below only show that the
        // sandbox's check agrees with the signer; this pins both to the algorithm.
        Acs3Signature result = signer("nonce-1")
                .sign(getKmsInstance(), new Credentials(KEY_ID, SECRET), "GetKmsInstance", "2016-01-20");
        assertEquals("d6a87493aec8e2e7fbfb645146d69d1dd2651706ad4ed109e3dc5fae8e9943c3", result.signature());
    }

    @Test
    void sign_formBodyAndSessionToken_signContentTypeTokenAndBodyHash() {
        HttpRequest post = formPost();
        Acs3Signature result =
                signer("n").sign(post, new Credentials(KEY_ID, SECRET, TOKEN), "ModifyInstance", "2017-12-14");
        assertTrue(
                result.signedHeaders().containsAll(List.of("content-type", "x-acs-security-token")),
                result.signedHeaders().toString());
        assertEquals(
                TOKEN,
                result.signedRequest().headers().first("x-acs-security-token").orElseThrow());
        assertEquals(
                Hashes.sha256Hex(post.body()),
                result.signedRequest().headers().first("x-acs-content-sha256").orElseThrow());
        assertTrue(result.canonicalRequest().endsWith("\n" + Hashes.sha256Hex(post.body())));
    }

    @Test
    void sign_signedTwice_replacesItsHeadersWithTheNewNonce() {
        Acs3Signer signer = signer("first", "second");
        Acs3Signature first =
                signer.sign(getKmsInstance(), new Credentials(KEY_ID, SECRET), "GetKmsInstance", "2016-01-20");
        Acs3Signature second =
                signer.sign(first.signedRequest(), new Credentials(KEY_ID, SECRET), "GetKmsInstance", "2016-01-20");
        assertEquals(List.of("second"), second.signedRequest().headers().all("x-acs-signature-nonce"));
        assertEquals(1, second.signedRequest().headers().all("Authorization").size());
        assertEquals(1, second.signedRequest().headers().all("host").size());
        assertFalse(first.signature().equals(second.signature()), "a new nonce is a new signature");
    }

    @Test
    void sign_emptyNonceOrAction_isRefused() {
        Credentials credentials = new Credentials(KEY_ID, SECRET);
        assertThrows(
                IllegalArgumentException.class,
                () -> signer(" ").sign(getKmsInstance(), credentials, "GetKmsInstance", "2016-01-20"));
        assertThrows(
                IllegalArgumentException.class,
                () -> signer("n").sign(getKmsInstance(), credentials, "", "2016-01-20"));
    }

    @Test
    void expectedSignature_signedRequestRoundTrip_verifies() {
        for (HttpRequest request : List.of(getKmsInstance(), formPost())) {
            Acs3Signature sent =
                    signer("n").sign(request, new Credentials(KEY_ID, SECRET, TOKEN), "GetKmsInstance", "2016-01-20");
            assertTrue(verify(sent.signedRequest(), SECRET), request.toString());
        }
    }

    @Test
    void expectedSignature_tamperedRequest_doesNotVerify() {
        HttpRequest signed = signer("n")
                .sign(formPost(), new Credentials(KEY_ID, SECRET), "ModifyInstance", "2017-12-14")
                .signedRequest();
        byte[] otherBody = signed.bodyText().replace("kms-1", "kms-2").getBytes(StandardCharsets.UTF_8);
        assertFalse(verify(signed.withBody("POST", otherBody), SECRET), "body (x-acs-content-sha256 is not trusted)");
        assertFalse(
                verify(
                        signed.withBody("POST", otherBody)
                                .withHeader("x-acs-content-sha256", Hashes.sha256Hex(otherBody)),
                        SECRET),
                "body with its hash header updated (that header is signed)");
        assertFalse(verify(signed.withHeader("x-acs-action", "ReleaseKmsInstance"), SECRET), "action header");
        assertFalse(verify(signed.withHeader("x-acs-signature-nonce", "replayed"), SECRET), "nonce");
        assertFalse(verify(signed.withQueryParam("ForceDeleteWithoutBackup", "true"), SECRET), "query parameter");
        assertFalse(verify(signed, SECRET + "x"), "other secret");
        assertTrue(verify(signed.withHeader("User-Agent", "other"), SECRET), "an unsigned header may change");
    }

    @Test
    void toString_ofTheResult_showsNeitherSecretNorTokenNorWholeSignature() {
        Acs3Signer signer = signer("n");
        Acs3Signature result =
                signer.sign(formPost(), new Credentials(KEY_ID, SECRET, TOKEN), "ModifyInstance", "2017-12-14");
        for (String text : List.of(result.toString(), result.signedRequest().toString(), signer.toString())) {
            assertFalse(text.contains(SECRET), text);
            assertFalse(text.contains(TOKEN), text);
            assertFalse(text.contains(result.signature()), text);
            assertFalse(text.contains(result.signature().substring(20)), text);
        }
    }

    /** What a server does: parse SignedHeaders and Signature from Authorization, recompute, compare. */
    private static boolean verify(HttpRequest received, String secret) {
        String authorization = received.headers().first("Authorization").orElseThrow();
        List<String> signedHeaders = Arrays.asList(
                authorization.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
        String signature = authorization.replaceAll(".*Signature=([0-9a-f]+).*", "$1");
        return Acs3Signer.expectedSignature(received, secret, signedHeaders).matches(signature);
    }
}
