package io.kecsh.runtime.auth.rpc;

import io.kecsh.runtime.auth.CanonicalQuery;
import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.RequestParameters;
import io.kecsh.runtime.http.Rfc3986;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Alibaba Cloud's classic RPC signature (SignatureMethod HMAC-SHA1, SignatureVersion 1.0, the one
 * GetKmsInstance's IllegalTimestamp error implies, CATALOG §7.0): every parameter except Signature,
 * sorted and {@link Rfc3986}-encoded, is encoded once more into
 * {@code METHOD&%2F&<canonical query>} and signed with HMAC-SHA1 keyed by {@code secret + "&"}.
 *
 * <p>Parameters travel in the query string (GET) or an x-www-form-urlencoded body (POST); both are
 * signed together when a request has both, as Alibaba's SDKs do.
 */
public final class RpcSigner {
    public static final String SIGNATURE_METHOD = "HMAC-SHA1";
    public static final String SIGNATURE_VERSION = "1.0";
    /** ISO 8601 in UTC to the second: 2016-02-23T12:46:24Z. */
    public static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** Parameters this signer owns: replaced, never repeated, when a request is signed again. */
    private static final Set<String> OWN_PARAMS = Set.of(
            "AccessKeyId",
            "SignatureMethod",
            "SignatureVersion",
            "SignatureNonce",
            "Timestamp",
            "SecurityToken",
            "Signature");

    private final Clock clock;
    private final Supplier<String> nonces;

    /** @param nonces a fresh unguessable value per call (the server refuses a nonce it has seen) */
    public RpcSigner(Clock clock, Supplier<String> nonces) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * Adds AccessKeyId, SignatureMethod=HMAC-SHA1, SignatureVersion=1.0, SignatureNonce, Timestamp
     * (yyyy-MM-ddTHH:mm:ssZ, UTC), SecurityToken (if any), then Signature, to whichever part holds
     * the parameters: the form body when the Content-Type is a form or when a POST has no query
     * parameters (setting the Content-Type if absent), the query string otherwise.
     *
     * @throws IllegalArgumentException when the body is neither empty nor a form: the RPC signature
     *     cannot cover it
     */
    public RpcSignature sign(HttpRequest request, Credentials credentials) {
        String nonce = nonces.get();
        if (nonce == null || nonce.isBlank()) throw new IllegalArgumentException("the signature nonce is empty");
        boolean inBody = parametersInBody(request);

        List<QueryParam> params = new ArrayList<>();
        for (QueryParam p : inBody ? FormEncoding.decode(request.bodyText()) : request.query()) {
            if (!OWN_PARAMS.contains(p.name())) params.add(p);
        }
        params.add(new QueryParam("AccessKeyId", credentials.accessKeyId()));
        params.add(new QueryParam("SignatureMethod", SIGNATURE_METHOD));
        params.add(new QueryParam("SignatureVersion", SIGNATURE_VERSION));
        params.add(new QueryParam("SignatureNonce", nonce));
        params.add(new QueryParam("Timestamp", TIMESTAMP.format(clock.instant())));
        if (credentials.sessionToken() != null) params.add(new QueryParam("SecurityToken", credentials.sessionToken()));

        HttpRequest unsigned = inBody ? withForm(request, params) : request.withQuery(params);
        RpcSignature computed = expectedSignature(unsigned, credentials.secret());
        params.add(new QueryParam("Signature", computed.signature()));
        HttpRequest signed = inBody ? withForm(request, params) : request.withQuery(params);
        return new RpcSignature(signed, computed.canonicalQuery(), computed.stringToSign(), computed.signature());
    }

    /**
     * For servers (and the signer itself): the signature a received request must carry. Signs the
     * query parameters and, when the Content-Type is a form, the body's parameters, leaving out
     * Signature.
     *
     * @throws IllegalArgumentException ({@link io.kecsh.runtime.http.MalformedText}) when the form body
     *     is not UTF-8 or has a malformed percent-escape
     */
    public static RpcSignature expectedSignature(HttpRequest received, String secret) {
        Objects.requireNonNull(secret, "secret");
        String canonicalQuery = CanonicalQuery.of(CanonicalQuery.without(RequestParameters.of(received), "Signature"));
        String stringToSign = stringToSign(received.method(), canonicalQuery);
        byte[] key = (secret + "&").getBytes(StandardCharsets.UTF_8);
        String signature = Base64.getEncoder().encodeToString(Hashes.hmacSha1(key, stringToSign));
        return new RpcSignature(received, canonicalQuery, stringToSign, signature);
    }

    /** {@code METHOD&%2F&<encoded canonical query>}: the path is always "/" for RPC APIs. */
    public static String stringToSign(String method, String canonicalQuery) {
        return method + "&" + Rfc3986.encode("/") + "&" + Rfc3986.encode(canonicalQuery);
    }

    private static boolean parametersInBody(HttpRequest request) {
        if (FormEncoding.isFormContentType(
                request.headers().first("Content-Type").orElse(null))) return true;
        if (request.body().length > 0) {
            throw new IllegalArgumentException("the RPC signature covers query and form parameters only; "
                    + "this request has a body that is not " + FormEncoding.CONTENT_TYPE);
        }
        return "POST".equalsIgnoreCase(request.method()) && request.query().isEmpty();
    }

    private static HttpRequest withForm(HttpRequest request, List<QueryParam> params) {
        HttpRequest withBody =
                request.withBody(request.method(), FormEncoding.encode(params).getBytes(StandardCharsets.UTF_8));
        return request.headers().contains("Content-Type")
                ? withBody
                : withBody.withHeader("Content-Type", FormEncoding.CONTENT_TYPE);
    }
}
