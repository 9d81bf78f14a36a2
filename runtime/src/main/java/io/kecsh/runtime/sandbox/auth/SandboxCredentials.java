package io.kecsh.runtime.sandbox.auth;

import io.kecsh.runtime.auth.Credentials;

/**
 * The key pairs the sandbox accepts: one for the Kingsoft APIs, one for the Alibaba ones. The
 * defaults are documented in the README and may be overridden by flags or configuration.
 */
public record SandboxCredentials(Credentials kingsoft, Credentials alibaba) {
    public static final Credentials DEFAULT_KINGSOFT =
            new Credentials("AKLTSANDBOXKINGSOFT01", "sandbox-kingsoft-secret");
    public static final Credentials DEFAULT_ALIBABA = new Credentials("LTAISANDBOXALIBABA01", "sandbox-alibaba-secret");

    public static SandboxCredentials defaults() {
        return new SandboxCredentials(DEFAULT_KINGSOFT, DEFAULT_ALIBABA);
    }
}
