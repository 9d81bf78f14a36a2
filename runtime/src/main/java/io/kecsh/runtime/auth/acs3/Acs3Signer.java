package io.kecsh.runtime.auth.acs3;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Alibaba Cloud signature V3, ACS3-HMAC-SHA256 (CATALOG §7.0 and Appendix A), for the KMS and BSS
 * APIs: the signature covers host, content-type and the x-acs-* headers, and the secret is the
 * HMAC key itself (no derivation). RPC-style parameters stay in the query string.
 *
 * <p>Thread-safe if the nonce supplier is.
 */
public final class Acs3Signer {
    public static final String ALGORITHM = "ACS3-HMAC-SHA256";
    /** ISO 8601 in UTC to the second: 2023-10-26T09:01:01Z. */
    public static final DateTimeFormatter ACS_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Clock clock;
    private final Supplier<String> nonces;

    /** @param nonces a fresh unguessable value per call (the server refuses a nonce it has seen) */
    public Acs3Signer(Clock clock, Supplier<String> nonces) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /**
     * Adds host (if absent), x-acs-action, x-acs-version, x-acs-date, x-acs-signature-nonce,
     * x-acs-content-sha256, x-acs-security-token (if the credentials carry one), then
     * Authorization {@code ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=…,Signature=…}.
     * Values this signer owns are replaced, not repeated, when a request is signed again.
     */
    public Acs3Signature sign(HttpRequest request, Credentials credentials, String action, String version) {
        requireText(action, "action");
        requireText(version, "version");
        String nonce = nonces.get();
        requireText(nonce, "signature nonce");
        String payloadHash = Hashes.sha256Hex(request.body());

        Headers headers = request.headers().without("Authorization");
        if (!headers.contains("host")) headers = headers.with("host", request.hostHeader());
        headers = headers.replacing("x-acs-action", action)
                .replacing("x-acs-version", version)
                .replacing("x-acs-date", ACS_DATE.format(clock.instant()))
                .replacing("x-acs-signature-nonce", nonce)
                .replacing("x-acs-content-sha256", payloadHash);
        if (credentials.sessionToken() != null)
            headers = headers.replacing("x-acs-security-token", credentials.sessionToken());
        HttpRequest toSign = request.withHeaders(headers);

        List<String> signedHeaders = Acs3CanonicalRequest.signedHeaderNames(headers);
        Acs3Signature unsigned = compute(toSign, credentials.secret(), signedHeaders, payloadHash);
        String authorization = authorization(credentials.accessKeyId(), signedHeaders, unsigned.signature());
        return new Acs3Signature(
                toSign.withHeader("Authorization", authorization),
                unsigned.canonicalRequest(),
                unsigned.hashedCanonicalRequest(),
                unsigned.stringToSign(),
                unsigned.signature(),
                signedHeaders,
                authorization);
    }

    /**
     * For servers: the signature a received request must carry, given the SignedHeaders list from
     * its Authorization header. The payload hash is recomputed from the body rather than read from
     * x-acs-content-sha256, so a header that lies about the body cannot pass. The authorization
     * of the result is null.
     */
    public static Acs3Signature expectedSignature(HttpRequest received, String secret, List<String> signedHeaders) {
        return signatureFor(received, secret, signedHeaders, Hashes.sha256Hex(received.body()));
    }

    /**
     * The V3 computation from a given payload hash, for callers that hash the body themselves
     * (streamed or unsigned payloads); the signed headers are lower-cased and sorted first.
     */
    public static Acs3Signature signatureFor(
            HttpRequest request, String secret, List<String> signedHeaders, String hashedPayload) {
        Objects.requireNonNull(secret, "secret");
        List<String> names = signedHeaders.stream()
                .map(Acs3CanonicalRequest::lowerCase)
                .distinct()
                .sorted()
                .toList();
        return compute(request, secret, names, hashedPayload);
    }

    /** {@code ACS3-HMAC-SHA256 Credential=<id>,SignedHeaders=a;b,Signature=<hex>} (no spaces after commas). */
    public static String authorization(String accessKeyId, List<String> signedHeaders, String signature) {
        return ALGORITHM + " Credential=" + accessKeyId + ",SignedHeaders=" + String.join(";", signedHeaders)
                + ",Signature=" + signature;
    }

    private static Acs3Signature compute(
            HttpRequest request, String secret, List<String> signedHeaders, String hashedPayload) {
        String canonicalRequest = Acs3CanonicalRequest.build(request, signedHeaders, hashedPayload);
        String hashedCanonicalRequest = Hashes.sha256Hex(canonicalRequest);
        String stringToSign = ALGORITHM + "\n" + hashedCanonicalRequest;
        String signature = Hashes.hex(Hashes.hmacSha256(secret.getBytes(StandardCharsets.UTF_8), stringToSign));
        return new Acs3Signature(
                request, canonicalRequest, hashedCanonicalRequest, stringToSign, signature, signedHeaders, null);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) throw new IllegalArgumentException("the " + what + " is empty");
    }
}
