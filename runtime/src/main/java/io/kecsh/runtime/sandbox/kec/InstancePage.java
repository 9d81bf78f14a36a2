package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.state.Instance;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A page of DescribeInstances: the instances from Marker (a 0-based offset into what the query
 * selects) up to MaxResults of them, how many the query selects (InstanceCount), and the next page's
 * Marker (0 after the last page).
 */
record InstancePage(List<Instance> instances, int count, long marker) {

    /** The instances between two offsets, or null when what was counted changed and must be counted again. */
    interface Slice {
        List<Instance> between(int from, int to);
    }

    static InstancePage of(IntSupplier count, long marker, long max, Slice slice) {
        for (int attempt = 0; attempt < 3; attempt++) { // a slice counted again is good (the index is built anew)
            int n = count.getAsInt();
            int from = (int) Math.min(marker, n);
            int to = (int) Math.min(n, from + max);
            List<Instance> instances = slice.between(from, to);
            if (instances != null) return new InstancePage(instances, n, to < n ? to : 0L);
        }
        throw new IllegalStateException("the instances changed every time they were counted");
    }
}
