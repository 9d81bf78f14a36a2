package io.kecsh.repl.shell;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Service;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values completion and {@code :help} offer for an enumeration: the model's, then (for an open
 * one) those only the live catalogue of the session's region lists, with their attributes (an
 * instance type's vCPUs and memory). The same sources the validator accepts, never more.
 */
final class KnownValues {
    private KnownValues() {}

    static List<EnumValue> of(Service service, EnumDef e, LiveCatalogue catalogue) {
        List<EnumValue> out = new ArrayList<>(e.values());
        for (EnumValue v : liveOnly(service, e, catalogue)) out.add(v);
        return out;
    }

    /**
     * The values that belong to {@code region}: a value the model ties to a region (a zone's
     * {@code region} attribute) only there; the others everywhere. A null region keeps all.
     */
    static List<EnumValue> inRegion(List<EnumValue> values, String region) {
        if (region == null) return values;
        return values.stream()
                .filter(v -> v.attr("region")
                        .map(r -> region.equals(String.valueOf(r)))
                        .orElse(true))
                .toList();
    }

    /** What the live catalogue lists beyond the model's list for {@code e} (empty without a catalogue). */
    static List<EnumValue> liveOnly(Service service, EnumDef e, LiveCatalogue catalogue) {
        if (!e.open()) return List.of();
        EnumDef root = e.subsetOf().flatMap(service::enumDef).orElse(e);
        Optional<List<EnumValue>> live = catalogue.values(service.name(), root.name());
        if (live.isEmpty()) return List.of();
        Set<String> listed = new LinkedHashSet<>(e.names());
        List<EnumValue> out = new ArrayList<>();
        for (EnumValue v : live.get()) if (listed.add(v.value())) out.add(v);
        return out;
    }
}
