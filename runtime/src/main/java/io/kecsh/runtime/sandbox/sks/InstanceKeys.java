package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.vpc.AttachableInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * AttachKey / DetachKey (L5892–L5996): every key to every instance, answered per instance as the
 * samples do ({@code InstancesSet: [{InstanceId, Return}]}). An unknown key or instance refuses the
 * whole call. Return is false for an instance the call could not change: AttachKey on an
 * instance whose image has no key login (Windows, other-linux), DetachKey on one that had none
 * of the keys.
 */
final class InstanceKeys {
    private InstanceKeys() {
    }

    static Map<String, Object> attach(SandboxRequest request, SandboxState state) {
        return bind(request, state, true);
    }

    static Map<String, Object> detach(SandboxRequest request, SandboxState state) {
        return bind(request, state, false);
    }

    private static Map<String, Object> bind(SandboxRequest request, SandboxState state, boolean attach) {
        RegionState region = state.region(request.region());
        List<String> keyIds = new ArrayList<>();
        List<String> givenKeys = request.strings("KeyId");
        for (int k = 0; k < givenKeys.size(); k++) {
            KeyStore.require(request, state, "KeyId." + (k + 1), givenKeys.get(k));
            if (!keyIds.contains(givenKeys.get(k))) keyIds.add(givenKeys.get(k));
        }
        Map<String, Instance> instances = new LinkedHashMap<>();
        List<String> givenInstances = request.strings("InstanceId");
        for (int k = 0; k < givenInstances.size(); k++) {
            String id = givenInstances.get(k);
            if (!instances.containsKey(id)) {
                instances.put(id, AttachableInstance.require(request, region, state.clock(), "InstanceId." + (k + 1), id, "SSH keys"));
            }
        }
        List<Object> results = new ArrayList<>();
        for (Instance i : instances.values()) {
            boolean changed;
            if (attach) {
                changed = keyLogin(region, i);
                if (changed) {
                    Set<String> merged = new LinkedHashSet<>(i.keyIds);
                    merged.addAll(keyIds);
                    i.keyIds = new ArrayList<>(merged);
                }
            } else {
                changed = i.keyIds.removeAll(keyIds);
            }
            results.add(Map.of("InstanceId", i.id, "Return", changed));
        }
        return Map.of("InstancesSet", results);
    }

    /** Whether the instance's system takes SSH keys: not Windows, not other-linux ("不支持该登录方式"). */
    static boolean keyLogin(RegionState region, Instance i) {
        Image image = region.images.get(i.imageId);
        if (image == null || image.platform == null) return true;
        String platform = image.platform.toLowerCase(java.util.Locale.ROOT);
        return !platform.startsWith("windows") && !platform.equals("other-linux");
    }
}
