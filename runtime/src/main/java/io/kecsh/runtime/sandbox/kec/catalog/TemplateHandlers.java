package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Launch templates (CreateModel, TerminateModels, DescribeModels), thin: parameters to the region's
 * {@link LaunchTemplates} backend, its results as answers.
 */
final class TemplateHandlers {
    private final Catalog catalog;

    TemplateHandlers(Catalog catalog) {
        this.catalog = catalog;
    }

    Map<String, Object> create(SandboxRequest request, SandboxState state) {
        LaunchTemplates templates = new LaunchTemplates(state, request.region());
        String name = request.requireString("ModelName");
        Map<String, Object> template =
                templates.add(name, () -> new LaunchTemplate(request, state, templates.region(), catalog).build());
        return Map.of("ModelId", template.get("ModelId"), "ModelName", name);
    }

    Map<String, Object> terminate(SandboxRequest request, SandboxState state) {
        new LaunchTemplates(state, request.region()).terminate(request.strings("ModelId"));
        return Map.of("Return", true);
    }

    /**
     * MaxResults (default 10) from offset Marker (default 0); InstanceCount is the total. The
     * response documents no Marker, so none is returned.
     */
    Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        Set<String> named = request.has("ModelId") ? new HashSet<>(request.strings("ModelId")) : null;
        LaunchTemplates.Page page = new LaunchTemplates(state, request.region())
                .select(
                        named,
                        Params.numberOrDefault(request, "Marker"),
                        Params.numberOrDefault(request, "MaxResults"));
        List<Object> shown = new ArrayList<>();
        page.templates().forEach(t -> shown.add(LaunchTemplate.view(t)));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("InstanceCount", page.total());
        out.put("ModelSet", shown);
        return out;
    }
}
