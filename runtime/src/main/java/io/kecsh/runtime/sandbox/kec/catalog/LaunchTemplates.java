package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One region's launch templates ({@link RegionState#templates}) and the rules CreateModel's notes
 * give them: at most {@value #PER_REGION} a region, names unique, never modified (a new template
 * replaces an old one), a delete of several all or nothing. Apart from the handlers that read
 * parameters and shape answers ({@link TemplateHandlers}); what one CreateModel call stores is
 * {@link LaunchTemplate}'s. The documents give no code for a full region or a taken name, so every
 * refusal is an {@link InvalidValue} naming the parameter (LimitExceeded is the documented
 * flow-control answer, which clients retry: wrong for a quota that waiting never frees). Made per
 * call, used under the state's lock.
 */
final class LaunchTemplates {
    /** "每个账号下每个region最多拥有50个实例启动模板" (CreateModel, note 1). */
    static final int PER_REGION = 50;

    private final RegionState region;

    LaunchTemplates(SandboxState state, String region) {
        this.region = state.region(region);
    }

    RegionState region() {
        return region;
    }

    /** Stores the template {@code build} makes, once the name is free and the region has room; the stored template. */
    Map<String, Object> add(String name, Supplier<Map<String, Object>> build) {
        if (region.templates.values().stream().anyMatch(t -> name.equals(t.get("ModelName")))) {
            throw new InvalidValue(
                    "ModelName",
                    "A launch template named " + name + " already exists in " + region.name
                            + " (names may not repeat).");
        }
        if (region.templates.size() >= PER_REGION) {
            throw new InvalidValue(
                    "ModelName",
                    region.name + " already has " + PER_REGION
                            + " launch templates, the most an account may have in a region; delete one with TerminateModels first.");
        }
        Map<String, Object> template = build.get();
        region.templates.put((String) template.get("ModelId"), template);
        return template;
    }

    /** Deletes every template named, or none when one of them does not exist. */
    void terminate(List<String> ids) {
        for (int n = 0; n < ids.size(); n++) {
            if (!region.templates.containsKey(ids.get(n))) {
                throw new InvalidValue(
                        "ModelId." + (n + 1), "There is no launch template " + ids.get(n) + " in " + region.name + ".");
            }
        }
        ids.forEach(region.templates::remove);
    }

    /** A page of templates as stored, and how many matched in all. */
    record Page(List<Map<String, Object>> templates, int total) {}

    /**
     * The templates named (all when {@code named} is null; an unknown ID matches nothing), in
     * creation order, at most {@code max} (at least 1) from offset {@code marker} (not negative).
     */
    Page select(Set<String> named, long marker, long max) {
        if (max < 1) throw new InvalidValue("MaxResults", "MaxResults must be at least 1.");
        if (marker < 0) throw new InvalidValue("Marker", "Marker is an offset and cannot be negative.");
        List<Map<String, Object>> matching = new ArrayList<>();
        region.templates.forEach((id, t) -> {
            if (named == null || named.contains(id)) matching.add(t);
        });
        List<Map<String, Object>> page = new ArrayList<>();
        for (long i = marker; i < matching.size() && page.size() < max; i++) page.add(matching.get((int) i));
        return new Page(page, matching.size());
    }
}
