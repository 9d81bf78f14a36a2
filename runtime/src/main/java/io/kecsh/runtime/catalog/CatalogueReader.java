package io.kecsh.runtime.catalog;

import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.LiveSource;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the live catalogue the model describes: for every open enumeration with a {@code live}
 * source, calls its operation (through the model: DescribeInstanceTypeConfigs, the families
 * operation, DescribeRegions, DescribeAvailabilityZones) and takes the value and attributes the
 * source names from each item. Items naming one value twice (a family's enhanced-networking row)
 * become one value whose list attributes are merged. A read that fails leaves that enumeration out.
 */
public final class CatalogueReader {
    private final ServiceModel model;
    private final Clock clock;

    public CatalogueReader(ServiceModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
    }

    /** Everything {@code invoker} (a client for one profile and region) can list; never throws for a failed read. */
    public CatalogueSnapshot read(Invoker invoker) {
        Map<String, List<EnumValue>> lists = new LinkedHashMap<>();
        for (Service service : model.services()) {
            for (EnumDef e : service.enums().values()) {
                if (!e.open() || e.live().isEmpty()) continue;
                LiveSource source = e.live().get();
                try {
                    Map<String, Object> answer = invoker.invoke(source.operation(), Map.of());
                    lists.put(CatalogueSnapshot.key(service.name(), e.name()), values(source, answer));
                } catch (RuntimeException failed) {
                    // Any failure (offline, refused, an answer of another shape) leaves this list unknown:
                    // validation falls back to the model and the enum's form; it never breaks a caller.
                }
            }
        }
        return new CatalogueSnapshot(clock.instant(), lists);
    }

    static List<EnumValue> values(LiveSource source, Map<String, Object> answer) {
        Map<String, Map<String, Object>> byValue = new LinkedHashMap<>();
        Object items = answer.get(source.items());
        if (!(items instanceof List<?> list)) return List.of();
        for (Object item : list) {
            if (!(item instanceof Map<?, ?> map) || map.get(source.value()) == null) continue;
            Object v = map.get(source.value());
            Map<String, Object> attrs = byValue.computeIfAbsent(String.valueOf(v), k -> new LinkedHashMap<>());
            source.attrs().forEach((attr, path) -> {
                Object found = at(map, path);
                if (found == null) return;
                Object before = attrs.get(attr);
                if (before instanceof List<?> earlier && found instanceof List<?> more) {
                    List<Object> merged = new ArrayList<>(earlier);
                    more.stream().filter(x -> !merged.contains(x)).forEach(merged::add);
                    attrs.put(attr, List.copyOf(merged));
                } else if (before == null) {
                    attrs.put(attr, found instanceof List<?> l ? List.copyOf(l) : found);
                }
            });
        }
        List<EnumValue> out = new ArrayList<>();
        byValue.forEach((value, attrs) -> out.add(new EnumValue(value, "", "", attrs)));
        return out;
    }

    /** {@code CPU} or {@code AvailabilityZoneSet[].AzCode} inside one item. */
    private static Object at(Map<?, ?> item, String path) {
        int list = path.indexOf("[].");
        if (list < 0) return item.get(path);
        Object items = item.get(path.substring(0, list));
        if (!(items instanceof List<?> l)) return null;
        String rest = path.substring(list + 3);
        List<Object> out = new ArrayList<>();
        for (Object x : l) {
            if (x instanceof Map<?, ?> m && m.get(rest) != null) out.add(m.get(rest));
        }
        return out;
    }
}
