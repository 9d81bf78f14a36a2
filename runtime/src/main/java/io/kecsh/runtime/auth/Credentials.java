package io.kecsh.runtime.auth;

import java.util.Objects;

/**
 * An access key pair. The secret is reachable only through {@link #secret()} — never through
 * {@code toString}, {@code equals} messages or serialization of this object into logs.
 *
 * @param sessionToken optional temporary-credential token (signed as x-amz-security-token), or null
 */
public record Credentials(String accessKeyId, String secret, String sessionToken) {

    public Credentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secret, "secret");
        if (accessKeyId.isBlank()) throw new IllegalArgumentException("the access key ID is empty");
        if (secret.isBlank()) throw new IllegalArgumentException("the secret key is empty");
    }

    public Credentials(String accessKeyId, String secret) {
        this(accessKeyId, secret, null);
    }

    /** The access key ID with its middle hidden, for banners and logs: AKLT…2Q. */
    public String maskedAccessKeyId() {
        if (accessKeyId.length() <= 8) return accessKeyId.charAt(0) + "…";
        return accessKeyId.substring(0, 4) + "…" + accessKeyId.substring(accessKeyId.length() - 2);
    }

    @Override
    public String toString() {
        return "Credentials[" + maskedAccessKeyId() + ", secret ****" + (sessionToken == null ? "" : ", token ****")
                + "]";
    }
}
