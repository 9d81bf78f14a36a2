package io.kecsh.runtime.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.files.PrivateFiles;
import io.kecsh.runtime.model.EnumValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The catalogue on disk: {@code <dir>/<profile>/<region>.json} (by default under
 * {@code ~/.kecsh/catalogue/}), private like everything under ~/.kecsh. It holds only what the
 * service lists publicly (types, families, regions, zones), never a credential. A damaged or
 * unreadable file is treated as absent: it is refetched, never trusted.
 */
public final class CatalogueCache {
    /** Profile and region names become path segments: nothing else gets in. */
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    public CatalogueCache(Path dir) {
        this.dir = dir;
    }

    /** {@code ~/.kecsh/catalogue} under a home directory. */
    public static CatalogueCache under(Path home) {
        return new CatalogueCache(home.resolve(".kecsh").resolve("catalogue"));
    }

    public Path file(String profile, String region) {
        return dir.resolve(segment(profile)).resolve(segment(region) + ".json");
    }

    private static boolean usable(String name) {
        return name != null && SEGMENT.matcher(name).matches() && !name.startsWith(".");
    }

    private static String segment(String name) {
        if (!usable(name)) {
            throw new IllegalArgumentException("not a profile or region name usable in a file name: " + name);
        }
        return name;
    }

    /** The stored catalogue; empty when there is none, it is damaged, or the names cannot be a file name. */
    public Optional<CatalogueSnapshot> load(String profile, String region) {
        if (!usable(profile) || !usable(region)) return Optional.empty();
        Path file = file(profile, region);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            Stored stored = JSON.readValue(file.toFile(), Stored.class);
            Map<String, List<EnumValue>> lists = new LinkedHashMap<>();
            stored.lists.forEach((key, values) -> {
                List<EnumValue> out = new ArrayList<>();
                values.forEach(v -> out.add(new EnumValue(v.value, "", "", v.attrs == null ? Map.of() : v.attrs)));
                lists.put(key, out);
            });
            return Optional.of(new CatalogueSnapshot(Instant.parse(stored.fetchedAt), lists));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty();
        }
    }

    public void save(String profile, String region, CatalogueSnapshot snapshot) throws IOException {
        Stored stored = new Stored();
        stored.fetchedAt = snapshot.fetchedAt().toString();
        snapshot.lists().forEach((key, values) -> {
            List<StoredValue> out = new ArrayList<>();
            values.forEach(v -> {
                StoredValue s = new StoredValue();
                s.value = v.value();
                s.attrs = v.attrs();
                out.add(s);
            });
            stored.lists.put(key, out);
        });
        PrivateFiles.write(
                file(profile, region), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(stored));
    }

    /** The file's form: {"fetchedAt": ISO instant, "lists": {"kec/InstanceType": [{"value", "attrs"}]}}. */
    static final class Stored {
        public String fetchedAt;
        public Map<String, List<StoredValue>> lists = new LinkedHashMap<>();
    }

    static final class StoredValue {
        public String value;
        public Map<String, Object> attrs;
    }
}
