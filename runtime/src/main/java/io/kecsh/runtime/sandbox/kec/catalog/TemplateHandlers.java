package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Launch templates (CreateModel, TerminateModels, DescribeModels) as CreateModel's notes describe
 * them: at most 50 a region, names unique, never modified (a new template replaces an old one).
 * Each one lives in {@link RegionState#templates} as its ModelSet members plus, under
 * {@link LaunchTemplate#PARAMS}, the CreateModel parameters RunInstances takes over for a ModelId.
 */
final class TemplateHandlers {
    /** "每个账号下每个region最多拥有50个实例启动模板" (CreateModel, note 1). */
    static final int PER_REGION = 50;

    private final Catalog catalog;

    TemplateHandlers(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A new template. The documents give no code for a full region or a taken name, so both are
     * InvalidParameterValue naming ModelName, with the reason (LimitExceeded is the documented
     * flow-control answer, which clients retry: wrong for a quota that waiting never frees).
     */
    Map<String, Object> create(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        String name = request.requireString("ModelName");
        if (region.templates.values().stream().anyMatch(t -> name.equals(t.get("ModelName")))) {
            throw request.invalid("ModelName", "A launch template named " + name + " already exists in " + region.name
                + " (names may not repeat).");
        }
        if (region.templates.size() >= PER_REGION) {
            throw request.invalid("ModelName", region.name + " already has " + PER_REGION
                + " launch templates, the most an account may have in a region; delete one with TerminateModels first.");
        }
        Map<String, Object> template = new LaunchTemplate(request, state, region, catalog).build();
        region.templates.put((String) template.get("ModelId"), template);
        return Map.of("ModelId", template.get("ModelId"), "ModelName", name);
    }

    /** Deletes every template named, or none when one of them does not exist. */
    Map<String, Object> terminate(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        List<String> ids = request.strings("ModelId");
        for (int n = 0; n < ids.size(); n++) {
            if (!region.templates.containsKey(ids.get(n))) {
                throw request.invalid("ModelId." + (n + 1), "There is no launch template " + ids.get(n) + " in " + region.name + ".");
            }
        }
        ids.forEach(region.templates::remove);
        return Map.of("Return", true);
    }

    /**
     * The templates named by ModelId.N (all when none is named; an unknown ID matches nothing), in
     * creation order, MaxResults (default 10) from offset Marker (default 0); InstanceCount is the
     * total. The response documents no Marker, so none is returned.
     */
    Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        long max = Params.numberOrDefault(request, "MaxResults");
        long marker = Params.numberOrDefault(request, "Marker");
        if (max < 1) throw request.invalid("MaxResults", "MaxResults must be at least 1.");
        if (marker < 0) throw request.invalid("Marker", "Marker is an offset and cannot be negative.");
        Set<String> named = request.has("ModelId") ? new HashSet<>(request.strings("ModelId")) : null;
        List<Map<String, Object>> matching = new ArrayList<>();
        region.templates.forEach((id, t) -> {
            if (named == null || named.contains(id)) matching.add(t);
        });
        List<Object> page = new ArrayList<>();
        for (long i = marker; i < matching.size() && page.size() < max; i++) {
            page.add(LaunchTemplate.view(matching.get((int) i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("InstanceCount", matching.size());
        out.put("ModelSet", page);
        return out;
    }
}
