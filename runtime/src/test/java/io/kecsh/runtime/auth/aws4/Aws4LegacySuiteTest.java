package io.kecsh.runtime.auth.aws4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.kecsh.runtime.auth.RawHttp;
import io.kecsh.runtime.auth.SharedTestData;
import io.kecsh.runtime.http.HttpRequest;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * AWS's 2011 SigV4 suite ({@code testdata/sigv4-legacy-2011}, see its SOURCE.md; CRLF files,
 * host.foo.com, service "host"). Its requests are dated by a {@code Date} header and sign no
 * X-Amz-Date, so {@link Aws4Signer#signHeaders} (which always adds X-Amz-Date) cannot produce them;
 * they are what a server may receive, so they run through {@link Aws4Signer#expectedSignature}
 * with the date taken from the Date header, as catalog item 2 allows. The canonical request and
 * string to sign are compared after CRLF → LF (the suite's own hashes are over LF).
 */
class Aws4LegacySuiteTest {
    static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final DateTimeFormatter WITHOUT_WEEKDAY =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss zzz", Locale.ENGLISH);

    static final Map<String, String> SKIPPED = Map.of(
            "get-header-key-duplicate",
                    "The 2011 edition sorts the values of a repeated header (foobar,zoobar,zoobar); the 2015 edition and AWS today keep them in order of appearance, which kecsh follows.",
            "get-header-value-order",
                    "The 2011 edition sorts the values of a repeated header (a,a,p,z); the 2015 edition and AWS today keep them in order of appearance, which kecsh follows.",
            "post-vanilla-query-nonunreserved",
                    "Its request-target holds raw spaces, '#' and a bare '%', and the expected query is what the 2011 harness's parser made of them (cut at the first space), not a signing rule.",
            "post-vanilla-query-space",
                    "Its request-target 'f oo=b ar' holds raw spaces and the expected query 'f=' is what the 2011 harness's parser made of it (cut at the first space), not a signing rule.");

    @TestFactory
    Stream<DynamicTest> expectedSignature_everyLegacyCase_matchesCanonicalRequestThenStringToSignThenAuthorization() {
        Path suite = SharedTestData.suite("sigv4-legacy-2011");
        List<Path> cases = SharedTestData.caseFolders(suite);
        assertTrue(cases.size() >= 30, "the 2011 suite has 30 cases, found " + cases.size());
        return cases.stream()
                .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                    String name = dir.getFileName().toString();
                    assumeFalse(SKIPPED.containsKey(name), () -> SKIPPED.get(name));
                    HttpRequest received = RawHttp.parse(file(dir, name, "req"));
                    String authzText = file(dir, name, "authz");
                    AuthorizationHeader authz = AuthorizationHeader.parse(authzText);

                    Aws4Signature expected = Aws4Signer.expectedSignature(
                            received,
                            SECRET,
                            authz.region(),
                            authz.service(),
                            amzDateOf(received.headers().first("Date").orElseThrow()),
                            authz.signedHeaders(),
                            false);
                    assertEquals(
                            lf(file(dir, name, "creq")), expected.canonicalRequest(), name + ": canonical request");
                    assertEquals(lf(file(dir, name, "sts")), expected.stringToSign(), name + ": string to sign");
                    assertEquals(
                            authzText,
                            Aws4Signer.authorizationHeader(
                                    authz.accessKeyId(),
                                    expected.credentialScope(),
                                    expected.signedHeaders(),
                                    expected.signature()),
                            name + ": Authorization");
                }));
    }

    @Test
    void skipList_namesOnlyExistingCases() {
        SharedTestData.assertSkipListNamesExistingCases(SharedTestData.suite("sigv4-legacy-2011"), SKIPPED);
    }

    /**
     * What a server does with a Date header: RFC 1123 to ISO 8601 basic format. The weekday is
     * ignored: the suite writes "Mon, 09 Sep 2011", and 9 September 2011 was a Friday.
     */
    private static String amzDateOf(String httpDate) {
        String withoutWeekday = httpDate.strip().replaceFirst("^[A-Za-z]{3}, ", "");
        return Aws4Signer.AMZ_DATE.format(ZonedDateTime.parse(withoutWeekday, WITHOUT_WEEKDAY));
    }

    private static String lf(String text) {
        return text.replace("\r\n", "\n");
    }

    private static String file(Path dir, String name, String ext) {
        return SharedTestData.read(dir.resolve(name + "." + ext));
    }
}
