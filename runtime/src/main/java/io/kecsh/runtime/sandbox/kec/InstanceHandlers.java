package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The life-cycle and modification actions, thin: each reads its parameters, asks the region's
 * {@link Instances} backend, and shapes the answer. Batch actions over InstanceId.N answer each
 * instance's outcome as an InstanceStateChange {InstanceId, Return}: an instance in the wrong state
 * gets Return=false and is left as it was; an ID that does not exist fails the whole call.
 */
final class InstanceHandlers {
    private final Catalog catalog;

    InstanceHandlers(Catalog catalog) {
        this.catalog = catalog;
    }

    private Instances instances(SandboxRequest request, SandboxState state) {
        return new Instances(state, request.region(), catalog);
    }

    Map<String, Object> start(SandboxRequest request, SandboxState state) {
        return changes(instances(request, state).start(request.strings("InstanceId")));
    }

    Map<String, Object> stop(SandboxRequest request, SandboxState state) {
        return changes(instances(request, state)
                .stop(
                        request.strings("InstanceId"),
                        request.string("StoppedMode").orElse("KeepCharging")));
    }

    Map<String, Object> reboot(SandboxRequest request, SandboxState state) {
        return changes(instances(request, state).reboot(request.strings("InstanceId"), request.flag("ForceReboot")));
    }

    Map<String, Object> terminate(SandboxRequest request, SandboxState state) {
        return changes(instances(request, state).terminate(request.strings("InstanceId"), request.flag("ForceDelete")));
    }

    Map<String, Object> monitor(SandboxRequest request, SandboxState state, boolean on) {
        List<Object> out = new ArrayList<>();
        for (Instance i : instances(request, state).monitor(request.strings("InstanceId"), on)) {
            out.add(Map.of("InstanceId", i.id, "Monitoring", Map.of("State", i.monitoring)));
        }
        return Map.of("InstancesSet", out);
    }

    Map<String, Object> modifyImage(SandboxRequest request, SandboxState state) {
        Optional<Map<String, Object>> disk = request.structure("SystemDisk");
        instances(request, state)
                .rebuild(
                        request.requireString("InstanceId"),
                        new Instances.Rebuild(
                                request.string("ImageId").orElse(null),
                                disk.map(d -> d.get("DiskSize"))
                                        .map(s -> ((Number) s).longValue())
                                        .orElse(null),
                                request.has("KeyId") ? request.strings("KeyId") : null,
                                request.has("InstancePassword"),
                                request.flag("KeepImageLogin")));
        return Map.of("Return", true);
    }

    Map<String, Object> modifyType(SandboxRequest request, SandboxState state) {
        Optional<Map<String, Object>> disk = request.structure("SystemDisk");
        instances(request, state)
                .resize(
                        request.requireString("InstanceId"),
                        new Instances.Resize(
                                request.requireString("InstanceType"),
                                request.number("DataDiskGb").orElse(null),
                                disk.map(d -> d.get("DiskSize"))
                                        .map(s -> ((Number) s).longValue())
                                        .orElse(null),
                                disk.map(d -> d.get("DiskType"))
                                        .map(Object::toString)
                                        .orElse(null)));
        return Map.of("Return", true);
    }

    Map<String, Object> modifyAttribute(SandboxRequest request, SandboxState state) {
        instances(request, state)
                .modify(
                        request.requireString("InstanceId"),
                        request.string("InstanceName").orElse(null),
                        request.string("HostName").orElse(null),
                        request.has("InstancePassword"));
        return Map.of("Return", true);
    }

    Map<String, Object> autoDeleteTime(SandboxRequest request, SandboxState state) {
        instances(request, state)
                .autoDelete(
                        request.strings("InstanceId"),
                        request.string("AutoDeleteTime").orElse(null),
                        request.flag("AutoDeleteEip"));
        return Map.of("Return", true);
    }

    Map<String, Object> vnc(SandboxRequest request, SandboxState state) {
        return Map.of(
                "vncUrl",
                "http://127.0.0.1:6080/vnc_auto.html?token="
                        + instances(request, state).vncToken(request.requireString("InstanceId")));
    }

    private static Map<String, Object> changes(List<Instances.Outcome> outcomes) {
        List<Object> out = new ArrayList<>(outcomes.size());
        for (Instances.Outcome o : outcomes) out.add(Map.of("InstanceId", o.instance().id, "Return", o.changed()));
        return Map.of("InstancesSet", out);
    }
}
