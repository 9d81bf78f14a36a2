package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.InstancesByProject;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The instances of one region and every rule about changing them, as moto keeps an EC2 backend
 * apart from its responses: no request, no answer shapes, only the state, the clock and the
 * catalogue. A change the documents forbid is a typed {@link InvalidValue} ({@link NoSuchInstance},
 * {@link WrongInstanceState}); the handlers turn parameters into calls here and results into
 * answers. Made per call (it is a view of the region, cheap), used under the state's lock.
 *
 * <p>Every change made here is recorded in the state's {@link io.kecsh.runtime.sandbox.state.ChangeSet}
 * (through {@link #changed}), so that the state file can journal it instead of rewriting the whole
 * state: a new writer of instances belongs here, and records what it changes.
 */
final class Instances {
    /** Families that can stop without charging; others fall back to KeepCharging (L980). */
    private static final Set<String> STOP_CHARGING_FAMILIES = Set.of("N1", "N2", "N3", "S3", "S4", "E1", "I3", "C3");

    private final SandboxState state;
    private final RegionState region;
    private final Catalog catalog;

    Instances(SandboxState state, String region, Catalog catalog) {
        this.state = state;
        this.region = state.region(region);
        this.catalog = catalog;
    }

    /** One instance's outcome in a batch change: whether its state allowed the change. */
    record Outcome(Instance instance, boolean changed) {}

    RegionState region() {
        return region;
    }

    /** The instance {@code param} names, or {@link NoSuchInstance}. */
    Instance get(String param, String id) {
        Instance i = region.instances.get(id);
        if (i == null) throw new NoSuchInstance(param, id, region.name);
        return i;
    }

    /** Every instance of an InstanceId.N list, all found before any is changed. */
    List<Instance> all(List<String> ids) {
        List<Instance> out = new ArrayList<>(ids.size());
        for (int n = 0; n < ids.size(); n++) out.add(get("InstanceId." + (n + 1), ids.get(n)));
        return out;
    }

    List<Outcome> start(List<String> ids) {
        return each(ids, i -> {
            if (!i.inState("stopped")) return false;
            InstanceStates.begin(i, "starting", "active", state.clock());
            return true;
        });
    }

    /** StopCharging only for the families that support it; the others keep charging. */
    List<Outcome> stop(List<String> ids, String mode) {
        return each(ids, i -> {
            if (!i.inState("active")) return false;
            String family = catalog.type(i.type).map(t -> t.family().code()).orElse("");
            i.stoppedMode =
                    "StopCharging".equals(mode) && !STOP_CHARGING_FAMILIES.contains(family) ? "KeepCharging" : mode;
            InstanceStates.begin(i, "stopping", "stopped", state.clock());
            return true;
        });
    }

    List<Outcome> reboot(List<String> ids, boolean force) {
        return each(ids, i -> {
            if (!i.inState("active")) return false;
            InstanceStates.begin(i, force ? "rebooting_hard" : "rebooting", "active", state.clock());
            return true;
        });
    }

    /**
     * Without force the instance goes to the recycle bin (recycling); with it, or when it is
     * already in the recycle bin, it is destroyed for good (L1104).
     */
    List<Outcome> terminate(List<String> ids, boolean force) {
        return each(ids, i -> {
            if (i.inState("deleting", "building") || i.transition != null && !i.inState("recycling")) return false;
            boolean destroy = force || i.inState("recycling");
            InstanceStates.begin(i, "deleting", destroy ? InstanceStates.GONE : "recycling", state.clock());
            return true;
        });
    }

    List<Instance> monitor(List<String> ids, boolean on) {
        List<Instance> instances = all(ids);
        for (Instance i : instances) {
            i.monitoring = on ? "enabled" : "disabled";
            changed(i);
        }
        return instances;
    }

    /** What a reinstall changes: the image (null: the same), system disk size (null: as is), keys (null: as they are). */
    record Rebuild(
            String imageId, Long systemDiskSize, List<String> keyIds, boolean newPassword, boolean keepImageLogin) {}

    /** The instance must be stopped ("实例必须处于已关闭状态"); the OS is rebuilt, then it is stopped again. */
    void rebuild(String id, Rebuild r) {
        Instance i = get("InstanceId", id);
        if (!i.inState("stopped")) throw new WrongInstanceState(i, "ModifyInstanceImage needs it stopped.");
        String imageId = r.imageId() != null ? r.imageId() : i.imageId;
        Image image = region.images.get(imageId);
        if (image == null || !"active".equalsIgnoreCase(image.state)) {
            throw new InvalidValue(
                    "ImageId",
                    image == null ? "There is no image " + imageId + "." : "The image is " + image.state + ".");
        }
        i.imageId = imageId;
        if (r.systemDiskSize() != null) i.systemDiskSize = r.systemDiskSize();
        if (r.keyIds() != null) i.keyIds = new ArrayList<>(r.keyIds());
        i.passwordSet |= r.newPassword();
        i.keepImageLogin = r.keepImageLogin();
        InstanceStates.begin(i, "rebuilding", "stopped", state.clock());
        changed(i);
    }

    /** What a type change asks for: the type, and disks that only grow (null: as they are). */
    record Resize(String type, Long dataDiskGb, Long systemDiskSize, String systemDiskType) {}

    /** Upgrade only, as the 0530 edition and the overview say (decisions on the enum InstanceType.ModifyInstanceType and the parameter). */
    void resize(String id, Resize r) {
        Instance i = get("InstanceId", id);
        Catalog.Type from = catalog.type(i.type).orElseThrow();
        Catalog.Type to = catalog.type(r.type()).orElseThrow();
        if (to.vcpu() < from.vcpu() || to.memoryGb() < from.memoryGb()) {
            throw new InvalidValue(
                    "InstanceType", i.type + " can only be changed to a larger type; " + to.name() + " is smaller.");
        }
        long dataDisk = r.dataDiskGb() != null ? r.dataDiskGb() : i.dataDiskGb;
        if (dataDisk < i.dataDiskGb) {
            throw new InvalidValue(
                    "DataDiskGb", "The data volume can only grow or stay as it is (now " + i.dataDiskGb + " GB).");
        }
        // the system-disk resize sdk-go's ModifyInstanceTypeRequest carries: a disk only grows
        long systemSize = r.systemDiskSize() != null ? r.systemDiskSize() : i.systemDiskSize;
        if (systemSize < i.systemDiskSize) {
            throw new InvalidValue(
                    "SystemDisk.DiskSize",
                    "The system disk can only grow or stay as it is (now " + i.systemDiskSize + " GB).");
        }
        i.type = to.name();
        i.dataDiskGb = dataDisk;
        i.systemDiskSize = systemSize;
        if (r.systemDiskType() != null) i.systemDiskType = r.systemDiskType();
        changed(i);
    }

    /** Name and host name as given (null: unchanged); a new password needs the instance stopped. */
    void modify(String id, String name, String hostName, boolean newPassword) {
        Instance i = get("InstanceId", id);
        changed(i);
        if (name != null) i.name = name;
        if (hostName != null) i.hostName = hostName;
        if (newPassword) {
            if (!i.inState("stopped")) throw new WrongInstanceState(i, "changing the password needs it stopped.");
            i.passwordSet = true;
            InstanceStates.begin(i, "updating_password", "stopped", state.clock());
        }
    }

    /** Sets (or, with no time, clears) the time the instances delete themselves (Beijing time, yyyy-MM-dd HH:mm). */
    void autoDelete(List<String> ids, String time, boolean withEip) {
        for (Instance i : all(ids)) {
            i.autoDeleteTime = time;
            i.autoDeleteEip = time != null && withEip;
            changed(i);
        }
    }

    /** A VNC session's token; the instance must be running. */
    String vncToken(String id) {
        Instance i = get("InstanceId", id);
        if (!i.inState("active")) throw new WrongInstanceState(i, "VNC needs it running.");
        return state.ids.uuid();
    }

    /**
     * A describe counts as one look at each instance in transition, when the clock completes
     * transitions after a number of describes (the before-call step settled the region already;
     * this settles it again only to count itself).
     */
    void described() {
        if (state.clock().describesPerTransition() > 0)
            InstanceStates.settle(region, state.clock(), true, state.changes());
    }

    /**
     * The page of the instances a query selects, in its order, from {@code marker} (an offset) with at
     * most {@code max}; {@code nicsByInstance}: the region's NICs by instance, read only when a filter
     * needs them. Without filters, search or sort, a project's instances come from the region's index
     * ({@link InstancesByProject}), so a page costs its own size, not the region's; by InstanceId, as
     * many lookups as IDs. Other queries go over the region.
     */
    InstancePage page(
            InstanceQuery query, long marker, long max, Supplier<Map<String, List<NetworkInterface>>> nicsByInstance) {
        Long project = query.indexedProject();
        if (project != null && query.ids().isEmpty()) {
            InstancesByProject index = region.byProject();
            return InstancePage.of(
                    () -> index.count(project, state.changes()),
                    marker,
                    max,
                    (from, to) -> index.page(project, from, to, state.changes()));
        }
        List<Instance> all = new ArrayList<>();
        if (project != null) {
            Predicate<Instance> selected = query.matcher(Map.of()); // no filter reads NICs
            for (String id : query.ids()) {
                Instance i = region.instances.get(id);
                if (i != null && selected.test(i)) all.add(i);
            }
            region.byProject().sortByCreation(all, state.changes());
        } else {
            Predicate<Instance> selected = query.matcher(nicsByInstance.get());
            for (Instance i : region.instances.values()) if (selected.test(i)) all.add(i);
            Comparator<Instance> order = query.order();
            if (order != null) all.sort(order);
        }
        return InstancePage.of(all::size, marker, max, all::subList);
    }

    /** The name of the instance's data-guard group (null: none, or unnamed): part of its view. */
    String dataGuardName(Instance i) {
        if (i.dataGuardId == null) return null;
        Map<String, Object> group = region.dataGuardGroups.get(i.dataGuardId);
        return group == null || group.get("DataGuardName") == null
                ? null
                : group.get("DataGuardName").toString();
    }

    /** RunInstances: the instances created (see {@link InstanceLaunch}). */
    List<Instance> launch(Map<String, Object> params) {
        return new InstanceLaunch(state, region, catalog).launch(params);
    }

    /** Applies a change to every named instance (all found first), answering each one's outcome. */
    private List<Outcome> each(List<String> ids, Predicate<Instance> change) {
        List<Outcome> out = new ArrayList<>(ids.size());
        for (Instance i : all(ids)) {
            boolean changed = change.test(i);
            if (changed) changed(i);
            out.add(new Outcome(i, changed));
        }
        return out;
    }

    /** Records the instance as changed, for the state file's journal. */
    private void changed(Instance i) {
        state.changes().instance(region, i.id);
    }
}
