package io.kecsh.runtime.sandbox.kec.image;

import io.kecsh.runtime.sandbox.state.Ids;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** The local-volume snapshots of one region: made {@code creating}, then {@code ACTIVE}. */
final class RegionSnapshots {
    static final String CREATING = "creating";
    static final String ACTIVE = "ACTIVE";

    private final RegionState region;
    private final SandboxClock clock;

    RegionSnapshots(RegionState region, SandboxClock clock) {
        this.region = region;
        this.clock = clock;
    }

    LocalSnapshot create(LocalVolume volume, String name, String description, Ids ids) {
        LocalSnapshot s = new LocalSnapshot();
        s.id = ids.uuid();
        s.name = name;
        s.description = description;
        s.volumeId = volume.id();
        s.volumeName = volume.name();
        s.volumeCategory = volume.category();
        s.diskSize = volume.sizeGb();
        s.instanceId = volume.instance().id;
        s.state = CREATING;
        s.transition = Transition.start(ACTIVE, clock);
        s.creationDate = ImageLifecycle.isoNow(clock);
        region.snapshots.put(s.id, s.toMap());
        return s;
    }

    /** The snapshot with this ID as it is now. */
    Optional<LocalSnapshot> find(String id) {
        Map<String, Object> stored = region.snapshots.get(id);
        return stored == null ? Optional.empty() : Optional.of(settle(LocalSnapshot.from(stored), false));
    }

    /** The snapshots a describe sees, in creation order. */
    List<LocalSnapshot> describe(Predicate<LocalSnapshot> filter) {
        List<LocalSnapshot> seen = new ArrayList<>();
        for (Map<String, Object> stored : region.snapshots.values()) {
            LocalSnapshot s = LocalSnapshot.from(stored);
            if (filter.test(s)) seen.add(settle(s, true));
        }
        return seen;
    }

    void delete(String id) {
        region.snapshots.remove(id);
    }

    private LocalSnapshot settle(LocalSnapshot s, boolean described) {
        Transition t = s.transition;
        if (t == null) return s;
        if (t.due(clock)) {
            s.state = t.target();
            s.transition = null;
        } else if (described && clock.describesPerTransition() > 0) {
            s.transition = t.seen();
        } else {
            return s;
        }
        region.snapshots.put(s.id, s.toMap());
        return s;
    }
}
