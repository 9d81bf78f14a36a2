package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.protocol.PreparedItem;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DescribeRegions and DescribeAvailabilityZones: the model's Region and AvailabilityZone enums. */
final class RegionHandlers {
    private final Catalog catalog;
    /**
     * The RegionSet, made once: the catalogue is the same for this object's life and the answer
     * takes no parameter, so its items are kept as {@link PreparedItem}s, typed and written as
     * JSON once rather than on every call.
     */
    private final List<Object> regionSet;

    RegionHandlers(Catalog catalog) {
        this.catalog = catalog;
        List<Object> regions = new ArrayList<>();
        for (Catalog.Region r : catalog.regions()) {
            regions.add(PreparedItem.of(Map.of("Region", r.code(), "RegionName", r.zh() + "(VPC)")));
        }
        this.regionSet = List.copyOf(regions);
    }

    /** Every region, named as the sample names them: "北京6区(VPC)" (enum Region's decision, item 61). */
    Map<String, Object> describeRegions(SandboxRequest request, SandboxState state) {
        return Map.of("RegionSet", regionSet);
    }

    /** The zones of the endpoint's region, as the sample's {AvailabilityZone, Region} items. */
    Map<String, Object> describeZones(SandboxRequest request, SandboxState state) {
        List<Object> zones = new ArrayList<>();
        catalog.region(request.region())
                .ifPresent(r -> r.zones().forEach(z -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("AvailabilityZone", z);
                    item.put("Region", r.code());
                    zones.add(item);
                }));
        return Map.of("AvailabilityZoneSet", zones);
    }
}
