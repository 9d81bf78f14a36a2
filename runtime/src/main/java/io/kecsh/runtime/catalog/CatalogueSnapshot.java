package io.kecsh.runtime.catalog;

import io.kecsh.runtime.model.EnumValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The live catalogue of one profile and region as read at one moment: for each open enumeration
 * with a live source ("kec/InstanceType"), the values the service listed, with their attributes
 * (an instance type's family, vcpu, memoryGb, gpus, zones). An enumeration whose read failed is
 * absent, which means "unknown", never "empty".
 */
public record CatalogueSnapshot(Instant fetchedAt, Map<String, List<EnumValue>> lists) implements LiveCatalogue {
    public CatalogueSnapshot {
        Map<String, List<EnumValue>> copy = new LinkedHashMap<>();
        lists.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        lists = Collections.unmodifiableMap(copy);
    }

    static String key(String service, String enumName) {
        return service + "/" + enumName;
    }

    @Override
    public Optional<List<EnumValue>> values(String service, String enumName) {
        return Optional.ofNullable(lists.get(key(service, enumName)));
    }

    public boolean olderThan(Duration age, Instant now) {
        return fetchedAt.plus(age).isBefore(now);
    }

    /** "219 instance types, 20 families, 6 regions, 3 zones" style counts, for {@code :help}. */
    public Map<String, Integer> sizes() {
        Map<String, Integer> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }
}
