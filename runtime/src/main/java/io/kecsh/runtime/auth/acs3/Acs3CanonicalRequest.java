package io.kecsh.runtime.auth.acs3;

import io.kecsh.runtime.auth.CanonicalQuery;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.Rfc3986;
import java.util.List;
import java.util.Locale;

/**
 * The canonical request of Alibaba's signature V3 (ACS3-HMAC-SHA256):
 * {@code Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedRequestPayload}.
 * The layout is SigV4's; the differences are which headers are signed ({@link #signedHeaderNames}),
 * that header values are only trimmed at the ends, and that the path is not normalized.
 */
public final class Acs3CanonicalRequest {
    private Acs3CanonicalRequest() {}

    /** host, content-type and every x-acs-* header present: lower-cased, distinct, sorted. */
    public static List<String> signedHeaderNames(Headers headers) {
        return headers.lowerCaseNames().stream()
                .filter(n -> n.equals("host") || n.equals("content-type") || n.startsWith("x-acs-"))
                .sorted()
                .toList();
    }

    /**
     * @param signedHeaders lower-cased and sorted
     * @param hashedPayload lower-case hex SHA-256 of the body (the x-acs-content-sha256 value)
     */
    public static String build(HttpRequest request, List<String> signedHeaders, String hashedPayload) {
        StringBuilder headers = new StringBuilder();
        for (String name : signedHeaders)
            headers.append(name)
                    .append(':')
                    .append(value(request.headers(), name))
                    .append('\n');
        return String.join(
                "\n",
                request.method(),
                canonicalUri(request.path()),
                CanonicalQuery.of(request.query()),
                headers,
                String.join(";", signedHeaders),
                hashedPayload);
    }

    /** RPC-style APIs always post to "/"; a ROA path is encoded as it is, segment by segment. */
    static String canonicalUri(String decodedPath) {
        return decodedPath == null || decodedPath.isEmpty() ? "/" : Rfc3986.encodePath(decodedPath);
    }

    /** Every value of the header, trimmed at both ends, comma-joined in order (as Alibaba's SDKs merge repeats). */
    static String value(Headers headers, String name) {
        return String.join(",", headers.all(name).stream().map(String::strip).toList());
    }

    static String lowerCase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
