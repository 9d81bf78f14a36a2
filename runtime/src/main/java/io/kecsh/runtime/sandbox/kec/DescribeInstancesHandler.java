package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.ActionHandler;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * DescribeInstances: the parameters as an {@link InstanceQuery} for the {@link Instances} backend,
 * which answers a Marker/MaxResults page with InstanceCount ({@link InstancePage}). Each instance's view is kept between calls
 * ({@link InstanceViews}, with the region's NICs by instance in {@link NicIndex}): this handler lives
 * as long as its sandbox, so they do too.
 */
final class DescribeInstancesHandler implements ActionHandler {
    private final Catalog catalog;
    private final InstanceViews views;
    private final NicIndex nicIndex = new NicIndex();

    DescribeInstancesHandler(Catalog catalog) {
        this.catalog = catalog;
        this.views = new InstanceViews(catalog);
    }

    @Override
    public Map<String, Object> handle(SandboxRequest request, SandboxState state) {
        Instances instances = new Instances(state, request.region(), catalog);
        instances.described();
        Supplier<Map<String, List<NetworkInterface>>> nics =
                () -> nicIndex.byInstance(instances.region(), state.changes());
        long max = Math.min(request.number("MaxResults").orElse(10L), 1000);
        InstancePage page =
                instances.page(query(request), request.number("Marker").orElse(0L), max, nics);
        List<Object> set = new ArrayList<>(page.instances().size());
        NicIndex.Lookup nicsOf =
                page.instances().isEmpty() ? null : nicIndex.lookup(instances.region(), state.changes());
        for (Instance i : page.instances()) {
            List<NetworkInterface> own = nicsOf.of(i);
            set.add(views.of(i, own, instances.dataGuardName(i), request.service()));
        }
        return Map.of("Marker", page.marker(), "InstanceCount", (long) page.count(), "InstancesSet", set);
    }

    /** InstanceId.N, ProjectId.N (default: the default project, 0), Filter.N, Search and Sort.N as a query. */
    @SuppressWarnings("unchecked")
    private static InstanceQuery query(SandboxRequest request) {
        Set<Long> projects = new HashSet<>();
        request.list("ProjectId").forEach(p -> projects.add(((Number) p).longValue()));
        if (projects.isEmpty()) projects.add(0L);
        List<InstanceQuery.Filter> filters = new ArrayList<>();
        for (Object f : request.list("Filter")) {
            Map<String, Object> filter = (Map<String, Object>) f;
            Object v = filter.get("Value");
            filters.add(new InstanceQuery.Filter(
                    String.valueOf(filter.get("Name")),
                    v instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of()));
        }
        List<InstanceQuery.SortKey> sort = new ArrayList<>();
        for (Object s : request.list("Sort")) {
            Map<String, Object> key = (Map<String, Object>) s;
            sort.add(new InstanceQuery.SortKey(String.valueOf(key.get("Name")), "DESC".equals(key.get("Value"))));
        }
        return new InstanceQuery(
                new HashSet<>(request.strings("InstanceId")),
                projects,
                filters,
                request.string("Search").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null),
                sort);
    }
}
