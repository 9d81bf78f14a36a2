package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The seven data-guard actions, thin: parameters to the region's {@link DataGuards} backend, its results as answers. */
final class DataGuardHandlers {

    private static DataGuards groups(SandboxRequest request, SandboxState state) {
        return new DataGuards(state, request.region());
    }

    Map<String, Object> create(SandboxRequest request, SandboxState state) {
        return Map.of("DataGuardId", groups(request, state).create(request.requireString("DataGuardName")));
    }

    Map<String, Object> rename(SandboxRequest request, SandboxState state) {
        groups(request, state).rename(request.requireString("DataGuardId"), request.requireString("DataGuardName"));
        return Map.of("Return", true);
    }

    Map<String, Object> delete(SandboxRequest request, SandboxState state) {
        List<Object> results = new ArrayList<>();
        for (String id : groups(request, state).delete(request.strings("DataGuardId")))
            results.add(Map.of("DataGuardId", id, "Return", true));
        return Map.of("ReturnSet", results);
    }

    Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        List<Object> groups = new ArrayList<>();
        for (DataGuards.Group g : groups(request, state)
                .select(
                        request.string("DataGuardId").orElse(null),
                        request.string("DataGuardName").orElse(null))) {
            List<Object> list = new ArrayList<>();
            g.members()
                    .forEach(i -> list.add(Map.of("InstanceId", i.id, "InstanceName", i.name == null ? "" : i.name)));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("DataGuardId", g.stored().get("DataGuardId"));
            item.put("DataGuardName", g.stored().get("DataGuardName"));
            item.put("DataGuardLevel", g.stored().get("DataGuardLevel"));
            item.put("DataGuardCapacity", DataGuardGroups.capacity(g.stored()));
            item.put("DataGuardUsedSize", g.members().size());
            item.put("DataGuardInstancesList", list);
            groups.add(item);
        }
        return Map.of("DataGuardsSet", groups);
    }

    /** The capacity of one group in this region (the sample's {Region, Capacity: 10}). */
    Map<String, Object> capacity(SandboxRequest request, SandboxState state) {
        return Map.of("DataGuardCapacity", Map.of("Region", request.region(), "Capacity", DataGuardGroups.CAPACITY));
    }

    Map<String, Object> add(SandboxRequest request, SandboxState state) {
        groups(request, state).add(request.requireString("DataGuardId"), request.strings("InstanceId"));
        return Map.of("Return", true);
    }

    Map<String, Object> remove(SandboxRequest request, SandboxState state) {
        List<Object> results = new ArrayList<>();
        for (String id :
                groups(request, state).remove(request.requireString("DataGuardId"), request.strings("InstanceId"))) {
            results.add(Map.of("InstanceId", id, "Return", true));
        }
        return Map.of("ReturnSet", results);
    }
}
