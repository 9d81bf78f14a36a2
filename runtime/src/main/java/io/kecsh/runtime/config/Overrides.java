package io.kecsh.runtime.config;

import io.kecsh.runtime.auth.Credentials;
import java.net.URI;

/**
 * Values given explicitly (command-line flags, a DSL {@code settings { }} block, an embedding
 * program); each one wins over the environment and the profile file. Every component may be null.
 *
 * @param profile  the profile to read from the file (wins over {@code KECSH_PROFILE})
 * @param region   Kingsoft's region (the same setting as {@code KSYUN_REGION} and the file's
 *                 {@code region}); Alibaba's region comes from the environment or the file only
 * @param endpoint one endpoint for every service (a proxy, a private cloud, the sandbox)
 * @param kingsoft a Kingsoft key pair
 * @param alibaba  an Alibaba key pair (with its security token, if temporary)
 */
public record Overrides(String profile, String region, URI endpoint, Credentials kingsoft, Credentials alibaba) {

    public Overrides {
        // A flag given as "--profile ''" means "not given", not "a profile with no name".
        profile = blankToNull(profile);
        region = blankToNull(region);
    }

    /** Nothing explicit: the environment and the profile file decide. */
    public static Overrides none() {
        return new Overrides(null, null, null, null, null);
    }

    public Overrides withProfile(String newProfile) {
        return new Overrides(newProfile, region, endpoint, kingsoft, alibaba);
    }

    public Overrides withRegion(String newRegion) {
        return new Overrides(profile, newRegion, endpoint, kingsoft, alibaba);
    }

    public Overrides withEndpoint(URI newEndpoint) {
        return new Overrides(profile, region, newEndpoint, kingsoft, alibaba);
    }

    public Overrides withKingsoft(Credentials credentials) {
        return new Overrides(profile, region, endpoint, credentials, alibaba);
    }

    public Overrides withAlibaba(Credentials credentials) {
        return new Overrides(profile, region, endpoint, kingsoft, credentials);
    }

    /** The explicit key pair for one cloud, or null. */
    Credentials credentials(Cloud cloud) {
        return switch (cloud) {
            case KINGSOFT -> kingsoft;
            case ALIBABA -> alibaba;
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
