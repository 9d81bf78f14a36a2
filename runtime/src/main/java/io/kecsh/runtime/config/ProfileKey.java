package io.kecsh.runtime.config;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every key a profile in {@code ~/.kecsh/config} may set, spelled exactly as in the file.
 * Credential and region keys are snake_case like the AWS and aliyun CLIs' files; the defaults
 * for the DSL share a {@code default.} prefix so they read as a group and cannot be mistaken for
 * connection settings.
 */
public enum ProfileKey {
    KSYUN_ACCESS_KEY("ksyun_access_key", false, "Kingsoft access key ID"),
    KSYUN_SECRET_KEY("ksyun_secret_key", true, "Kingsoft secret access key"),
    ALIBABA_ACCESS_KEY_ID("alibaba_access_key_id", false, "Alibaba AccessKey ID"),
    ALIBABA_ACCESS_KEY_SECRET("alibaba_access_key_secret", true, "Alibaba AccessKey secret"),
    ALIBABA_SECURITY_TOKEN("alibaba_security_token", true, "Alibaba STS security token (temporary credentials)"),
    REGION("region", false, "Kingsoft region, e.g. cn-beijing-6"),
    ALIBABA_REGION("alibaba_region", false, "Alibaba region, e.g. cn-hangzhou"),
    ENDPOINT("endpoint", false, "one http(s) endpoint for every service (proxy, private cloud, sandbox)"),
    DEFAULT_IMAGE("default.image", "image", "ImageId", "image ID the DSL uses when a script names none"),
    DEFAULT_SUBNET("default.subnet", "subnet", "SubnetId", "subnet ID"),
    DEFAULT_SECURITY_GROUP("default.security_group", "securityGroup", "SecurityGroupId", "security group ID"),
    DEFAULT_CHARGE_TYPE("default.charge_type", "chargeType", "ChargeType", "charge type, e.g. Daily"),
    DEFAULT_KEY_ID("default.key_id", "keyId", "KeyId", "SSH key ID"),
    DEFAULT_INSTANCE_TYPE("default.instance_type", "instanceType", "InstanceType", "instance type, e.g. S4.2B");

    private static final List<String> ALL_KEYS =
            Arrays.stream(values()).map(ProfileKey::key).toList();

    private final String key;
    private final boolean secret;
    private final String defaultName;
    private final String runInstancesParameter;
    private final String description;

    ProfileKey(String key, boolean secret, String description) {
        this(key, secret, null, null, description);
    }

    ProfileKey(String key, String defaultName, String runInstancesParameter, String description) {
        this(key, false, defaultName, runInstancesParameter, description);
    }

    ProfileKey(String key, boolean secret, String defaultName, String runInstancesParameter, String description) {
        this.key = key;
        this.secret = secret;
        this.defaultName = defaultName;
        this.runInstancesParameter = runInstancesParameter;
        this.description = description;
    }

    /** The spelling in the file, e.g. {@code default.security_group}. */
    public String key() {
        return key;
    }

    /** True for values that must never be shown: secret keys and tokens. */
    public boolean secret() {
        return secret;
    }

    /**
     * For {@code default.*} keys, the name in {@link Settings#defaults()} (camelCase, as the DSL
     * spells its options: {@code securityGroup}); empty for connection settings.
     */
    public Optional<String> defaultName() {
        return Optional.ofNullable(defaultName);
    }

    /**
     * For {@code default.*} keys, the RunInstances parameter the default fills in; its model entry
     * says what values are allowed.
     */
    public Optional<String> runInstancesParameter() {
        return Optional.ofNullable(runInstancesParameter);
    }

    public String description() {
        return description;
    }

    /** The key with exactly this spelling. */
    public static Optional<ProfileKey> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }

    /** Every key's spelling, in declaration order (for "did you mean" and documentation). */
    public static List<String> allKeys() {
        return ALL_KEYS;
    }

    @Override
    public String toString() {
        return key;
    }
}
