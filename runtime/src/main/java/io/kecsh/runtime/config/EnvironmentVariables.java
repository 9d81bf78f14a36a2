package io.kecsh.runtime.config;

/**
 * The environment variables kecsh reads. The credential and region names are the ones
 * Kingsoft's and Alibaba's own tools use, so an environment set up for those works unchanged.
 */
public final class EnvironmentVariables {
    public static final String KSYUN_ACCESS_KEY = "KSYUN_ACCESS_KEY";
    public static final String KSYUN_SECRET_KEY = "KSYUN_SECRET_KEY";
    public static final String KSYUN_REGION = "KSYUN_REGION";
    public static final String ALIBABA_CLOUD_ACCESS_KEY_ID = "ALIBABA_CLOUD_ACCESS_KEY_ID";
    public static final String ALIBABA_CLOUD_ACCESS_KEY_SECRET = "ALIBABA_CLOUD_ACCESS_KEY_SECRET";
    public static final String ALIBABA_CLOUD_SECURITY_TOKEN = "ALIBABA_CLOUD_SECURITY_TOKEN";
    public static final String ALIBABA_CLOUD_REGION_ID = "ALIBABA_CLOUD_REGION_ID";
    /** Which profile of {@code ~/.kecsh/config} to use when none is given explicitly. */
    public static final String KECSH_PROFILE = "KECSH_PROFILE";

    private EnvironmentVariables() {}
}
