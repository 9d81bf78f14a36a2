package io.kecsh.runtime.config;

import io.kecsh.runtime.auth.Credentials;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One section of the profile file, {@code [default]} or {@code [profile NAME]}, as parsed.
 * A profile stands alone: a named profile does not inherit from {@code [default]}, so what a
 * session runs with can be read off one section. Created only by {@link ProfileFileParser},
 * which has already checked that key pairs are complete.
 */
public final class Profile {
    /** The name of the {@code [default]} section and the profile used when none is chosen. */
    public static final String DEFAULT = "default";

    private final String name;
    private final Path file;
    private final int line;
    private final Map<ProfileKey, ProfileEntry> entries;
    private final Map<RegionalDefault, ProfileEntry> regional;

    Profile(String name, Path file, int line, Map<ProfileKey, ProfileEntry> entries) {
        this(name, file, line, entries, Map.of());
    }

    Profile(
            String name,
            Path file,
            int line,
            Map<ProfileKey, ProfileEntry> entries,
            Map<RegionalDefault, ProfileEntry> regional) {
        this.regional = Collections.unmodifiableMap(new LinkedHashMap<>(regional));
        this.name = name;
        this.file = file;
        this.line = line;
        this.entries = entries.isEmpty() ? Collections.emptyMap() : Collections.unmodifiableMap(new EnumMap<>(entries));
    }

    public String name() {
        return name;
    }

    public Path file() {
        return file;
    }

    /** The line of the section header. */
    public int line() {
        return line;
    }

    /** The keys this profile sets, in {@link ProfileKey} order. */
    public Set<ProfileKey> keys() {
        return entries.keySet();
    }

    /** A key's value. For secret keys this is the secret itself: do not print it. */
    public Optional<String> value(ProfileKey key) {
        return Optional.ofNullable(entries.get(key)).map(ProfileEntry::value);
    }

    public OptionalInt lineOf(ProfileKey key) {
        ProfileEntry entry = entries.get(key);
        return entry == null ? OptionalInt.empty() : OptionalInt.of(entry.line());
    }

    /** "/home/u/.kecsh/config:7" for a key that is set, the section header's line otherwise. */
    public String location(ProfileKey key) {
        return file + ":" + lineOf(key).orElse(line);
    }

    /** "profile 'prod' in /home/u/.kecsh/config": the source named on credentials from here. */
    public String describeSource() {
        return "profile '" + name + "' in " + file;
    }

    public boolean holdsSecrets() {
        return entries.keySet().stream().anyMatch(ProfileKey::secret);
    }

    /** The cloud's key pair when this profile sets one (the parser refuses half pairs). */
    public Optional<Credentials> credentials(Cloud cloud) {
        CloudKeyNames names = CloudKeyNames.of(cloud);
        Optional<String> accessKey = value(names.fileAccessKey());
        Optional<String> secret = value(names.fileSecret());
        if (accessKey.isEmpty() || secret.isEmpty()) return Optional.empty();
        String token =
                names.fileToken() == null ? null : value(names.fileToken()).orElse(null);
        return Optional.of(new Credentials(accessKey.get(), secret.get(), token));
    }

    /** The {@code default.*} keys by their DSL names (image, securityGroup, …), in key order. */
    public Map<String, String> defaults() {
        Map<String, String> defaults = new LinkedHashMap<>();
        entries.forEach((key, entry) -> key.defaultName().ifPresent(n -> defaults.put(n, entry.value())));
        return Collections.unmodifiableMap(defaults);
    }

    /** The {@code default.<region>.<key>} keys this profile sets, in file order. */
    public Set<RegionalDefault> regionalKeys() {
        return regional.keySet();
    }

    /** A regional default's value. */
    public Optional<String> value(RegionalDefault key) {
        return Optional.ofNullable(regional.get(key)).map(ProfileEntry::value);
    }

    /** "/home/u/.kecsh/config:9" for a regional default this profile sets. */
    public String location(RegionalDefault key) {
        ProfileEntry entry = regional.get(key);
        return file + ":" + (entry == null ? line : entry.line());
    }

    /**
     * The {@code default.<region>.<key>} values: region, then DSL name (subnet, securityGroup, …) to
     * value; in a region they win over {@link #defaults()}.
     */
    public Map<String, Map<String, String>> regionalDefaults() {
        Map<String, Map<String, String>> byRegion = new LinkedHashMap<>();
        regional.forEach((key, entry) -> byRegion.computeIfAbsent(key.region(), r -> new LinkedHashMap<>())
                .put(key.defaultName(), entry.value()));
        byRegion.replaceAll((r, values) -> Collections.unmodifiableMap(values));
        return Collections.unmodifiableMap(byRegion);
    }

    @Override
    public String toString() {
        // Key names only: values may be secrets.
        return "Profile[" + name + " at " + file + ":" + line + ", keys: "
                + entries.keySet().stream().map(ProfileKey::key).collect(Collectors.joining(", ")) + "]";
    }
}
