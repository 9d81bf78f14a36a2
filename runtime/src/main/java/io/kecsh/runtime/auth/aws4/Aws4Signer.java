package io.kecsh.runtime.auth.aws4;

import io.kecsh.runtime.auth.CanonicalQuery;
import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Kingsoft's variant of AWS Signature Version 4 (CATALOG §2.5): AWS4-HMAC-SHA256 with the X-Amz-*
 * names and the scope {@code date/region/service/aws4_request}. GET requests carry the signature in
 * the query string ({@link #signQuery}); POST requests in an Authorization header
 * ({@link #signHeaders}). {@link #expectedSignature} is the same computation for a server checking
 * what it received, so the client and the sandbox cannot drift apart.
 *
 * <p>Thread-safe and stateless apart from the injected clock.
 */
public final class Aws4Signer {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    public static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    public static final String X_AMZ_DATE = "X-Amz-Date";
    public static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    public static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    public static final String X_AMZ_SIGNATURE = "X-Amz-Signature";

    /** ISO 8601 basic format, always UTC: 20160304T120000Z. */
    public static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** SHA-256 of no bytes, hex: every GET's payload hash. */
    private static final String EMPTY_PAYLOAD_HASH = Hashes.sha256Hex(new byte[0]);

    private static final Pattern AMZ_DATE_SHAPE = Pattern.compile("\\d{8}T\\d{6}Z");
    /** Query parameters this signer owns: replaced, never duplicated, when a request is re-signed. */
    private static final Set<String> QUERY_AUTH_PARAMS = Set.of(
            X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE, X_AMZ_SIGNED_HEADERS, X_AMZ_SECURITY_TOKEN, X_AMZ_SIGNATURE);

    private final Clock clock;

    public Aws4Signer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Authorization-header form: adds Host (from {@link HttpRequest#hostHeader()}, if absent),
     * X-Amz-Date, X-Amz-Security-Token (when the credentials carry a session token) and
     * Authorization; signs every header present (lower-cased, sorted); the payload hash is the hex
     * SHA-256 of the body. An Authorization header left from an earlier signing is replaced.
     */
    public Aws4Signature signHeaders(HttpRequest request, Credentials credentials, String region, String service) {
        checkScopePart(region, "region");
        checkScopePart(service, "service");
        String amzDate = AMZ_DATE.format(clock.instant());
        Headers headers = withHost(request).without("Authorization").replacing(X_AMZ_DATE, amzDate);
        if (credentials.sessionToken() != null)
            headers = headers.replacing(X_AMZ_SECURITY_TOKEN, credentials.sessionToken());
        HttpRequest toSign = request.withHeaders(headers);
        List<String> signedHeaders = CanonicalHeaders.signedHeaderNames(headers);

        Steps steps = compute(toSign, toSign.query(), credentials.secret(), region, service, amzDate, signedHeaders);
        String authorization =
                authorizationHeader(credentials.accessKeyId(), steps.scope, signedHeaders, steps.signature);
        return new Aws4Signature(
                toSign.withHeader("Authorization", authorization),
                steps.canonicalRequest,
                steps.stringToSign,
                steps.signature,
                steps.scope,
                signedHeaders,
                amzDate,
                authorization);
    }

    /**
     * Query-string form (Kingsoft GET): appends X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date,
     * X-Amz-SignedHeaders (host, plus any other headers present), X-Amz-Security-Token (when the
     * credentials carry one, signed like the others, as AWS presigning does) and then
     * X-Amz-Signature to the query. Host is added as a header if absent, since it is always signed.
     */
    public Aws4Signature signQuery(HttpRequest request, Credentials credentials, String region, String service) {
        checkScopePart(region, "region");
        checkScopePart(service, "service");
        String amzDate = AMZ_DATE.format(clock.instant());
        Headers headers = withHost(request).without("Authorization");
        List<String> signedHeaders = CanonicalHeaders.signedHeaderNames(headers);
        String scope = credentialScope(amzDate, region, service);

        List<QueryParam> query = new ArrayList<>();
        for (QueryParam p : request.query()) if (!QUERY_AUTH_PARAMS.contains(p.name())) query.add(p);
        query.add(new QueryParam(X_AMZ_ALGORITHM, ALGORITHM));
        query.add(new QueryParam(X_AMZ_CREDENTIAL, credentials.accessKeyId() + "/" + scope));
        query.add(new QueryParam(X_AMZ_DATE, amzDate));
        query.add(new QueryParam(X_AMZ_SIGNED_HEADERS, CanonicalHeaders.signedHeadersValue(signedHeaders)));
        if (credentials.sessionToken() != null)
            query.add(new QueryParam(X_AMZ_SECURITY_TOKEN, credentials.sessionToken()));
        HttpRequest toSign = request.withHeaders(headers).withQuery(query);

        Steps steps = compute(toSign, query, credentials.secret(), region, service, amzDate, signedHeaders);
        HttpRequest signed = toSign.withQueryParam(X_AMZ_SIGNATURE, steps.signature);
        return new Aws4Signature(
                signed,
                steps.canonicalRequest,
                steps.stringToSign,
                steps.signature,
                steps.scope,
                signedHeaders,
                amzDate,
                null);
    }

    /**
     * For servers: what the signature of a received request must be, given the date, the
     * signed-header list and the form it arrived in ({@code queryForm}: X-Amz-Signature is left
     * out of the canonical query). The caller parses those from the Authorization header or the
     * X-Amz-* parameters, finds the secret for the access key ID, then compares with
     * {@link Aws4Signature#matches}. A signed header missing from the request signs as empty, so the
     * signature simply does not match. The authorization of the result is null.
     *
     * @param amzDate yyyyMMdd'T'HHmmss'Z' (from X-Amz-Date, or a Date header converted to it)
     * @throws IllegalArgumentException when amzDate is not in that format, or region or service is
     *     empty or holds a slash
     */
    public static Aws4Signature expectedSignature(
            HttpRequest received,
            String secret,
            String region,
            String service,
            String amzDate,
            List<String> signedHeaders,
            boolean queryForm) {
        Objects.requireNonNull(secret, "secret");
        checkScopePart(region, "region");
        checkScopePart(service, "service");
        if (amzDate == null || !AMZ_DATE_SHAPE.matcher(amzDate).matches()) {
            throw new IllegalArgumentException(
                    "the date must be ISO 8601 basic format yyyyMMdd'T'HHmmss'Z', got " + amzDate);
        }
        List<String> canonicalNames = CanonicalHeaders.canonicalNames(signedHeaders);
        List<QueryParam> query =
                queryForm ? CanonicalQuery.without(received.query(), X_AMZ_SIGNATURE) : received.query();
        Steps steps = compute(received, query, secret, region, service, amzDate, canonicalNames);
        return new Aws4Signature(
                received,
                steps.canonicalRequest,
                steps.stringToSign,
                steps.signature,
                steps.scope,
                canonicalNames,
                amzDate,
                null);
    }

    /** {@code yyyyMMdd/region/service/aws4_request} for a date in basic format. */
    public static String credentialScope(String amzDate, String region, String service) {
        return amzDate.substring(0, 8) + "/" + region + "/" + service + "/" + Aws4SigningKey.TERMINATOR;
    }

    /** {@code AWS4-HMAC-SHA256 Credential=AK/scope, SignedHeaders=a;b, Signature=hex}, as AWS writes it. */
    public static String authorizationHeader(
            String accessKeyId, String credentialScope, List<String> signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId + "/" + credentialScope + ", SignedHeaders="
                + CanonicalHeaders.signedHeadersValue(signedHeaders) + ", Signature=" + signature;
    }

    private static Steps compute(
            HttpRequest request,
            List<QueryParam> query,
            String secret,
            String region,
            String service,
            String amzDate,
            List<String> signedHeaders) {
        String canonicalRequest = String.join(
                "\n",
                request.method(),
                CanonicalUri.of(request.path()),
                CanonicalQuery.of(query),
                CanonicalHeaders.of(request.headers(), signedHeaders),
                CanonicalHeaders.signedHeadersValue(signedHeaders),
                payloadHash(request.body()));
        String scope = credentialScope(amzDate, region, service);
        String stringToSign = String.join("\n", ALGORITHM, amzDate, scope, Hashes.sha256Hex(canonicalRequest));
        byte[] key = Aws4SigningKey.derive(secret, amzDate.substring(0, 8), region, service);
        String signature = Hashes.hex(Hashes.hmacSha256(key, stringToSign));
        return new Steps(canonicalRequest, stringToSign, scope, signature);
    }

    /** The hex SHA-256 of the body; a GET's empty body has one hash, known without hashing. */
    private static String payloadHash(byte[] body) {
        return body.length == 0 ? EMPTY_PAYLOAD_HASH : Hashes.sha256Hex(body);
    }

    private static Headers withHost(HttpRequest request) {
        Headers headers = request.headers();
        return headers.contains("Host") ? headers : headers.with("Host", request.hostHeader());
    }

    private static void checkScopePart(String value, String what) {
        if (value == null || value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException(
                    "the credential scope " + what + " must be non-empty and hold no slash, got " + value);
        }
    }

    private record Steps(String canonicalRequest, String stringToSign, String scope, String signature) {}
}
