package io.kecsh.runtime.auth.aws4;

import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.auth.Redaction;
import io.kecsh.runtime.http.HttpRequest;
import java.util.List;

/**
 * Everything one SigV4 signing produced, each step a value a test can compare with a published
 * vector and a server can compare with what it received.
 *
 * @param signedRequest    the request as sent: with Host, X-Amz-Date (header form) or the X-Amz-*
 *                         query parameters (query form), and the signature. For
 *                         {@link Aws4Signer#expectedSignature} it is the received request, unchanged.
 * @param canonicalRequest the SigV4 canonical request (it may hold a session token: never log it)
 * @param stringToSign     AWS4-HMAC-SHA256, date, scope and the canonical request's hash
 * @param signature        64 lower-case hex digits
 * @param credentialScope  {@code yyyyMMdd/region/service/aws4_request}
 * @param signedHeaders    lower-cased, sorted
 * @param amzDate          {@code yyyyMMdd'T'HHmmss'Z'}
 * @param authorization    the Authorization header value for the header form; null for the query
 *                         form and for {@link Aws4Signer#expectedSignature}, which knows no key ID
 */
public record Aws4Signature(
        HttpRequest signedRequest,
        String canonicalRequest,
        String stringToSign,
        String signature,
        String credentialScope,
        List<String> signedHeaders,
        String amzDate,
        String authorization) {

    public Aws4Signature {
        signedHeaders = List.copyOf(signedHeaders);
    }

    /** Whether a presented signature equals this one, compared in constant time. */
    public boolean matches(String presentedSignature) {
        return Hashes.constantTimeEquals(signature, presentedSignature);
    }

    /** Omits the canonical request (it may hold a token) and all but the start of the signature. */
    @Override
    public String toString() {
        return "Aws4Signature[" + signedRequest + ", scope=" + credentialScope + ", signedHeaders=" + signedHeaders
                + ", amzDate=" + amzDate + ", signature=" + Redaction.signature(signature) + "]";
    }
}
