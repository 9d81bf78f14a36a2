package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.vpc.AttachableInstance;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * AttachKey / DetachKey (L5892–L5996): every key to every instance, answered per instance as the
 * samples do ({@code InstancesSet: [{InstanceId, Return}]}). An unknown key or instance refuses the
 * whole call. Return is false for an instance the call could not change: AttachKey on an
 * instance whose image has no key login (Windows, other-linux), DetachKey on one that had none
 * of the keys. The backend of one call's region (its handlers are {@link KeyHandlers}'), refusing
 * with {@code InvalidValue} as {@link KeyStore} does.
 */
final class InstanceKeys {
    private final SandboxState state;
    private final RegionState region;

    InstanceKeys(SandboxState state, String region) {
        this.state = state;
        this.region = state.region(region);
    }

    /**
     * Binds (or unbinds) every key to every instance, after checking them all: whether each
     * instance changed, by instance ID, once each in the order given.
     */
    Map<String, Boolean> bind(List<String> givenKeys, List<String> givenInstances, boolean attach) {
        KeyStore keys = new KeyStore(state);
        List<String> keyIds = new ArrayList<>();
        for (int k = 0; k < givenKeys.size(); k++) {
            keys.require("KeyId." + (k + 1), givenKeys.get(k));
            if (!keyIds.contains(givenKeys.get(k))) keyIds.add(givenKeys.get(k));
        }
        Map<String, Instance> instances = new LinkedHashMap<>();
        for (int k = 0; k < givenInstances.size(); k++) {
            String id = givenInstances.get(k);
            if (!instances.containsKey(id)) {
                instances.put(
                        id, AttachableInstance.require(region, state.clock(), "InstanceId." + (k + 1), id, "SSH keys"));
            }
        }
        Map<String, Boolean> changed = new LinkedHashMap<>();
        for (Instance i : instances.values()) {
            boolean done;
            if (attach) {
                done = keyLogin(region, i);
                if (done) {
                    Set<String> merged = new LinkedHashSet<>(i.keyIds);
                    merged.addAll(keyIds);
                    i.keyIds = new ArrayList<>(merged);
                }
            } else {
                done = i.keyIds.removeAll(keyIds);
            }
            changed.put(i.id, done);
        }
        return changed;
    }

    /** Whether the instance's system takes SSH keys: not Windows, not other-linux ("不支持该登录方式"). */
    static boolean keyLogin(RegionState region, Instance i) {
        Image image = region.images.get(i.imageId);
        if (image == null || image.platform == null) return true;
        String platform = image.platform.toLowerCase(Locale.ROOT);
        return !platform.startsWith("windows") && !platform.equals("other-linux");
    }
}
