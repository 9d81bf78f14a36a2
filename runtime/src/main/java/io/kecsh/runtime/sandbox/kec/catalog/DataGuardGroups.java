package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Data-guard (anti-affinity) groups of a region. A group is kept in
 * {@link RegionState#dataGuardGroups} as {DataGuardId, DataGuardName, DataGuardLevel,
 * DataGuardCapacity, CreateTime}; who belongs to it is each instance's own
 * {@link Instance#dataGuardId}, so an instance is in one group at a time and leaves it when it is
 * gone, whoever deletes it. Other parts of the sandbox (RunInstances with DataGuardId) may use
 * {@link #members} and {@link #CAPACITY}.
 */
public final class DataGuardGroups {
    /**
     * How many instances a group holds: DescribeDataGuardCapacity's sample (cn-beijing-6: 10) and
     * every group of the DescribeDataGuardGroup sample. The sandbox gives every region this figure.
     */
    public static final int CAPACITY = 10;
    /** The isolation level of the DescribeDataGuardGroup sample: one instance per physical host. */
    static final String LEVEL = "host";

    private DataGuardGroups() {}

    /** The members of every group, in instance creation order, in one pass over the region. */
    public static Map<String, List<Instance>> members(RegionState region) {
        Map<String, List<Instance>> byGroup = new LinkedHashMap<>();
        for (Instance i : region.instances.values()) {
            if (i.dataGuardId != null && !i.inState("deleted")) {
                byGroup.computeIfAbsent(i.dataGuardId, g -> new ArrayList<>()).add(i);
            }
        }
        return byGroup;
    }

    /** The members of one group. */
    public static List<Instance> members(RegionState region, String groupId) {
        return members(region).getOrDefault(groupId, List.of());
    }

    /** How many instances the group may hold. */
    public static int capacity(Map<String, Object> group) {
        return ((Number) group.getOrDefault("DataGuardCapacity", CAPACITY)).intValue();
    }
}
