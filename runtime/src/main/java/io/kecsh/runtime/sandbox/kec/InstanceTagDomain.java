package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tag service's ListTagsByResourceIds over the tags RunInstances stored on each instance
 * ({@code Tag.N.Key/Value}, kept as given in {@code Instance.extra}): one row per instance and tag,
 * in the order the IDs were asked for. The service is account-wide, so every region is searched; an
 * ID that names no instance, or another resource type, has no rows (the live service answers so too:
 * it lists tags, it does not check resources).
 */
public final class InstanceTagDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        handlers.on("ListTagsByResourceIds", InstanceTagDomain::list);
    }

    static Map<String, Object> list(SandboxRequest request, SandboxState state) {
        List<Object> rows = new ArrayList<>();
        if ("instance".equals(request.requireString("ResourceType"))) {
            for (String id :
                    Arrays.asList(request.requireString("ResourceUuids").split(","))) {
                Instance instance = find(state, id.trim());
                if (instance != null) rows.addAll(rows(instance));
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Tags", rows);
        return out;
    }

    private static Instance find(SandboxState state, String id) {
        for (RegionState region : state.regions.values()) {
            Instance i = region.instances.get(id);
            if (i != null && !i.inState("deleted")) return i;
        }
        return null;
    }

    private static List<Object> rows(Instance instance) {
        List<Object> rows = new ArrayList<>();
        Object tags = instance.extra.get("Tag");
        if (!(tags instanceof List<?> list)) return rows;
        long n = 0;
        for (Object t : list) {
            n++;
            if (!(t instanceof Map<?, ?> tag) || tag.get("Key") == null) continue;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ResourceUuid", instance.id);
            // a stable ID per instance and position: the sandbox keeps no tag registry of its own
            row.put("TagId", Math.abs((long) (instance.id + "#" + n).hashCode()) + 1);
            row.put("TagKey", String.valueOf(tag.get("Key")));
            row.put("TagValue", tag.get("Value") == null ? "" : String.valueOf(tag.get("Value")));
            rows.add(row);
        }
        return rows;
    }
}
