package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;

/**
 * A region's network interfaces by the instance they are attached to, as DescribeInstances needs
 * them for every page, kept between calls while the region's NICs are the same objects attached
 * to the same instances: checking that is one pass of reference comparisons, cheaper than hashing
 * every NIC's instance id again (a region of 1,000 instances has 1,000 NICs or more).
 *
 * <p>Used under the state's lock. The lists handed out are not to be changed.
 */
final class NicIndex {
    private final Map<RegionState, Kept> kept = new WeakHashMap<>();

    /** Each instance's NICs in the region's order (instances without NICs are absent). */
    Map<String, List<NetworkInterface>> byInstance(RegionState region) {
        Kept k = kept.get(region);
        if (k != null && k.matches(region)) return k.byInstance;
        int n = region.networkInterfaces.size();
        NetworkInterface[] nics = new NetworkInterface[n];
        String[] owners = new String[n];
        Map<String, List<NetworkInterface>> byInstance = new HashMap<>();
        int at = 0;
        for (NetworkInterface nic : region.networkInterfaces.values()) {
            nics[at] = nic;
            owners[at++] = nic.instanceId;
            if (nic.instanceId != null)
                byInstance
                        .computeIfAbsent(nic.instanceId, id -> new ArrayList<>(1))
                        .add(nic);
        }
        kept.put(region, new Kept(nics, owners, byInstance));
        return byInstance;
    }

    private record Kept(NetworkInterface[] nics, String[] owners, Map<String, List<NetworkInterface>> byInstance) {
        boolean matches(RegionState region) {
            if (region.networkInterfaces.size() != nics.length) return false;
            int at = 0;
            for (NetworkInterface nic : region.networkInterfaces.values()) {
                if (nic != nics[at] || !Objects.equals(nic.instanceId, owners[at])) return false;
                at++;
            }
            return true;
        }
    }
}
