package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The seven data-guard actions. The documents give no error codes for them, so every refusal is
 * InvalidParameterValue naming the parameter, with the reason: an unknown group or instance, a
 * taken name, a full group, an instance already in another group or with a local disk, deleting a
 * group that still has members (remove them first: a delete never moves instances silently).
 * Every batch is checked whole before anything changes.
 */
final class DataGuardHandlers {

    Map<String, Object> create(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        String name = name(request, region, null);
        Map<String, Object> group = new LinkedHashMap<>();
        String id = state.ids.uuid();
        group.put("DataGuardId", id);
        group.put("DataGuardName", name);
        group.put("DataGuardLevel", DataGuardGroups.LEVEL);
        group.put("DataGuardCapacity", DataGuardGroups.CAPACITY);
        group.put("CreateTime", BeijingTime.nowText(state.clock()));
        region.dataGuardGroups.put(id, group);
        return Map.of("DataGuardId", id);
    }

    Map<String, Object> rename(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Map<String, Object> group = group(request, region, "DataGuardId", request.requireString("DataGuardId"));
        group.put("DataGuardName", name(request, region, (String) group.get("DataGuardId")));
        return Map.of("Return", true);
    }

    /** Deletes empty groups only; one unknown or non-empty group and nothing is deleted. */
    Map<String, Object> delete(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        List<String> ids = request.strings("DataGuardId");
        Map<String, List<Instance>> members = DataGuardGroups.members(region);
        for (int n = 0; n < ids.size(); n++) {
            String param = "DataGuardId." + (n + 1);
            group(request, region, param, ids.get(n));
            int used = members.getOrDefault(ids.get(n), List.of()).size();
            if (used > 0) {
                throw request.invalid(param, "The data-guard group " + ids.get(n) + " still holds " + used + " instance"
                    + (used == 1 ? "" : "s") + "; remove them with RemoveVmFromDataGuard first.");
            }
        }
        List<Object> results = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            region.dataGuardGroups.remove(id);
            results.add(Map.of("DataGuardId", id, "Return", true));
        }
        return Map.of("ReturnSet", results);
    }

    /** Groups matching DataGuardId and DataGuardName when given (an unknown one matches nothing). */
    Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        String id = request.string("DataGuardId").orElse(null);
        String name = request.string("DataGuardName").orElse(null);
        Map<String, List<Instance>> members = DataGuardGroups.members(region);
        List<Object> groups = new ArrayList<>();
        for (Map<String, Object> g : region.dataGuardGroups.values()) {
            if (id != null && !id.equals(g.get("DataGuardId")) || name != null && !name.equals(g.get("DataGuardName"))) continue;
            List<Instance> in = members.getOrDefault((String) g.get("DataGuardId"), List.of());
            List<Object> list = new ArrayList<>();
            in.forEach(i -> list.add(Map.of("InstanceId", i.id, "InstanceName", i.name == null ? "" : i.name)));
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("DataGuardId", g.get("DataGuardId"));
            item.put("DataGuardName", g.get("DataGuardName"));
            item.put("DataGuardLevel", g.get("DataGuardLevel"));
            item.put("DataGuardCapacity", DataGuardGroups.capacity(g));
            item.put("DataGuardUsedSize", in.size());
            item.put("DataGuardInstancesList", list);
            groups.add(item);
        }
        return Map.of("DataGuardsSet", groups);
    }

    /** The capacity of one group in this region (the sample's {Region, Capacity: 10}). */
    Map<String, Object> capacity(SandboxRequest request, SandboxState state) {
        return Map.of("DataGuardCapacity", Map.of("Region", request.region(), "Capacity", DataGuardGroups.CAPACITY));
    }

    /**
     * Moves instances into a group: each must exist, be alive (not in the recycle bin or being
     * deleted), have only cloud disks ("仅支持全云盘云主机"), and be in no other group; the group
     * must have room for all of them. Instances already in this group stay as they are.
     */
    Map<String, Object> add(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        String groupId = request.requireString("DataGuardId");
        Map<String, Object> group = group(request, region, "DataGuardId", groupId);
        List<String> ids = request.strings("InstanceId");
        List<Instance> joining = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            String param = "InstanceId." + (n + 1);
            Instance i = instance(request, region, param, ids.get(n));
            if (i.inState("recycling", "deleting")) throw request.invalid(param, "The instance " + i.id + " is " + i.state + ".");
            if ("Local_SSD".equals(i.systemDiskType) || i.dataDiskGb > 0) {
                throw request.invalid(param, "Only instances whose disks are all cloud disks can join a data-guard group; "
                    + i.id + " has a local disk.");
            }
            if (i.dataGuardId != null && !i.dataGuardId.equals(groupId) && region.dataGuardGroups.containsKey(i.dataGuardId)) {
                throw request.invalid(param, "The instance " + i.id + " is already in data-guard group " + i.dataGuardId
                    + "; an instance is in one group at a time.");
            }
            if (!groupId.equals(i.dataGuardId) && !joining.contains(i)) joining.add(i);
        }
        int used = DataGuardGroups.members(region, groupId).size();
        int capacity = DataGuardGroups.capacity(group);
        if (used + joining.size() > capacity) {
            throw request.invalid("DataGuardId", "The data-guard group " + groupId + " holds " + used + " of " + capacity
                + " instances; " + joining.size() + " more do not fit.");
        }
        joining.forEach(i -> i.dataGuardId = groupId);
        return Map.of("Return", true);
    }

    /** Takes instances out of a group; each must be in it. */
    Map<String, Object> remove(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        String groupId = request.requireString("DataGuardId");
        group(request, region, "DataGuardId", groupId);
        List<String> ids = request.strings("InstanceId");
        List<Instance> leaving = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            String param = "InstanceId." + (n + 1);
            Instance i = instance(request, region, param, ids.get(n));
            if (!groupId.equals(i.dataGuardId)) {
                throw request.invalid(param, "The instance " + i.id + " is not in data-guard group " + groupId + ".");
            }
            leaving.add(i);
        }
        List<Object> results = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) results.add(Map.of("InstanceId", id, "Return", true));
        leaving.forEach(i -> i.dataGuardId = null);
        return Map.of("ReturnSet", results);
    }

    private static Map<String, Object> group(SandboxRequest request, RegionState region, String param, String id) {
        Map<String, Object> group = region.dataGuardGroups.get(id);
        if (group == null) throw request.invalid(param, "There is no data-guard group " + id + " in " + region.name + ".");
        return group;
    }

    private static Instance instance(SandboxRequest request, RegionState region, String param, String id) {
        Instance i = region.instances.get(id);
        if (i == null || i.inState("deleted")) throw request.invalid(param, "There is no instance " + id + " in " + region.name + ".");
        return i;
    }

    /** A non-blank name no other group of the region has (the sandbox keeps names unique so they can be looked up). */
    private static String name(SandboxRequest request, RegionState region, String self) {
        String name = request.requireString("DataGuardName");
        if (name.isBlank()) throw request.invalid("DataGuardName", "The name cannot be blank.");
        for (Map<String, Object> g : region.dataGuardGroups.values()) {
            if (name.equals(g.get("DataGuardName")) && !g.get("DataGuardId").equals(self)) {
                throw request.invalid("DataGuardName", "A data-guard group named " + name + " already exists in " + region.name + ".");
            }
        }
        return name;
    }
}
