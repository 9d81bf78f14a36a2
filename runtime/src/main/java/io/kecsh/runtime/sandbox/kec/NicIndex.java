package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.state.ChangeSet;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A region's network interfaces by the instance they are attached to, as DescribeInstances needs
 * them for every page, kept between calls while no writer changed an instance or a NIC (the
 * {@link ChangeSet}'s stamp, moved by the instance backend's writers and by every action that does
 * not record its changes, the network's among them) and the region holds the same NIC map of the
 * same size: so a page does not go over every NIC of the region (it was 16 % of the sandbox's time
 * with 5,000 instances). What no writer says is checked where it is cheap: the NICs free at the
 * last build are still free, and the NICs of each instance answered are still its own
 * ({@link Lookup#of}); a test that attaches a NIC or detaches one directly is seen. Not seen: a NIC moved
 * directly from an instance not on the page to one on it.
 *
 * <p>Used under the state's lock. The lists handed out are not to be changed.
 */
final class NicIndex {
    private final Map<RegionState, Kept> kept = new WeakHashMap<>();

    /** Each instance's NICs in the region's order (instances without NICs are absent). */
    Map<String, List<NetworkInterface>> byInstance(RegionState region, ChangeSet changes) {
        Kept k = kept.get(region);
        if (k != null && k.current(region, changes)) return k.byInstance;
        return build(region, changes).byInstance;
    }

    /**
     * The NICs of the instances of one answer: whether the index is current is asked once for the
     * page (under the state's lock nothing changes between its instances), not once for each.
     */
    Lookup lookup(RegionState region, ChangeSet changes) {
        return new Lookup(region, changes, byInstance(region, changes));
    }

    /** One answer's view of the index. */
    final class Lookup {
        private final RegionState region;
        private final ChangeSet changes;
        private Map<String, List<NetworkInterface>> byInstance;

        private Lookup(RegionState region, ChangeSet changes, Map<String, List<NetworkInterface>> byInstance) {
            this.region = region;
            this.changes = changes;
            this.byInstance = byInstance;
        }

        /** The instance's NICs, after checking that each is still attached to it (built again when one is not). */
        List<NetworkInterface> of(Instance instance) {
            List<NetworkInterface> nics = byInstance.getOrDefault(instance.id, List.of());
            for (NetworkInterface n : nics) {
                if (!instance.id.equals(n.instanceId)) {
                    byInstance = build(region, changes).byInstance;
                    return byInstance.getOrDefault(instance.id, List.of());
                }
            }
            return nics;
        }
    }

    private Kept build(RegionState region, ChangeSet changes) {
        // built again after every instance or NIC writer: sized once, and an instance's only NIC
        // (the usual case) is a one-element list, not a grown ArrayList
        Map<String, List<NetworkInterface>> byInstance = new HashMap<>(region.networkInterfaces.size() * 4 / 3 + 1);
        List<NetworkInterface> free = new ArrayList<>();
        for (NetworkInterface nic : region.networkInterfaces.values()) {
            if (nic.instanceId == null) {
                free.add(nic);
                continue;
            }
            List<NetworkInterface> known = byInstance.putIfAbsent(nic.instanceId, List.of(nic));
            if (known != null) {
                List<NetworkInterface> more = new ArrayList<>(known.size() + 1);
                more.addAll(known);
                more.add(nic);
                byInstance.put(nic.instanceId, more);
            }
        }
        Kept k = new Kept(region.networkInterfaces, region.networkInterfaces.size(), changes.stamp(), free, byInstance);
        kept.put(region, k);
        return k;
    }

    private record Kept(
            Map<String, NetworkInterface> map,
            int size,
            long stamp,
            List<NetworkInterface> free,
            Map<String, List<NetworkInterface>> byInstance) {
        boolean current(RegionState region, ChangeSet changes) {
            if (changes.stamp() != stamp || region.networkInterfaces != map || map.size() != size) return false;
            for (NetworkInterface n : free) if (n.instanceId != null) return false;
            return true;
        }
    }
}
