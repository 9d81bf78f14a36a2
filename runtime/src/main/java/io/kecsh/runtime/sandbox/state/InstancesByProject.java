package io.kecsh.runtime.sandbox.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A region's instances by project, each project's in creation order without the recycle bin (what
 * DescribeInstances lists when it has no filter to apply), so that a page at any Marker and its
 * InstanceCount are read without going over the region. Not persisted: built from the region at the
 * first read, then kept by the writers, lazily.
 *
 * <p>Kept by the writers through the {@link ChangeSet}: every instance writer records the instance
 * it touches there ({@link #touched}), and the index looks at those instances again at the next
 * read (not at the touch: a writer may record before it changes the fields). What no writer names
 * makes the index build itself again from the region: a change the {@code ChangeSet} only knows
 * may have happened ({@link ChangeSet#unnamedChanges()}), a region with another number of
 * instances than the index holds or another instances map (a test that puts instances into the
 * state directly), an instance on a page that is no longer what the index filed it as (a test that
 * changes one directly). Used under the state's lock.
 */
public final class InstancesByProject {
    /** Touched instances kept for the next read at most; beyond that, the next read builds again (bounded memory). */
    private static final int TOUCHED_LIMIT = 65_536;

    private final RegionState region;
    private final Set<String> touched = new LinkedHashSet<>();
    private boolean built;
    private Map<String, Instance> builtFrom;
    private long unnamedAtBuild;

    /** Every instance of the region by ID: its place in creation order, and the project list it is in (null: none). */
    private final Map<String, Filed> filed = new HashMap<>();

    private final Map<Long, List<Filed>> byProject = new HashMap<>();
    private long nextOrdinal;

    private record Filed(Instance instance, long ordinal, Long project) {}

    InstancesByProject(RegionState region) {
        this.region = region;
    }

    /** A writer created, changed or removed the instance {@code id} (called by the {@link ChangeSet}). */
    void touched(String id) {
        if (!built) return; // the first read builds from the region as it is then
        if (touched.size() >= TOUCHED_LIMIT) {
            built = false; // cheaper to build again than to keep every ID
            touched.clear();
            return;
        }
        touched.add(id);
    }

    /** How many instances of the project a describe without filters lists. */
    public int count(long project, ChangeSet changes) {
        current(changes);
        return byProject.getOrDefault(project, List.of()).size();
    }

    /**
     * The project's listed instances from {@code from} (inclusive) to {@code to} (exclusive), in
     * creation order, the bounds within {@link #count}; null when one of them is no longer what it was
     * filed as (a test changed it directly): the index is built again, and count and page must be read again.
     */
    public List<Instance> page(long project, int from, int to, ChangeSet changes) {
        current(changes);
        List<Instance> page = slice(project, from, to);
        if (page == null) build(changes);
        return page;
    }

    /** The instances in creation order (the given ones must be in the region). */
    public void sortByCreation(List<Instance> instances, ChangeSet changes) {
        current(changes);
        instances.sort((a, b) -> Long.compare(ordinal(a, changes), ordinal(b, changes)));
    }

    private long ordinal(Instance i, ChangeSet changes) {
        Filed f = filed.get(i.id);
        if (f == null || f.instance() != i) {
            build(changes);
            f = filed.get(i.id);
        }
        return f == null ? Long.MAX_VALUE : f.ordinal();
    }

    /** The page as filed, or null when one of its instances is not what it was filed as. */
    private List<Instance> slice(long project, int from, int to) {
        List<Filed> all = byProject.getOrDefault(project, List.of());
        List<Instance> out = new ArrayList<>(to - from);
        for (Filed f : all.subList(from, to)) {
            Instance i = f.instance();
            if (region.instances.get(i.id) != i || i.projectId != project || listedIn(i) == null) return null;
            out.add(i);
        }
        return out;
    }

    /** The project list the instance belongs in: its project, unless it is in the recycle bin (describes hide it). */
    private static Long listedIn(Instance i) {
        return "recycling".equals(i.state) ? null : i.projectId;
    }

    /** Applies what the writers touched since the last read, or builds again when they cannot say. */
    private void current(ChangeSet changes) {
        if (!built || region.instances != builtFrom || changes.unnamedChanges() != unnamedAtBuild) {
            build(changes);
            return;
        }
        for (String id : touched) refile(id);
        touched.clear();
        if (filed.size() != region.instances.size()) build(changes);
    }

    private void refile(String id) {
        Filed was = filed.remove(id);
        if (was != null && was.project() != null) {
            List<Filed> list = byProject.get(was.project());
            int at = indexOf(list, was.ordinal());
            if (at >= 0) list.remove(at);
        }
        Instance now = region.instances.get(id);
        if (now == null) return;
        // an ID not filed yet was created since: a region's map keeps creation order, so it is the newest
        file(now, was != null ? was.ordinal() : nextOrdinal++, true);
    }

    private void file(Instance i, long ordinal, boolean inOrder) {
        Filed f = new Filed(i, ordinal, listedIn(i));
        filed.put(i.id, f);
        if (f.project() == null) return;
        List<Filed> list = byProject.computeIfAbsent(f.project(), p -> new ArrayList<>());
        if (!inOrder || list.isEmpty() || list.get(list.size() - 1).ordinal() < ordinal) {
            list.add(f);
        } else {
            list.add(-indexOf(list, ordinal) - 1, f);
        }
    }

    private static int indexOf(List<Filed> list, long ordinal) {
        int lo = 0;
        int hi = list.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long at = list.get(mid).ordinal();
            if (at < ordinal) lo = mid + 1;
            else if (at > ordinal) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    private void build(ChangeSet changes) {
        filed.clear();
        byProject.clear();
        touched.clear();
        nextOrdinal = 0;
        for (Instance i : region.instances.values()) file(i, nextOrdinal++, false);
        built = true;
        builtFrom = region.instances;
        unnamedAtBuild = changes.unnamedChanges();
    }
}
