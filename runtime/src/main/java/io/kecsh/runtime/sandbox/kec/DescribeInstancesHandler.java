package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.ActionHandler;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.text.NaturalOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * DescribeInstances as documented (L1377–L1792): InstanceId.N, ProjectId.N (default: the default
 * project), every filter name (values within a filter OR, filters AND), Search (fuzzy on name and
 * private IP), Sort, Marker/MaxResults paging with InstanceCount — and the recycle bin hidden unless
 * asked for with {@code instance-state.name=recycling}.
 */
final class DescribeInstancesHandler implements ActionHandler {
    private final InstanceViews views = new InstanceViews();
    private final NicIndex nicIndex = new NicIndex();

    @Override
    public Map<String, Object> handle(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        // the domain's before-each-call step has settled this region for this call; a describe settles
        // again only when transitions complete after a number of describes, to count itself
        if (state.clock().describesPerTransition() > 0) InstanceStates.settle(region, state.clock(), true);
        Set<String> ids = new HashSet<>(request.strings("InstanceId"));
        Set<Long> projects = new HashSet<>();
        request.list("ProjectId").forEach(p -> projects.add(((Number) p).longValue()));
        if (projects.isEmpty()) projects.add(0L);
        Long onlyProject = projects.size() == 1 ? projects.iterator().next() : null;   // the usual case, without boxing each instance's
        List<Map<String, Object>> filters = filters(request);
        boolean recycleBin = filters.stream().anyMatch(f -> "instance-state.name".equals(f.get("Name"))
            && values(f).contains("recycling"));
        Map<String, List<NetworkInterface>> nics = nicIndex.byInstance(region);
        String search = request.string("Search").map(s -> s.toLowerCase(Locale.ROOT)).orElse(null);
        // one plain pass (no stream per instance): every page of a large region scans all of it
        List<Instance> all = new ArrayList<>();
        for (Instance i : region.instances.values()) {
            boolean inProject = onlyProject != null ? onlyProject == i.projectId : projects.contains(i.projectId);
            if (!recycleBin && i.inState("recycling") || !inProject) continue;
            if (!ids.isEmpty() && !ids.contains(i.id)) continue;
            if (!filters.isEmpty() && !matchesAll(i, nics.getOrDefault(i.id, List.of()), filters)) continue;
            if (search != null && !i.name.toLowerCase(Locale.ROOT).contains(search)
                && !(i.privateIp != null && i.privateIp.contains(search))) continue;
            all.add(i);
        }
        Comparator<Instance> order = order(request);
        if (order != null) all.sort(order);
        long marker = request.number("Marker").orElse(0L);
        long max = Math.min(request.number("MaxResults").orElse(10L), 1000);
        int from = (int) Math.min(marker, all.size());
        int to = (int) Math.min(all.size(), from + max);
        List<Object> page = new ArrayList<>(to - from);
        for (Instance i : all.subList(from, to)) {
            page.add(views.of(i, nics.getOrDefault(i.id, List.of()), dataGuardName(region, i), request.service()));
        }
        return Map.of("Marker", to < all.size() ? (long) to : 0L, "InstanceCount", (long) all.size(), "InstancesSet", page);
    }

    private static String dataGuardName(RegionState region, Instance i) {
        if (i.dataGuardId == null) return null;
        Map<String, Object> group = region.dataGuardGroups.get(i.dataGuardId);
        return group == null || group.get("DataGuardName") == null ? null : group.get("DataGuardName").toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> filters(SandboxRequest request) {
        return request.list("Filter").stream().map(f -> (Map<String, Object>) f).toList();
    }

    private static List<String> values(Map<String, Object> filter) {
        Object v = filter.get("Value");
        return v instanceof List<?> l ? l.stream().map(Object::toString).toList() : List.of();
    }

    private static boolean matchesAll(Instance i, List<NetworkInterface> nics, List<Map<String, Object>> filters) {
        for (Map<String, Object> f : filters) if (!matches(i, nics, f)) return false;
        return true;
    }

    private static boolean matches(Instance i, List<NetworkInterface> nics, Map<String, Object> filter) {
        List<String> wanted = values(filter);
        Function<NetworkInterface, Boolean> any;
        switch (String.valueOf(filter.get("Name"))) {
            case "instance-id": return wanted.contains(i.id);
            case "subnet-id": return wanted.contains(i.subnetId);
            case "vpc-id": return wanted.contains(i.vpcId);
            case "instance-state.name": return wanted.contains(i.state);
            case "availability-zone.name": return wanted.contains(i.zone);
            // the names the current DescribeInstances page adds (docs.ksyun.com/documents/816)
            case "availability-zone-name": return wanted.contains(i.zone);
            case "instance-name": return wanted.contains(i.name);
            case "instance-type": return wanted.contains(i.type);
            case "private-ip-address": return wanted.contains(i.privateIp);
            case "image-id": return wanted.contains(i.imageId);
            case "charge-type": return wanted.contains(i.chargeType);
            case "network-interface.subnet-id": any = n -> wanted.contains(n.subnetId); break;
            case "network-interface.network-interface-id": any = n -> wanted.contains(n.id); break;
            case "network-interface.group-id": any = n -> n.securityGroupIds.stream().anyMatch(wanted::contains); break;
            default: return false;   // the validator lets only the documented names through
        }
        return nics.stream().anyMatch(any::apply);
    }

    /** Sort.N.Name / Sort.N.Value, the first key first; the document's order (creation) otherwise. */
    @SuppressWarnings("unchecked")
    private static Comparator<Instance> order(SandboxRequest request) {
        Comparator<Instance> order = null;
        for (Object s : request.list("Sort")) {
            Map<String, Object> sort = (Map<String, Object>) s;
            Comparator<Instance> key = switch (String.valueOf(sort.get("Name"))) {
                case "InstanceName" -> Comparator.comparing((Instance i) -> i.name, NaturalOrder.INSTANCE);
                case "CreationDate" -> Comparator.comparing((Instance i) -> i.creationDate);
                default -> Comparator.comparing((Instance i) -> ipKey(i.privateIp));
            };
            if ("DESC".equals(sort.get("Value"))) key = key.reversed();
            order = order == null ? key : order.thenComparing(key);
        }
        return order;
    }

    /** Addresses sort numerically octet by octet (10.0.0.9 before 10.0.0.10). */
    private static String ipKey(String ip) {
        if (ip == null) return "";
        StringBuilder key = new StringBuilder();
        for (String octet : ip.split("\\.")) key.append(String.format("%03d", Integer.parseInt(octet)));
        return key.toString();
    }
}
