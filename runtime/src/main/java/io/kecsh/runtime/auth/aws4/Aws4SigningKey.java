package io.kecsh.runtime.auth.aws4;

import io.kecsh.runtime.auth.Hashes;

import java.nio.charset.StandardCharsets;

/**
 * The SigV4 key chain of the specification's pseudo-code (catalog item 4: "AWS4" + secret, not the
 * bare secret the prose mentions): HMAC-SHA256 over date, region, service and "aws4_request".
 * Package-private: the derived key is as sensitive as the secret.
 */
final class Aws4SigningKey {
    static final String TERMINATOR = "aws4_request";

    private Aws4SigningKey() {
    }

    static byte[] derive(String secret, String dateStamp, String region, String service) {
        byte[] kDate = Hashes.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), dateStamp);
        byte[] kRegion = Hashes.hmacSha256(kDate, region);
        byte[] kService = Hashes.hmacSha256(kRegion, service);
        return Hashes.hmacSha256(kService, TERMINATOR);
    }
}
