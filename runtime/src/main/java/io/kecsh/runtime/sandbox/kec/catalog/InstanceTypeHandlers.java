package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DescribeInstanceFamilies and DescribeInstanceTypeConfigs: the families the model offers
 * somewhere, with their zones (and their enhanced-networking rows), and every type of those
 * families with its figures and disk quotas, as the two samples show them.
 */
final class InstanceTypeHandlers {
    private final Catalog catalog;

    InstanceTypeHandlers(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Families offered in at least one zone; an enhanced-networking row follows its base family. */
    Map<String, Object> describeFamilies(SandboxRequest request, SandboxState state) {
        List<Object> families = new ArrayList<>();
        for (Catalog.Family f : catalog.families()) {
            if (f.zones().isEmpty()) continue;
            families.add(family(f.zones(), f.zh(), f.code()));
            if (f.enhanced() != null)
                families.add(family(f.enhanced().zones(), f.enhanced().zh(), f.code()));
        }
        return Map.of("InstanceFamilySet", families);
    }

    private static Map<String, Object> family(List<String> zones, String name, String code) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("AvailabilityZoneSet", azCodes(zones));
        item.put("InstanceFamilyName", name);
        item.put("InstanceFamily", code);
        return item;
    }

    /**
     * Every type whose family is offered somewhere, filtered (filters AND, values OR):
     * availability-zone takes a zone or a region code and keeps a type offered in any matching zone,
     * while the item still lists all its zones (the sample and the model's decision on Filter).
     */
    Map<String, Object> describeTypeConfigs(SandboxRequest request, SandboxState state) {
        List<TypeFilter> filters = request.list("Filter").stream()
                .map(f -> TypeFilter.of((Map<?, ?>) f))
                .toList();
        List<Object> configs = new ArrayList<>();
        for (Catalog.Type t : catalog.types()) {
            if (t.family() == null || t.family().zones().isEmpty()) continue;
            if (filters.stream().allMatch(f -> f.keeps(t, catalog))) configs.add(config(t));
        }
        return Map.of("InstanceTypeConfigSet", configs);
    }

    private Map<String, Object> config(Catalog.Type t) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("AvailabilityZoneSet", azCodes(t.family().zones()));
        item.put("InstanceType", t.name());
        item.put("InstanceFamily", t.family().code());
        item.put("InstanceFamilyName", t.family().zh());
        item.put("SriovNetSupport", t.sriovNetSupport());
        item.put("GPU", t.gpus());
        item.put("CPU", t.vcpu());
        item.put("Memory", t.memoryGb());
        List<Object> system = new ArrayList<>();
        t.family().systemDisks().forEach(d -> system.add(Map.of("SystemDiskType", d)));
        item.put("SystemDiskQuotaSet", system);
        List<Object> data = new ArrayList<>();
        catalog.dataDisks(t.family().code())
                .ifPresent(q -> q.types().forEach(d -> {
                    Map<String, Object> quota = new LinkedHashMap<>();
                    quota.put("DataDiskType", d);
                    quota.put("DataDiskMinSize", asFloat(q.minSize()));
                    quota.put("DataDiskMaxsize", asFloat(q.maxSize()));
                    quota.put("DataDiskCount", q.count());
                    data.add(quota);
                }));
        item.put("DataDiskQuotaSet", data);
        return item;
    }

    /** Sizes as the sample writes them (10.0, 16000.0; DataDiskQuota's decision). */
    private static BigDecimal asFloat(BigDecimal v) {
        return v.setScale(Math.max(1, v.scale()));
    }

    static List<Object> azCodes(List<String> zones) {
        List<Object> out = new ArrayList<>();
        zones.forEach(z -> out.add(Map.of("AzCode", z)));
        return out;
    }

    /** One Filter.N: its name and values. */
    private record TypeFilter(String name, List<String> values) {
        static TypeFilter of(Map<?, ?> filter) {
            return new TypeFilter(
                    String.valueOf(filter.get("Name")),
                    ((List<?>) filter.get("Value"))
                            .stream().map(String::valueOf).toList());
        }

        boolean keeps(Catalog.Type t, Catalog catalog) {
            return switch (name) {
                case "instance-type" -> values.contains(t.name());
                case "instance-family" -> values.contains(t.family().code());
                case "availability-zone" ->
                    t.family().zones().stream()
                            .anyMatch(z -> values.contains(z)
                                    || catalog.zone(z)
                                            .map(zone -> values.contains(zone.region()))
                                            .orElse(false));
                default -> true;
            };
        }
    }
}
