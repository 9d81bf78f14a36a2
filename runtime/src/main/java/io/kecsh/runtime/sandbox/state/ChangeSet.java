package io.kecsh.runtime.sandbox.state;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What changed in the state since it was last saved, for the state file's journal: the instances
 * and network interfaces the instance backend created, changed or removed, by region and ID.
 *
 * <p>Only the writers that record here may be journaled: every other action leaves the change set
 * {@linkplain #unrecorded() unrecorded}, and the next save then writes the whole state, as before
 * the journal. So a change nobody records is never lost, it only costs a full save. Not recorded at
 * all (and free) while the sandbox has no state file. Used under the state's lock.
 */
public final class ChangeSet {
    /** One entry of a region's {@code instances} or {@code networkInterfaces}: its value now (or its absence) is the change. */
    public record Entry(String region, Kind kind, String id) {
    }

    public enum Kind { INSTANCE, NIC }

    private final Set<Entry> touched = new LinkedHashSet<>();
    private boolean recording;
    private boolean unrecorded;

    /** From now on, record (a sandbox with a state file turns it on). */
    public void record() {
        recording = true;
    }

    public boolean recording() {
        return recording;
    }

    /** The instance {@code id} of the region was created, changed or removed. */
    public void instance(RegionState region, String id) {
        if (recording) touched.add(new Entry(region.name, Kind.INSTANCE, id));
    }

    /** The network interface {@code id} of the region was created, changed or removed. */
    public void nic(RegionState region, String id) {
        if (recording) touched.add(new Entry(region.name, Kind.NIC, id));
    }

    /** Something may have changed that no writer recorded: the next save must be a whole one. */
    public void unrecorded() {
        if (recording) unrecorded = true;
    }

    public boolean isUnrecorded() {
        return unrecorded;
    }

    public Set<Entry> entries() {
        return touched;
    }

    /** After a save: nothing is outstanding. */
    public void clear() {
        touched.clear();
        unrecorded = false;
    }
}
