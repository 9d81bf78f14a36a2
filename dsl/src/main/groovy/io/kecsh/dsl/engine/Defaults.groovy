package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import io.kecsh.runtime.config.ProfileKey
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

/**
 * Where values for required parameters come from when a verb leaves them out, strongest first:
 * the script's {@code defaults { }}, the profile ({@code default.image = …} in ~/.kecsh/config,
 * where {@code default.cn-shanghai-2.subnet = …} wins in that region),
 * then — on the sandbox — its seeded image and charge type. A subnet and security group nobody
 * set are read from the account (NetworkPlacement). When none has a value, the error says exactly
 * where to set it.
 */
@CompileStatic
class Defaults {
    /**
     * The settings a script, a profile and the sandbox can give, with the RunInstances parameter each
     * fills, and their spelling in the profile file: all from the config package's {@link ProfileKey}.
     */
    static final Map<String, String> KEYS = ProfileKey.values().findAll { it.defaultName().present }
        .collectEntries { [it.defaultName().get(), it.runInstancesParameter().orElse(null)] }.asImmutable()
    private static final Map<String, String> PROFILE_KEYS = ProfileKey.values().findAll { it.defaultName().present }
        .collectEntries { [it.defaultName().get(), it.key()] }.asImmutable()

    /** A source of fallback values per region (the sandbox's seeded image and charge type). */
    static interface Source {
        String get(String key, String region)
    }

    /**
     * The defaults that name a resource of one region (a subnet, a security group). A profile's
     * value for them was written for the region the session starts in ({@link #profileRegion}): in
     * any other region it is not sent (it would name a resource that region does not have), and the
     * subnet and group are read from that region's own network, as when no default is set.
     */
    static final Set<String> REGION_BOUND = ['subnet', 'securityGroup'] as Set<String>

    final Map<String, String> script = [:]
    final Map<String, String> profile
    final Source fallback
    /** The Kingsoft region the profile's region-bound defaults belong to; null: every region. */
    final String profileRegion
    /** The profile's {@code default.<region>.<key>} values: region → name → value; each wins in its region. */
    final Map<String, Map<String, String>> regional

    Defaults(Map<String, String> profile, Source fallback, String profileRegion = null,
             Map<String, Map<String, String>> regional = null) {
        this.profile = profile == null ? [:] : profile
        this.fallback = fallback
        this.profileRegion = profileRegion
        this.regional = regional == null ? [:] : regional
    }

    void set(String key, Object value) {
        if (!KEYS.containsKey(key)) {
            throw new IllegalArgumentException("defaults: unknown setting ${UserText.quoted(key)}${Suggestions.didYouMean(key, KEYS.keySet())}; " +
                "settings: ${KEYS.keySet().join(', ')}")
        }
        script[key] = value as String
    }

    String get(String key, String region) {
        script[key] ?: fromProfile(key, region) ?: fallback?.get(key, region)
    }

    private String fromProfile(String key, String region) {
        String own = region == null ? null : regional[region]?.get(key)
        if (own != null) return own
        boolean elsewhere = REGION_BOUND.contains(key) && profileRegion != null && region != null && region != profileRegion
        elsewhere ? null : profile[key]
    }

    /** A value the call cannot do without, or an error that says where to set it. */
    String require(String key, String region, String verb, String friendlyName) {
        String value = get(key, region)
        if (value != null) return value
        throw new IllegalArgumentException("${verb}: no ${friendlyName} given and no default: pass ${friendlyName}: to ${verb}, " +
            "or set it with defaults { ${key} '…' } in the script or ${PROFILE_KEYS[key]} in ~/.kecsh/config")
    }
}
