package io.kecsh.runtime.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed {@code ~/.kecsh/config}: its profiles by name, in file order. Immutable. */
public final class ProfileFile {
    private final Path path;
    private final Map<String, Profile> profiles;

    ProfileFile(Path path, List<Profile> profiles) {
        this.path = path;
        Map<String, Profile> byName = new LinkedHashMap<>();
        profiles.forEach(p -> byName.put(p.name(), p));
        this.profiles = Collections.unmodifiableMap(byName);
    }

    public Path path() {
        return path;
    }

    public Optional<Profile> profile(String name) {
        return Optional.ofNullable(profiles.get(name));
    }

    /** Profile names in file order. */
    public List<String> profileNames() {
        return List.copyOf(profiles.keySet());
    }

    public List<Profile> profiles() {
        return List.copyOf(profiles.values());
    }

    /** True when any profile, chosen or not, holds a secret: the file then needs to be private. */
    public boolean holdsSecrets() {
        return profiles.values().stream().anyMatch(Profile::holdsSecrets);
    }

    @Override
    public String toString() {
        return "ProfileFile[" + path + ", profiles: " + String.join(", ", profiles.keySet()) + "]";
    }
}
