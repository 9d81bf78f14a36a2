package io.kecsh.runtime.config;

import io.kecsh.runtime.model.ServiceModel;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * What a session runs with, fully resolved from explicit values, the environment and the
 * profile file (see {@link SettingsResolver}). Immutable. No credentials for any cloud means the
 * session uses the sandbox. An absent region means the service's default region from the model.
 * {@link #toString()} and {@link #describe()} never show a secret.
 */
public final class Settings {
    private final String profile;
    private final Map<Cloud, CloudCredentials> credentials;
    private final Map<Cloud, String> regions;
    private final URI endpoint;
    private final Map<String, String> defaults;
    private final Map<String, Map<String, String>> regionalDefaults;
    private final List<String> warnings;

    private Settings(Builder b) {
        this.profile = b.profile;
        this.credentials = Collections.unmodifiableMap(new EnumMap<>(b.credentials));
        this.regions = Collections.unmodifiableMap(new EnumMap<>(b.regions));
        this.endpoint = b.endpoint;
        this.defaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.defaults));
        this.regionalDefaults = Collections.unmodifiableMap(new LinkedHashMap<>(b.regionalDefaults));
        this.warnings = List.copyOf(b.warnings);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default profile with nothing set: the sandbox. */
    public static Settings none() {
        return builder().build();
    }

    /** The profile the file was read for; {@code "default"} unless one was chosen. */
    public String profile() {
        return profile;
    }

    public Optional<CloudCredentials> credentials(Cloud cloud) {
        return Optional.ofNullable(credentials.get(cloud));
    }

    /** The region set for this cloud; empty means "the service's default region in the model". */
    public Optional<String> region(Cloud cloud) {
        return Optional.ofNullable(regions.get(cloud));
    }

    /**
     * The region calls to this cloud go to: the one set, else the cloud's default in the model. The
     * one place this is decided: the client, the shell's prompt and the banner all read it.
     */
    public String region(Cloud cloud, ServiceModel model) {
        return region(cloud).orElseGet(() -> cloud.defaultRegion(model));
    }

    /** One endpoint for every service, replacing the model's host patterns; empty when not overridden. */
    public Optional<URI> endpoint() {
        return Optional.ofNullable(endpoint);
    }

    /**
     * Defaults for the DSL by name: {@code image}, {@code subnet}, {@code securityGroup},
     * {@code chargeType}, {@code keyId}, {@code instanceType} (see {@link ProfileKey#defaultName()}).
     */
    public Map<String, String> defaults() {
        return defaults;
    }

    /**
     * The profile's {@code default.<region>.<key>} values: Kingsoft region, then DSL name to value.
     * In that region each wins over the plain {@link #defaults()} value.
     */
    public Map<String, Map<String, String>> regionalDefaults() {
        return regionalDefaults;
    }

    /** Things the user should know but that do not stop the session, e.g. an exposed config file. */
    public List<String> warnings() {
        return warnings;
    }

    public boolean hasAnyCredentials() {
        return !credentials.isEmpty();
    }

    /**
     * One secret-free line for a banner, e.g. {@code profile 'prod'; Kingsoft Cloud: cn-beijing-6,
     * key AKLT…2Q from environment (KSYUN_ACCESS_KEY); Alibaba Cloud: default region, no credentials}.
     */
    public String describe() {
        StringJoiner line = new StringJoiner("; ");
        line.add("profile '" + profile + "'");
        if (!hasAnyCredentials()) {
            line.add("no credentials (sandbox)");
        }
        for (Cloud cloud : Cloud.values()) {
            CloudCredentials cloudCredentials = credentials.get(cloud);
            String region = regions.get(cloud);
            // A cloud with neither is noise in a banner; say nothing about it.
            if (cloudCredentials == null && region == null) continue;
            line.add(cloud.displayName() + ": " + (region == null ? "default region" : region) + ", "
                    + (cloudCredentials == null ? "no credentials" : "key " + cloudCredentials.describe()));
        }
        if (endpoint != null) line.add("endpoint " + endpoint);
        return line.toString();
    }

    @Override
    public String toString() {
        return "Settings[" + describe() + (defaults.isEmpty() ? "" : "; defaults " + defaults) + "]";
    }

    /** Assembles {@link Settings}; used by the resolver, and by tests and embedders that set values directly. */
    public static final class Builder {
        private String profile = Profile.DEFAULT;
        private final Map<Cloud, CloudCredentials> credentials = new EnumMap<>(Cloud.class);
        private final Map<Cloud, String> regions = new EnumMap<>(Cloud.class);
        private URI endpoint;
        private final Map<String, String> defaults = new LinkedHashMap<>();
        private final Map<String, Map<String, String>> regionalDefaults = new LinkedHashMap<>();
        private final List<String> warnings = new ArrayList<>();

        private Builder() {}

        public Builder profile(String name) {
            this.profile = Objects.requireNonNull(name, "profile");
            return this;
        }

        public Builder credentials(Cloud cloud, CloudCredentials cloudCredentials) {
            credentials.put(
                    Objects.requireNonNull(cloud, "cloud"), Objects.requireNonNull(cloudCredentials, "credentials"));
            return this;
        }

        public Builder region(Cloud cloud, String region) {
            regions.put(Objects.requireNonNull(cloud, "cloud"), Objects.requireNonNull(region, "region"));
            return this;
        }

        public Builder endpoint(URI uri) {
            this.endpoint = uri;
            return this;
        }

        public Builder defaultValue(String name, String value) {
            defaults.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder defaults(Map<String, String> values) {
            values.forEach(this::defaultValue);
            return this;
        }

        public Builder regionalDefaults(Map<String, Map<String, String>> values) {
            values.forEach((region, byName) ->
                    regionalDefaults.put(Objects.requireNonNull(region, "region"), Map.copyOf(byName)));
            return this;
        }

        public Builder warning(String warning) {
            warnings.add(Objects.requireNonNull(warning, "warning"));
            return this;
        }

        public Settings build() {
            return new Settings(this);
        }
    }
}
