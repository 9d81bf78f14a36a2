package io.kecsh.runtime.config;

import io.kecsh.runtime.auth.Credentials;
import java.util.Objects;

/**
 * A key pair together with where it was found, so a banner or an authentication error can say
 * which key is in use without showing it.
 *
 * @param source a human description of the origin, e.g. {@code "explicit"},
 *               {@code "environment (KSYUN_ACCESS_KEY)"} or
 *               {@code "profile 'prod' in /home/u/.kecsh/config"}; never contains a secret
 */
public record CloudCredentials(Credentials credentials, String source) {

    public CloudCredentials {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(source, "source");
    }

    /** "AKLT…2Q from environment (KSYUN_ACCESS_KEY)": the masked key ID and its origin. */
    public String describe() {
        return credentials.maskedAccessKeyId() + " from " + source;
    }

    @Override
    public String toString() {
        // Credentials.toString already masks; spelled out so a change there cannot leak here.
        return "CloudCredentials[" + describe() + (credentials.sessionToken() == null ? "" : ", with token") + "]";
    }
}
