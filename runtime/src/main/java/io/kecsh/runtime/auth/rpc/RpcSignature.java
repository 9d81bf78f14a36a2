package io.kecsh.runtime.auth.rpc;

import io.kecsh.runtime.auth.Hashes;
import io.kecsh.runtime.auth.Redaction;
import io.kecsh.runtime.http.HttpRequest;

/**
 * Everything one classic RPC (HMAC-SHA1) signing produced.
 *
 * @param signedRequest  the request with the signature parameters in its query or form body; for
 *                       {@link RpcSigner#expectedSignature} the received request, unchanged
 * @param canonicalQuery the sorted, encoded parameters (may hold SecurityToken: never log it)
 * @param stringToSign   {@code METHOD&%2F&} + the encoded canonical query
 * @param signature      Base64 of the HMAC-SHA1
 */
public record RpcSignature(HttpRequest signedRequest, String canonicalQuery, String stringToSign, String signature) {

    /** Whether a presented signature equals this one, compared in constant time. */
    public boolean matches(String presentedSignature) {
        return Hashes.constantTimeEquals(signature, presentedSignature);
    }

    /** Omits the canonical query and string to sign (they may hold a token) and most of the signature. */
    @Override
    public String toString() {
        return "RpcSignature[" + signedRequest + ", signature=" + Redaction.signature(signature) + "]";
    }
}
