package io.kecsh.runtime.config;

/**
 * Where one cloud's credentials and region live, in the environment and in the profile file:
 * the single table the parser and the resolver both read, so the names cannot drift apart.
 * A null token name means the cloud has no temporary-credential token setting.
 */
record CloudKeyNames(
        Cloud cloud,
        String envAccessKey,
        String envSecret,
        String envToken,
        String envRegion,
        ProfileKey fileAccessKey,
        ProfileKey fileSecret,
        ProfileKey fileToken,
        ProfileKey fileRegion) {

    private static final CloudKeyNames KINGSOFT = new CloudKeyNames(
            Cloud.KINGSOFT,
            EnvironmentVariables.KSYUN_ACCESS_KEY,
            EnvironmentVariables.KSYUN_SECRET_KEY,
            null,
            EnvironmentVariables.KSYUN_REGION,
            ProfileKey.KSYUN_ACCESS_KEY,
            ProfileKey.KSYUN_SECRET_KEY,
            null,
            ProfileKey.REGION);

    private static final CloudKeyNames ALIBABA = new CloudKeyNames(
            Cloud.ALIBABA,
            EnvironmentVariables.ALIBABA_CLOUD_ACCESS_KEY_ID,
            EnvironmentVariables.ALIBABA_CLOUD_ACCESS_KEY_SECRET,
            EnvironmentVariables.ALIBABA_CLOUD_SECURITY_TOKEN,
            EnvironmentVariables.ALIBABA_CLOUD_REGION_ID,
            ProfileKey.ALIBABA_ACCESS_KEY_ID,
            ProfileKey.ALIBABA_ACCESS_KEY_SECRET,
            ProfileKey.ALIBABA_SECURITY_TOKEN,
            ProfileKey.ALIBABA_REGION);

    static CloudKeyNames of(Cloud cloud) {
        return switch (cloud) {
            case KINGSOFT -> KINGSOFT;
            case ALIBABA -> ALIBABA;
        };
    }
}
