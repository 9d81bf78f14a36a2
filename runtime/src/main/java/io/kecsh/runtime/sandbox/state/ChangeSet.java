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
    public record Entry(String region, Kind kind, String id) {}

    public enum Kind {
        INSTANCE,
        NIC
    }

    private final Set<Entry> touched = new LinkedHashSet<>();
    /** Counts every change of instances, recorded or possible, also when nothing is recorded (see {@link #stamp()}). */
    private long stamp;
    /** Counts the changes of instances that no writer named (see {@link #unnamedChanges()}). */
    private long unnamed;

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
        stamp++;
        region.byProject().touched(id);
        if (recording) touched.add(new Entry(region.name, Kind.INSTANCE, id));
    }

    /** The network interface {@code id} of the region was created, changed or removed. */
    public void nic(RegionState region, String id) {
        stamp++;
        if (recording) touched.add(new Entry(region.name, Kind.NIC, id));
    }

    /**
     * Something may have changed that no writer recorded: the next save must be a whole one. A
     * mutating action may also have changed instances ({@code mayChangeInstances}); a read of
     * another domain (its own resources' clocks aside) leaves them alone.
     */
    public void unrecorded(boolean mayChangeInstances) {
        if (mayChangeInstances) {
            stamp++;
            unnamed++;
        }
        if (recording) unrecorded = true;
    }

    /**
     * Changes when an instance or NIC may have changed through a writer: what was derived from the
     * instances at one stamp (when their next transition is due) holds while it is unchanged and
     * the region has as many instances (a test may add some directly).
     */
    public long stamp() {
        return stamp;
    }

    /**
     * Changes when instances may have changed without a writer naming them (an action that does not
     * record its changes): what is kept per instance ({@link InstancesByProject}) must be built again.
     */
    public long unnamedChanges() {
        return unnamed;
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
