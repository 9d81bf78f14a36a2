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
    /**
     * The last key derived, in memory only: it stays the same for a whole day of one credential,
     * region and service, and deriving it is four HMACs on every request (as the AWS SDKs, which
     * keep derived keys the same way). Never written anywhere.
     */
    private static volatile Derived last;

    private Aws4SigningKey() {}

    static byte[] derive(String secret, String dateStamp, String region, String service) {
        Derived known = last;
        if (known != null
                && known.secret.equals(secret)
                && known.dateStamp.equals(dateStamp)
                && known.region.equals(region)
                && known.service.equals(service)) {
            return known.key.clone();
        }
        byte[] key = compute(secret, dateStamp, region, service);
        last = new Derived(secret, dateStamp, region, service, key.clone());
        return key;
    }

    private static byte[] compute(String secret, String dateStamp, String region, String service) {
        byte[] kDate = Hashes.hmacSha256(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), dateStamp);
        byte[] kRegion = Hashes.hmacSha256(kDate, region);
        byte[] kService = Hashes.hmacSha256(kRegion, service);
        return Hashes.hmacSha256(kService, TERMINATOR);
    }

    private record Derived(String secret, String dateStamp, String region, String service, byte[] key) {
        @Override
        public String toString() {
            return "Derived[" + dateStamp + "/" + region + "/" + service + "]"; // never the secret or the key
        }
    }
}
