package io.kecsh.runtime.auth.acs3;

import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.auth.Redaction;
import io.kecsh.runtime.http.HttpRequest;
import java.util.List;

/**
 * Everything one ACS3-HMAC-SHA256 signing produced.
 *
 * @param signedRequest          the request with the x-acs-* headers and Authorization; for
 *                               {@link Acs3Signer#expectedSignature} the received request, unchanged
 * @param canonicalRequest       may hold x-acs-security-token: never log it
 * @param hashedCanonicalRequest lower-case hex SHA-256 of the canonical request
 * @param stringToSign           {@code ACS3-HMAC-SHA256\n} + the hashed canonical request
 * @param signature              64 lower-case hex digits
 * @param signedHeaders          lower-cased, sorted
 * @param authorization          the Authorization header value; null from expectedSignature
 */
public record Acs3Signature(
        HttpRequest signedRequest,
        String canonicalRequest,
        String hashedCanonicalRequest,
        String stringToSign,
        String signature,
        List<String> signedHeaders,
        String authorization) {

    public Acs3Signature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** Whether a presented signature equals this one, compared in constant time. */
    public boolean matches(String presentedSignature) {
        return Hashes.constantTimeEquals(signature, presentedSignature);
    }

    /** Omits the canonical request (it may hold a token) and all but the start of the signature. */
    @Override
    public String toString() {
        return "Acs3Signature[" + signedRequest + ", signedHeaders=" + signedHeaders + ", signature="
                + Redaction.signature(signature) + "]";
    }
}
