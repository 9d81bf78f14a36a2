package io.kecsh.runtime.auth.aws4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.RawHttp;
import io.kecsh.runtime.auth.SharedTestData;
import io.kecsh.runtime.http.HttpRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * AWS's SigV4 test suite, 2015 edition ({@code testdata/sigv4}, see its SOURCE.md), through
 * {@link Aws4Signer#signHeaders}: for every case folder found at run time, the canonical request,
 * then the string to sign, then the Authorization header must equal the published files byte for
 * byte. The same cases then go through {@link Aws4Signer#expectedSignature}, as the sandbox will
 * receive them.
 */
class Aws4TestSuiteTest {
    static final String ACCESS_KEY = "AKIDEXAMPLE";
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final String REGION = "us-east-1";
    static final String SERVICE = "service";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2015-08-30T12:36:00Z"), ZoneOffset.UTC);
    /** The session token of get-vanilla-with-session-token, as its SOURCE.md gives it (the .req has none). */
    static final String VANILLA_SESSION_TOKEN = "6e86291e8372ff2a2260956d9b8aae1d763fbf315fa00fa31553b73ebf194267";

    /** Every case of this suite applies to kecsh's signer; the map stays as the place to say why if one stops. */
    static final Map<String, String> SKIPPED = Map.of();

    /**
     * Cases whose .sreq does not carry the .authz signature. For these the published .sreq
     * signature must fail and the .authz one must verify, so a corrected upstream file shows up.
     */
    static final Map<String, String> SREQ_SLIPS = Map.of(
            "get-vanilla-with-session-token",
            "Its .sreq carries get-vanilla's signature (5fa00fa3…) instead of the case's own .authz signature (07ec1639…), a copy slip in the suite.");

    @TestFactory
    Stream<DynamicTest> signHeaders_everyPublishedCase_matchesCanonicalRequestThenStringToSignThenAuthorization() {
        Path suite = SharedTestData.suite("sigv4");
        List<Path> cases = SharedTestData.caseFolders(suite);
        assertTrue(cases.size() >= 34, "the 2015 suite has 34 cases, found " + cases.size());
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    String name = dir.getFileName().toString();
                    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
                    Aws4Signature result = new Aws4Signer(CLOCK)
                            .signHeaders(request(dir, name), credentials(suite, name), REGION, SERVICE);
                    assertEquals(file(dir, name, "creq"), result.canonicalRequest(), name + ": canonical request");
                    assertEquals(file(dir, name, "sts"), result.stringToSign(), name + ": string to sign");
                    assertEquals(file(dir, name, "authz"), result.authorization(), name + ": Authorization");
                    assertEquals(
                            result.authorization(),
                            result.signedRequest()
                                    .headers()
                                    .first("Authorization")
                                    .orElseThrow(),
                            name + ": the signed request carries the Authorization");
                }));
    }

    @TestFactory
    Stream<DynamicTest> expectedSignature_everyPublishedSignedRequest_verifies() {
        Path suite = SharedTestData.suite("sigv4");
        return SharedTestData.caseFolders(suite).stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    String name = dir.getFileName().toString();
                    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
                    // The .sreq is what arrives at a server: parse its Authorization as the sandbox will.
                    HttpRequest received = RawHttp.parse(file(dir, name, "sreq"));
                    AuthorizationHeader authz = AuthorizationHeader.parse(
                            received.headers().first("Authorization").orElseThrow());
                    Aws4Signature expected = Aws4Signer.expectedSignature(
                            received,
                            SECRET,
                            authz.region(),
                            authz.service(),
                            received.headers().first("X-Amz-Date").orElseThrow(),
                            authz.signedHeaders(),
                            false);
                    assertEquals(file(dir, name, "creq"), expected.canonicalRequest(), name + ": canonical request");
                    assertEquals(file(dir, name, "sts"), expected.stringToSign(), name + ": string to sign");
                    String authzSignature =
                            AuthorizationHeader.parse(file(dir, name, "authz")).signature();
                    if (SREQ_SLIPS.containsKey(name)) {
                        assertFalse(expected.matches(authz.signature()), name + ": " + SREQ_SLIPS.get(name));
                        assertTrue(expected.matches(authzSignature), name + ": the .authz signature verifies");
                    } else {
                        assertTrue(expected.matches(authz.signature()), name + ": the published signature verifies");
                        assertEquals(
                                authzSignature, authz.signature(), name + ": the .sreq carries the .authz signature");
                    }
                }));
    }

    @Test
    void skipList_namesOnlyExistingCases() {
        SharedTestData.assertSkipListNamesExistingCases(SharedTestData.suite("sigv4"), SKIPPED);
        SharedTestData.assertSkipListNamesExistingCases(SharedTestData.suite("sigv4"), SREQ_SLIPS);
    }

    /**
     * The original 2015 zip canonicalized the obs-folded header with commas; AWS corrected it to
     * spaces (aws-c-auth #106). kecsh follows the correction, so it must not reproduce the original.
     */
    @Test
    void signHeaders_originalMultilineVariant_isNotFollowed() {
        Path variant = SharedTestData.suite("sigv4-variants").resolve("original-2015-zip/get-header-value-multiline");
        String name = "get-header-value-multiline";
        Aws4Signature result = new Aws4Signer(CLOCK)
                .signHeaders(request(variant, name), new Credentials(ACCESS_KEY, SECRET), REGION, SERVICE);
        String original = file(variant, name, "creq");
        assertTrue(original.contains("my-header1:value1,value2,value3"), "the variant is the comma version");
        assertNotEquals(original, result.canonicalRequest());
        assertEquals(
                original.replace("value1,value2,value3", "value1 value2 value3"),
                result.canonicalRequest(),
                "the only difference is how the folded lines are joined");
        assertNotEquals(file(variant, name, "authz"), result.authorization());
    }

    static HttpRequest request(Path dir, String name) {
        return RawHttp.parse(file(dir, name, "req"));
    }

    /**
     * The suite's credentials; the STS cases carry the token of post-sts-token.readme.txt. In
     * post-sts-header-after the token is attached after signing (the readme says so, and its .creq
     * does not sign it); kecsh's signer always signs a token it is given, so that case is signed
     * with credentials that have none, which is exactly the state the case describes.
     */
    static Credentials credentials(Path suite, String name) {
        return switch (name) {
            case "get-vanilla-with-session-token" -> new Credentials(ACCESS_KEY, SECRET, VANILLA_SESSION_TOKEN);
            case "post-sts-header-before" -> new Credentials(ACCESS_KEY, SECRET, stsToken(suite));
            default -> new Credentials(ACCESS_KEY, SECRET);
        };
    }

    /** The token is the last line of the readme. */
    static String stsToken(Path suite) {
        String[] lines = SharedTestData.read(suite.resolve("post-sts-token.readme.txt"))
                .strip()
                .split("\n");
        return lines[lines.length - 1].strip();
    }

    static String file(Path dir, String name, String ext) {
        return SharedTestData.read(dir.resolve(name + "." + ext));
    }
}
