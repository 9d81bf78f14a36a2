package io.kecsh.runtime.config;

import java.util.Optional;

/**
 * A profile key {@code default.<region>.<key>}, e.g. {@code default.cn-shanghai-2.subnet}: a
 * {@code default.*} setting that applies only in that Kingsoft region and wins there over the plain
 * {@code default.<key>}. A subnet or security group names a resource of one region, so a profile
 * that works in several regions gives each its own (issue 14).
 *
 * @param region the Kingsoft region the value belongs to, as written
 * @param key    the plain {@code default.*} key it stands in for in that region
 */
public record RegionalDefault(String region, ProfileKey key) {
    private static final String PREFIX = "default.";

    /**
     * The regional default a key spells, or empty when it is not one: {@code default.}, a region
     * (no dots, as region names have none), then the rest of a plain {@code default.*} key.
     */
    public static Optional<RegionalDefault> parse(String key) {
        if (!key.startsWith(PREFIX)) return Optional.empty();
        String rest = key.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        if (dot <= 0) return Optional.empty();
        return ProfileKey.fromKey(PREFIX + rest.substring(dot + 1))
                .filter(k -> k.defaultName().isPresent())
                .map(k -> new RegionalDefault(rest.substring(0, dot), k));
    }

    /** The spelling in the file, e.g. {@code default.cn-shanghai-2.subnet}. */
    public String spelling() {
        return PREFIX + region + "." + key.key().substring(PREFIX.length());
    }

    /** The DSL's name for the setting ({@code subnet}, {@code securityGroup}). */
    public String defaultName() {
        return key.defaultName().orElseThrow();
    }

    @Override
    public String toString() {
        return spelling();
    }
}
