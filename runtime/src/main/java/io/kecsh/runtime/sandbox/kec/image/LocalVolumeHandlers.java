package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.handler.TokenPaging;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Local volumes (derived from instances) and their snapshots: list, snapshot, roll back, delete. */
public final class LocalVolumeHandlers {
    private LocalVolumeHandlers() {}

    public static void register(HandlerRegistry handlers) {
        handlers.on("DescribeLocalVolumes", LocalVolumeHandlers::describeLocalVolumes)
                .on("CreateLocalVolumeSnapshot", LocalVolumeHandlers::createSnapshot)
                .on("DescribeLocalVolumeSnapshots", LocalVolumeHandlers::describeSnapshots)
                .on("RollbackLocalVolume", LocalVolumeHandlers::rollback)
                .on("DeleteLocalVolumeSnapshot", LocalVolumeHandlers::deleteSnapshots);
    }

    static Map<String, Object> describeLocalVolumes(SandboxRequest r, SandboxState state) {
        RegionState region = state.region(r.region());
        Optional<String> name = r.string("InstanceName");
        Optional<String> instanceId = r.string("InstanceId");
        List<Map<String, Object>> set = new ArrayList<>();
        for (Instance instance : region.instances.values()) {
            if (name.isPresent() && !name.get().equals(instance.name)) continue;
            if (instanceId.isPresent() && !instanceId.get().equals(instance.id)) continue;
            for (LocalVolume v : LocalVolume.of(instance, region)) {
                Map<String, Object> view = v.view();
                if (matches(r, view)) set.add(view);
            }
        }
        // Marker/MaxResults (sdk-go's DescribeLocalVolumesRequest): an offset and a page size, as DescribeInstances
        // pages. No source gives the page size without MaxResults: at most the largest the model allows, so a
        // client that reads one answer sees that there is more (Marker) instead of the sandbox answering everything.
        int total = set.size();
        int from = (int) Math.min(r.number("Marker").orElse(0L), total);
        int to = (int) Math.min(total, from + r.number("MaxResults").orElse((long) TokenPaging.DEFAULT_PAGE));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Marker", to < total ? to : 0);
        result.put("LocalVolumeCount", total);
        result.put("LocalVolumeSet", new ArrayList<>(set.subList(from, to)));
        return result;
    }

    static Map<String, Object> createSnapshot(SandboxRequest r, SandboxState state) {
        RegionState region = state.region(r.region());
        LocalVolume volume = volume(r, region);
        Instance instance = volume.instance();
        if (!instance.inState("active", "stopped")) {
            throw r.invalid(
                    "LocalVolumeId",
                    "Instance " + instance.id + " is " + instance.state
                            + "; its local volumes can be snapshotted when it is active or stopped.");
        }
        LocalSnapshot s = new RegionSnapshots(region, state.clock())
                .create(
                        volume,
                        r.requireString("LocalVolumeSnapshotName"),
                        r.string("LocalVolumeSnapshotDesc").orElse(null),
                        state.ids);
        return Map.of("LocalVolumeSnapshotId", s.id);
    }

    static Map<String, Object> describeSnapshots(SandboxRequest r, SandboxState state) {
        RegionState region = state.region(r.region());
        Optional<String> volumeName = r.string("LocalVolumeName");
        Optional<Set<String>> instanceIds = r.string("InstanceName").map(name -> {
            Set<String> ids = new HashSet<>();
            for (Instance i : region.instances.values()) if (name.equals(i.name)) ids.add(i.id);
            return ids;
        });
        List<LocalSnapshot> seen = new RegionSnapshots(region, state.clock())
                .describe(s -> volumeName.map(s.volumeName::equals).orElse(true)
                        && instanceIds.map(ids -> ids.contains(s.instanceId)).orElse(true));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("LocalVolumeSnapshotCount", seen.size());
        result.put(
                "LocalVolumeSnapshotSet", seen.stream().map(LocalSnapshot::view).toList());
        return result;
    }

    static Map<String, Object> rollback(SandboxRequest r, SandboxState state) {
        RegionState region = state.region(r.region());
        String snapshotId = r.requireString("LocalVolumeSnapshotId");
        LocalSnapshot s = new RegionSnapshots(region, state.clock())
                .find(snapshotId)
                .orElseThrow(() -> r.invalid(
                        "LocalVolumeSnapshotId",
                        "There is no local volume snapshot " + snapshotId + " in region " + r.region() + "."));
        // today's SDKs send the snapshot alone: a snapshot belongs to one volume, which is then the one rolled back
        LocalVolume volume = r.has("LocalVolumeId")
                ? volume(r, region)
                : LocalVolume.find(region, s.volumeId)
                        .orElseThrow(() -> r.invalid(
                                "LocalVolumeSnapshotId",
                                "The local volume " + s.volumeId + " of snapshot " + snapshotId
                                        + " no longer exists."));
        if (!s.volumeId.equals(volume.id())) {
            throw r.invalid(
                    "LocalVolumeSnapshotId",
                    "Snapshot " + snapshotId + " is of local volume " + s.volumeId + ", not of " + volume.id() + ".");
        }
        if (!RegionSnapshots.ACTIVE.equals(s.state)) {
            throw r.invalid(
                    "LocalVolumeSnapshotId",
                    "Snapshot " + snapshotId + " is " + s.state
                            + "; a volume can be rolled back to an ACTIVE snapshot.");
        }
        Instance instance = volume.instance();
        if (!instance.inState("stopped")) {
            throw r.invalid(
                    "LocalVolumeId",
                    "Instance " + instance.id + " is " + instance.state
                            + "; stop it before rolling back its local volume.");
        }
        return Map.of("Return", true);
    }

    static Map<String, Object> deleteSnapshots(SandboxRequest r, SandboxState state) {
        RegionSnapshots snapshots = new RegionSnapshots(state.region(r.region()), state.clock());
        List<String> ids = r.strings("LocalVolumeSnapshotId");
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (snapshots.find(id).isEmpty()) {
                throw r.invalid(
                        "LocalVolumeSnapshotId." + (i + 1),
                        "There is no local volume snapshot " + id + " in region " + r.region() + ".");
            }
        }
        List<Map<String, Object>> set = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            snapshots.delete(id);
            set.add(Map.of("LocalVolumeSnapshotId", id, "Return", true));
        }
        return Map.of("ReturnSet", set);
    }

    /** The filters sdk-go's DescribeLocalVolumesRequest adds that a volume's view can answer. */
    private static boolean matches(SandboxRequest r, Map<String, Object> view) {
        // the sandbox has no automatic snapshot policies: no volume is bound to one
        if (r.flag("BindSnapshotPolicy") || r.has("AutoSnapshotPolicyId")) return false;
        for (String member : List.of("LocalVolumeId", "InstanceState", "LocalVolumeCategory")) {
            Optional<String> wanted = r.string(member);
            if (wanted.isPresent() && !wanted.get().equals(String.valueOf(view.get(member)))) return false;
        }
        Optional<Long> size = r.number("LocalVolumeSize");
        return size.isEmpty() || size.get() == ((Number) view.get("LocalVolumeSize")).longValue();
    }

    private static LocalVolume volume(SandboxRequest r, RegionState region) {
        String id = r.requireString("LocalVolumeId");
        return LocalVolume.find(region, id)
                .orElseThrow(() -> r.invalid(
                        "LocalVolumeId", "There is no local volume " + id + " in region " + r.region() + "."));
    }
}
