package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Start, stop, reboot, terminate and monitoring: batch actions over InstanceId.N that answer each
 * instance's outcome as an InstanceStateChange {InstanceId, Return}. An instance in the wrong state
 * gets Return=false and is left as it was; an ID that does not exist fails the whole call.
 */
final class InstanceLifecycle {
    /** Families that can stop without charging; others fall back to KeepCharging (L980). */
    private static final Set<String> STOP_CHARGING_FAMILIES = Set.of("N1", "N2", "N3", "S3", "S4", "E1", "I3", "C3");

    private InstanceLifecycle() {
    }

    static Map<String, Object> start(SandboxRequest request, SandboxState state) {
        return each(request, state, (i, r) -> {
            if (!i.inState("stopped")) return false;
            InstanceStates.begin(i, "starting", "active", state.clock());
            return true;
        });
    }

    static Map<String, Object> stop(SandboxRequest request, SandboxState state) {
        String mode = request.string("StoppedMode").orElse("KeepCharging");
        return each(request, state, (i, r) -> {
            if (!i.inState("active")) return false;
            String family = family(request, i);
            i.stoppedMode = "StopCharging".equals(mode) && !STOP_CHARGING_FAMILIES.contains(family) ? "KeepCharging" : mode;
            InstanceStates.begin(i, "stopping", "stopped", state.clock());
            return true;
        });
    }

    static Map<String, Object> reboot(SandboxRequest request, SandboxState state) {
        return each(request, state, (i, r) -> {
            if (!i.inState("active")) return false;
            InstanceStates.begin(i, request.flag("ForceReboot") ? "rebooting_hard" : "rebooting", "active", state.clock());
            return true;
        });
    }

    /**
     * Without ForceDelete the instance goes to the recycle bin (recycling); with it, or when it is
     * already in the recycle bin, it is destroyed for good (L1104).
     */
    static Map<String, Object> terminate(SandboxRequest request, SandboxState state) {
        boolean force = request.flag("ForceDelete");
        return each(request, state, (i, r) -> {
            if (i.inState("deleting", "building") || i.transition != null && !i.inState("recycling")) return false;
            boolean destroy = force || i.inState("recycling");
            InstanceStates.begin(i, "deleting", destroy ? InstanceStates.GONE : "recycling", state.clock());
            return true;
        });
    }

    static Map<String, Object> monitor(SandboxRequest request, SandboxState state, boolean on) {
        RegionState region = state.region(request.region());
        List<Object> out = new ArrayList<>();
        List<String> ids = request.strings("InstanceId");
        for (int n = 0; n < ids.size(); n++) {
            Instance i = InstanceStates.require(request, region, "InstanceId." + (n + 1), ids.get(n));
            i.monitoring = on ? "enabled" : "disabled";
            out.add(Map.of("InstanceId", i.id, "Monitoring", Map.of("State", i.monitoring)));
        }
        return Map.of("InstancesSet", out);
    }

    /** Applies a change to every named instance, answering each one's Return. */
    private static Map<String, Object> each(SandboxRequest request, SandboxState state, BiPredicate<Instance, RegionState> change) {
        RegionState region = state.region(request.region());
        List<String> ids = request.strings("InstanceId");
        List<Instance> instances = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            Instance i = region.instances.get(ids.get(n));
            if (i == null) throw request.invalid("InstanceId." + (n + 1), "There is no instance " + ids.get(n) + " in " + region.name + ".");
            instances.add(i);
        }
        List<Object> out = new ArrayList<>();
        for (Instance i : instances) out.add(Map.of("InstanceId", i.id, "Return", change.test(i, region)));
        return Map.of("InstancesSet", out);
    }

    /** The instance's family, from the sandbox's catalogue (the model's types and today's additions). */
    static String family(SandboxRequest request, Instance i) {
        return Catalog.bundled().type(i.type).map(t -> t.family().code()).orElse("");
    }

    static Catalog.Type spec(SandboxRequest request, String type) {
        return Catalog.bundled().type(type).orElseThrow();
    }
}
