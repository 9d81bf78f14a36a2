package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Changes to one instance: reinstall or replace its OS, change its type, rename it or reset its
 * password or host name (one attribute per call, checked by the validator), set its auto-delete
 * time, and its VNC address. Preconditions the documents state are enforced, with the documented
 * InvalidParameterValue and the sandbox's reason.
 */
final class InstanceModifications {
    private InstanceModifications() {
    }

    /** The instance must be stopped ("实例必须处于已关闭状态"); the OS is rebuilt, then it is stopped again. */
    static Map<String, Object> modifyImage(SandboxRequest request, SandboxState state) {
        RegionState region = settled(request, state);
        Instance i = InstanceStates.require(request, region, "InstanceId", request.requireString("InstanceId"));
        if (!i.inState("stopped")) throw request.invalid("InstanceId", "The instance is " + i.state + "; ModifyInstanceImage needs it stopped.");
        String imageId = request.string("ImageId").orElse(i.imageId);
        Image image = region.images.get(imageId);
        if (image == null || !"active".equalsIgnoreCase(image.state)) {
            throw request.invalid("ImageId", image == null ? "There is no image " + imageId + "." : "The image is " + image.state + ".");
        }
        i.imageId = imageId;
        request.structure("SystemDisk").map(d -> d.get("DiskSize")).ifPresent(size -> i.systemDiskSize = ((Number) size).longValue());
        if (request.has("KeyId")) i.keyIds = new ArrayList<>(request.strings("KeyId"));
        i.passwordSet |= request.has("InstancePassword");
        i.keepImageLogin = request.flag("KeepImageLogin");
        InstanceStates.begin(i, "rebuilding", "stopped", state.clock());
        return Map.of("Return", true);
    }

    /** Upgrade only, as the 0530 edition and the overview say (decisions on the enum InstanceType.ModifyInstanceType and the parameter). */
    static Map<String, Object> modifyType(SandboxRequest request, SandboxState state) {
        RegionState region = settled(request, state);
        Instance i = InstanceStates.require(request, region, "InstanceId", request.requireString("InstanceId"));
        Catalog.Type from = InstanceLifecycle.spec(request, i.type);
        Catalog.Type to = InstanceLifecycle.spec(request, request.requireString("InstanceType"));
        if (to.vcpu() < from.vcpu() || to.memoryGb() < from.memoryGb()) {
            throw request.invalid("InstanceType", i.type + " can only be changed to a larger type; " + to.name() + " is smaller.");
        }
        long dataDisk = request.number("DataDiskGb").orElse(i.dataDiskGb);
        if (dataDisk < i.dataDiskGb) {
            throw request.invalid("DataDiskGb", "The data volume can only grow or stay as it is (now " + i.dataDiskGb + " GB).");
        }
        // the system-disk resize sdk-go's ModifyInstanceTypeRequest carries: a disk only grows
        java.util.Optional<Map<String, Object>> systemDisk = request.structure("SystemDisk");
        long systemSize = systemDisk.map(d -> d.get("DiskSize")).map(s -> ((Number) s).longValue()).orElse(i.systemDiskSize);
        if (systemSize < i.systemDiskSize) {
            throw request.invalid("SystemDisk.DiskSize", "The system disk can only grow or stay as it is (now " + i.systemDiskSize + " GB).");
        }
        i.type = to.name();
        i.dataDiskGb = dataDisk;
        i.systemDiskSize = systemSize;
        systemDisk.map(d -> d.get("DiskType")).ifPresent(t -> i.systemDiskType = t.toString());
        return Map.of("Return", true);
    }

    static Map<String, Object> modifyAttribute(SandboxRequest request, SandboxState state) {
        RegionState region = settled(request, state);
        Instance i = InstanceStates.require(request, region, "InstanceId", request.requireString("InstanceId"));
        request.string("InstanceName").ifPresent(n -> i.name = n);
        request.string("HostName").ifPresent(h -> i.hostName = h);
        if (request.has("InstancePassword")) {
            if (!i.inState("stopped")) {
                throw request.invalid("InstanceId", "The instance is " + i.state + "; changing the password needs it stopped.");
            }
            i.passwordSet = true;
            InstanceStates.begin(i, "updating_password", "stopped", state.clock());
        }
        return Map.of("Return", true);
    }

    /** Sets (or, with no AutoDeleteTime, clears) the time an instance deletes itself. */
    static Map<String, Object> autoDeleteTime(SandboxRequest request, SandboxState state) {
        RegionState region = settled(request, state);
        List<String> ids = request.strings("InstanceId");
        List<Instance> instances = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) instances.add(InstanceStates.require(request, region, "InstanceId." + (n + 1), ids.get(n)));
        for (Instance i : instances) {
            i.autoDeleteTime = request.string("AutoDeleteTime").orElse(null);
            i.autoDeleteEip = i.autoDeleteTime != null && request.flag("AutoDeleteEip");
        }
        return Map.of("Return", true);
    }

    static Map<String, Object> vnc(SandboxRequest request, SandboxState state) {
        RegionState region = settled(request, state);
        Instance i = InstanceStates.require(request, region, "InstanceId", request.requireString("InstanceId"));
        if (!i.inState("active")) throw request.invalid("InstanceId", "The instance is " + i.state + "; VNC needs it running.");
        return Map.of("vncUrl", "http://127.0.0.1:6080/vnc_auto.html?token=" + state.ids.uuid());
    }

    /** The call's region; its instances were settled before the call (InstanceDomain's before-call step). */
    private static RegionState settled(SandboxRequest request, SandboxState state) {
        return state.region(request.region());
    }
}
