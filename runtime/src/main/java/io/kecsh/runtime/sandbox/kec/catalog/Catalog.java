package io.kecsh.runtime.sandbox.kec.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.Condition;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Rule;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cloud's catalogue exactly as the model states it, read once: regions and their zones (enums
 * Region and AvailabilityZone), instance types with their vCPUs, memory and GPUs (enum InstanceType),
 * families with the zones that offer them and their disks (enum InstanceFamily, attrs zones /
 * allZones / enhanced / systemDisks), and the cloud data disks a family may take (the
 * RunInstances rule on DataDisk, the DataDisk shape's size range and the list's item limit).
 * To these the sandbox adds what Kingsoft sells today beyond the 2016 document (S6, more N3 sizes:
 * resource {@code sandbox/catalogue-today.json}, with its sources), so that it plays a service whose
 * catalogue differs from the model; its own validation takes them through {@link #liveCatalogue()}.
 * Nothing here lists a value in code; other parts of the sandbox may ask it too
 * ({@link #offers}: is an instance type sold in a zone).
 */
public final class Catalog {
    public record Region(String code, String zh, List<String> zones) {}

    public record Zone(String code, String zh, String region) {}

    /** Enhanced networking (SR-IOV): the family's …（联网增强） row, from {@code minVcpu} vCPUs up. */
    public record Enhanced(String zh, List<String> zones, int minVcpu) {}

    public record Family(String code, String zh, List<String> zones, List<String> systemDisks, Enhanced enhanced) {
        public boolean offeredIn(String zone) {
            return zones.contains(zone);
        }
    }

    public record Type(String name, Family family, int vcpu, int memoryGb, int gpus) {
        public boolean sriovNetSupport() {
            return family.enhanced() != null && vcpu >= family.enhanced().minVcpu();
        }
    }

    /** The cloud data disks (DataDisk.n) a family may take: types, size range in GB, how many. */
    public record DataDiskQuota(
            List<String> types, BigDecimal minSize, BigDecimal maxSize, int count, Set<String> families) {}

    private static volatile Catalog bundled;

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, Zone> zones = new LinkedHashMap<>();
    private final Map<String, Family> families = new LinkedHashMap<>();
    private final Map<String, Type> types = new LinkedHashMap<>();
    /** The types and families only today's catalogue has (not the model). */
    private final Map<String, Type> todayTypes = new LinkedHashMap<>();

    private final Map<String, Family> todayFamilies = new LinkedHashMap<>();
    private final DataDiskQuota dataDisks;

    /** The model's catalogue with what Kingsoft sells today (resource {@code sandbox/catalogue-today.json}). */
    public Catalog(Service kec) {
        this(kec, readToday());
    }

    /**
     * The model's catalogue with other additions, in the form of {@code sandbox/catalogue-today.json}
     * ({@code families}: value, zh, zones or allZones, systemDisks; {@code types}: type, vcpu,
     * memoryGb, gpus): a sandbox started with it sells those instead.
     */
    public Catalog(Service kec, JsonNode today) {
        for (EnumValue v : kec.requireEnum("AvailabilityZone").values()) {
            zones.put(v.value(), new Zone(v.value(), v.zh(), text(v, "region")));
        }
        for (EnumValue v : kec.requireEnum("Region").values()) {
            regions.put(v.value(), new Region(v.value(), v.zh(), strings(v.attr("zones"))));
        }
        for (EnumValue v : kec.requireEnum("InstanceFamily").values()) {
            boolean everywhere = Boolean.TRUE.equals(v.attr("allZones").orElse(false));
            List<String> offered = everywhere ? List.copyOf(zones.keySet()) : strings(v.attr("zones"));
            Enhanced enhanced = v.attr("enhanced")
                    .map(e -> (Map<?, ?>) e)
                    .map(e -> new Enhanced(
                            String.valueOf(e.get("zh")),
                            strings(Optional.ofNullable(e.get("zones"))),
                            ((Number) e.get("minVcpu")).intValue()))
                    .orElse(null);
            families.put(v.value(), new Family(v.value(), v.zh(), offered, strings(v.attr("systemDisks")), enhanced));
        }
        for (EnumValue v : kec.requireEnum("InstanceType").values()) {
            types.put(
                    v.value(),
                    new Type(
                            v.value(),
                            families.get(text(v, "family")),
                            number(v, "vcpu"),
                            number(v, "memoryGb"),
                            number(v, "gpus")));
        }
        dataDisks = dataDiskQuota(kec);
        addToday(today);
    }

    private static JsonNode readToday() {
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream("sandbox/catalogue-today.json")) {
            if (in == null)
                throw new IllegalStateException("sandbox/catalogue-today.json is missing from the classpath");
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("sandbox/catalogue-today.json", e);
        }
    }

    private void addToday(JsonNode today) {
        for (JsonNode f : today.path("families")) {
            List<String> offered = new ArrayList<>();
            if (f.path("allZones").asBoolean(false)) offered.addAll(zones.keySet());
            else f.path("zones").forEach(z -> offered.add(z.asText()));
            List<String> disks = new ArrayList<>();
            f.path("systemDisks").forEach(d -> disks.add(d.asText()));
            Family family = new Family(
                    f.path("value").asText(), f.path("zh").asText(), List.copyOf(offered), List.copyOf(disks), null);
            families.put(family.code(), family);
            todayFamilies.put(family.code(), family);
        }
        for (JsonNode t : today.path("types")) {
            String name = t.path("type").asText();
            Family family = families.get(name.substring(0, name.indexOf('.')));
            if (family == null) throw new IllegalStateException("catalogue-today: " + name + " has no known family");
            Type type = new Type(
                    name,
                    family,
                    t.path("vcpu").asInt(),
                    t.path("memoryGb").asInt(),
                    t.path("gpus").asInt());
            if (types.putIfAbsent(name, type) == null) todayTypes.put(name, type);
        }
    }

    /**
     * What this sandbox lists beyond the model, as the validator's live catalogue: the sandbox is the
     * server, so a type neither the model nor this list names is refused, and a type the model's
     * per-action lists leave out stays refused (only the additions are new).
     */
    public LiveCatalogue liveCatalogue() {
        Map<String, List<EnumValue>> lists = Map.of(
                "InstanceType",
                        todayTypes.values().stream().map(Catalog::asValue).toList(),
                "InstanceFamily",
                        todayFamilies.values().stream()
                                .map(f -> new EnumValue(f.code(), f.zh(), "", Map.of("zones", f.zones())))
                                .toList());
        // The sandbox is the server: beyond the model it takes exactly these, so for every other open
        // enumeration its list of additions is empty (an unlisted filter name or zone is refused).
        return (service, enumName) ->
                Optional.of("kec".equals(service) ? lists.getOrDefault(enumName, List.of()) : List.of());
    }

    private static EnumValue asValue(Type t) {
        return new EnumValue(
                t.name(),
                "",
                "",
                Map.of(
                        "family",
                        t.family().code(),
                        "vcpu",
                        t.vcpu(),
                        "memoryGb",
                        t.memoryGb(),
                        "gpus",
                        t.gpus(),
                        "zones",
                        t.family().zones()));
    }

    /**
     * The catalogue of the model shipped inside kecsh, read once: the default a sandbox starts with
     * when its options name none (only {@code Sandbox} asks; everything else is given the sandbox's).
     */
    public static Catalog bundled() {
        Catalog c = bundled;
        if (c == null) {
            synchronized (Catalog.class) {
                c = bundled;
                if (c == null) bundled = c = new Catalog(ServiceModel.bundled().requireService("kec"));
            }
        }
        return c;
    }

    public List<Region> regions() {
        return List.copyOf(regions.values());
    }

    public Optional<Region> region(String code) {
        return Optional.ofNullable(regions.get(code));
    }

    public Optional<Zone> zone(String code) {
        return Optional.ofNullable(zones.get(code));
    }

    public List<Family> families() {
        return List.copyOf(families.values());
    }

    public List<Type> types() {
        return List.copyOf(types.values());
    }

    public Optional<Type> type(String name) {
        return Optional.ofNullable(types.get(name));
    }

    /** The cloud data disks {@code family} may take, if any. */
    public Optional<DataDiskQuota> dataDisks(String family) {
        return dataDisks.families().contains(family) ? Optional.of(dataDisks) : Optional.empty();
    }

    /** Whether {@code zone} sells instance type {@code type} (its family is offered there). */
    public boolean offers(String type, String zone) {
        Type t = types.get(type);
        return t != null && t.family() != null && t.family().offeredIn(zone);
    }

    /**
     * DataDisk.n as RunInstances takes it: the families of its onlyWhen rule, the types of enum
     * DataDiskType, the Size range of the DataDisk shape and the list's maxItems.
     */
    private static DataDiskQuota dataDiskQuota(Service kec) {
        var run = kec.operation("RunInstances").orElseThrow();
        Member list = run.param("DataDisk").orElseThrow();
        Member size = list.member().members().get("Size");
        Set<String> families = run.rules().stream()
                .filter(r -> r.kind() == Rule.Kind.ONLY_WHEN
                        && r.param().equals("DataDisk")
                        && r.when() != null
                        && "family".equals(r.when().attr())
                        && r.when().kind() == Condition.Kind.IN)
                .findFirst()
                .map(r -> Set.copyOf(r.when().values()))
                .orElseThrow(() -> new IllegalStateException("RunInstances has no DataDisk family rule"));
        return new DataDiskQuota(
                kec.requireEnum("DataDiskType").names(),
                size.min().orElseThrow(),
                size.max().orElseThrow(),
                list.maxItems().orElseThrow(),
                families);
    }

    private static String text(EnumValue v, String attr) {
        return v.attr(attr)
                .map(Object::toString)
                .orElseThrow(() -> new IllegalStateException("the model gives " + v.value() + " no " + attr));
    }

    private static int number(EnumValue v, String attr) {
        return v.attr(attr)
                .map(n -> ((Number) n).intValue())
                .orElseThrow(() -> new IllegalStateException("the model gives " + v.value() + " no " + attr));
    }

    private static List<String> strings(Optional<?> value) {
        List<String> out = new ArrayList<>();
        value.ifPresent(v -> ((List<?>) v).forEach(x -> out.add(String.valueOf(x))));
        return List.copyOf(out);
    }
}
