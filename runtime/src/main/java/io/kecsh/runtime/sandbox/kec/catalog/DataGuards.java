package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The data-guard groups of one region and the rules about them, apart from the handlers that read
 * parameters and shape answers ({@link DataGuardHandlers}). The documents give no error codes for
 * them, so every refusal is an {@link InvalidValue} naming the parameter, with the reason: an
 * unknown group or instance, a taken name, a full group, an instance already in another group or
 * with a local disk, deleting a group that still has members (remove them first: a delete never
 * moves instances silently). Every batch is checked whole before anything changes. Made per call,
 * used under the state's lock; how groups are stored is {@link DataGuardGroups}'.
 */
final class DataGuards {
    private final SandboxState state;
    private final RegionState region;

    DataGuards(SandboxState state, String region) {
        this.state = state;
        this.region = state.region(region);
    }

    /** A new group's id. */
    String create(String name) {
        checkName(name, null);
        Map<String, Object> group = new LinkedHashMap<>();
        String id = state.ids.uuid();
        group.put("DataGuardId", id);
        group.put("DataGuardName", name);
        group.put("DataGuardLevel", DataGuardGroups.LEVEL);
        group.put("DataGuardCapacity", DataGuardGroups.CAPACITY);
        group.put("CreateTime", BeijingTime.nowText(state.clock()));
        region.dataGuardGroups.put(id, group);
        return id;
    }

    void rename(String id, String name) {
        Map<String, Object> group = group("DataGuardId", id);
        checkName(name, id);
        group.put("DataGuardName", name);
    }

    /** Deletes empty groups only; one unknown or non-empty group and nothing is deleted. The ids deleted, once each. */
    List<String> delete(List<String> ids) {
        Map<String, List<Instance>> members = DataGuardGroups.members(region);
        for (int n = 0; n < ids.size(); n++) {
            String param = "DataGuardId." + (n + 1);
            group(param, ids.get(n));
            int used = members.getOrDefault(ids.get(n), List.of()).size();
            if (used > 0) {
                throw new InvalidValue(
                        param,
                        "The data-guard group " + ids.get(n) + " still holds " + used + " instance"
                                + (used == 1 ? "" : "s") + "; remove them with RemoveVmFromDataGuard first.");
            }
        }
        List<String> deleted = new ArrayList<>(new LinkedHashSet<>(ids));
        deleted.forEach(region.dataGuardGroups::remove);
        return deleted;
    }

    /** A group as stored, and its members in instance creation order. */
    record Group(Map<String, Object> stored, List<Instance> members) {}

    /** Groups matching the id and the name when given (null: any; an unknown one matches nothing). */
    List<Group> select(String id, String name) {
        Map<String, List<Instance>> members = DataGuardGroups.members(region);
        List<Group> out = new ArrayList<>();
        for (Map<String, Object> g : region.dataGuardGroups.values()) {
            if (id != null && !id.equals(g.get("DataGuardId")) || name != null && !name.equals(g.get("DataGuardName")))
                continue;
            out.add(new Group(g, members.getOrDefault((String) g.get("DataGuardId"), List.of())));
        }
        return out;
    }

    /**
     * Moves instances into a group: each must exist, be alive (not in the recycle bin or being
     * deleted), have only cloud disks ("仅支持全云盘云主机"), and be in no other group; the group
     * must have room for all of them. Instances already in this group stay as they are.
     */
    void add(String groupId, List<String> ids) {
        Map<String, Object> group = group("DataGuardId", groupId);
        List<Instance> joining = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            String param = "InstanceId." + (n + 1);
            Instance i = instance(param, ids.get(n));
            if (i.inState("recycling", "deleting"))
                throw new InvalidValue(param, "The instance " + i.id + " is " + i.state + ".");
            if ("Local_SSD".equals(i.systemDiskType) || i.dataDiskGb > 0) {
                throw new InvalidValue(
                        param,
                        "Only instances whose disks are all cloud disks can join a data-guard group; " + i.id
                                + " has a local disk.");
            }
            if (i.dataGuardId != null
                    && !i.dataGuardId.equals(groupId)
                    && region.dataGuardGroups.containsKey(i.dataGuardId)) {
                throw new InvalidValue(
                        param,
                        "The instance " + i.id + " is already in data-guard group " + i.dataGuardId
                                + "; an instance is in one group at a time.");
            }
            if (!groupId.equals(i.dataGuardId) && !joining.contains(i)) joining.add(i);
        }
        int used = DataGuardGroups.members(region, groupId).size();
        int capacity = DataGuardGroups.capacity(group);
        if (used + joining.size() > capacity) {
            throw new InvalidValue(
                    "DataGuardId",
                    "The data-guard group " + groupId + " holds " + used + " of " + capacity + " instances; "
                            + joining.size() + " more do not fit.");
        }
        joining.forEach(i -> i.dataGuardId = groupId);
    }

    /** Takes instances out of a group; each must be in it. The ids taken out, once each. */
    List<String> remove(String groupId, List<String> ids) {
        group("DataGuardId", groupId);
        List<Instance> leaving = new ArrayList<>();
        for (int n = 0; n < ids.size(); n++) {
            String param = "InstanceId." + (n + 1);
            Instance i = instance(param, ids.get(n));
            if (!groupId.equals(i.dataGuardId)) {
                throw new InvalidValue(param, "The instance " + i.id + " is not in data-guard group " + groupId + ".");
            }
            leaving.add(i);
        }
        leaving.forEach(i -> i.dataGuardId = null);
        return new ArrayList<>(new LinkedHashSet<>(ids));
    }

    private Map<String, Object> group(String param, String id) {
        Map<String, Object> group = region.dataGuardGroups.get(id);
        if (group == null)
            throw new InvalidValue(param, "There is no data-guard group " + id + " in " + region.name + ".");
        return group;
    }

    private Instance instance(String param, String id) {
        Instance i = region.instances.get(id);
        if (i == null || i.inState("deleted"))
            throw new InvalidValue(param, "There is no instance " + id + " in " + region.name + ".");
        return i;
    }

    /** A non-blank name no other group of the region has (the sandbox keeps names unique so they can be looked up). */
    private void checkName(String name, String self) {
        if (name.isBlank()) throw new InvalidValue("DataGuardName", "The name cannot be blank.");
        for (Map<String, Object> g : region.dataGuardGroups.values()) {
            if (name.equals(g.get("DataGuardName")) && !g.get("DataGuardId").equals(self)) {
                throw new InvalidValue(
                        "DataGuardName",
                        "A data-guard group named " + name + " already exists in " + region.name + ".");
            }
        }
    }
}
