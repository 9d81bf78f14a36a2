package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.protocol.PreparedItem;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.FieldSnapshot;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The view of each instance as last answered, kept while nothing it is made from changed, so that
 * a page of unchanged instances is neither rebuilt nor typed nor written again (the response
 * writer keeps a {@link PreparedItem}'s JSON). Whether anything changed is read from the objects
 * themselves each time ({@link FieldSnapshot}: every field of the instance and of each of its
 * NICs, and which NICs it has), not from a version that every writer would have to remember to
 * bump: a handler's change, a transition the clock finished, a test's own change all show.
 *
 * <p>Used under the state's lock. Bounded: the least recently answered views are dropped first.
 */
final class InstanceViews {
    static final int LIMIT = 4096;

    /** The sandbox's catalogue (an instance type's vCPUs and memory), the same for this object's life. */
    private final Catalog catalog;

    private final Map<Instance, Kept> kept = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Instance, Kept> eldest) {
            return size() > LIMIT;
        }
    };

    InstanceViews(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The instance's view: the kept one when the instance, its NICs, its group's name and the model are as they were. */
    PreparedItem of(Instance instance, List<NetworkInterface> nics, String dataGuardName, Service kec) {
        Kept k = kept.get(instance);
        if (k != null && k.matches(instance, nics, dataGuardName, kec)) return k.view;
        PreparedItem view = PreparedItem.of(InstanceView.of(instance, nics, dataGuardName, kec, catalog));
        List<FieldSnapshot> nicFields = new ArrayList<>(nics.size());
        for (NetworkInterface n : nics) nicFields.add(FieldSnapshot.of(n));
        kept.put(
                instance, new Kept(FieldSnapshot.of(instance), List.copyOf(nics), nicFields, dataGuardName, kec, view));
        return view;
    }

    /** Views kept now (for tests of the bound). */
    int size() {
        return kept.size();
    }

    private record Kept(
            FieldSnapshot instance,
            List<NetworkInterface> nics,
            List<FieldSnapshot> nicFields,
            String dataGuardName,
            Service kec,
            PreparedItem view) {
        boolean matches(Instance i, List<NetworkInterface> now, String groupName, Service model) {
            if (model != kec || now.size() != nics.size() || !instance.matches(i)) return false;
            if (!Objects.equals(groupName, dataGuardName)) return false;
            for (int k = 0; k < now.size(); k++) {
                if (now.get(k) != nics.get(k) || !nicFields.get(k).matches(now.get(k))) return false;
            }
            return true;
        }
    }
}
