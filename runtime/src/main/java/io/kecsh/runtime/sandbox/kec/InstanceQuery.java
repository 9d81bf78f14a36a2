package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.text.NaturalOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Which instances DescribeInstances asks for, and in which order (L1377–L1792): InstanceId.N,
 * ProjectId.N (the handler puts the default project when none is given), every filter name (values
 * within a filter OR, filters AND), Search (fuzzy on name and private IP, already lower case), Sort
 * — and the recycle bin hidden unless asked for with {@code instance-state.name=recycling}.
 */
record InstanceQuery(Set<String> ids, Set<Long> projects, List<Filter> filters, String search, List<SortKey> sort) {

    record Filter(String name, List<String> values) {}

    record SortKey(String name, boolean descending) {}

    /**
     * The project whose instances, in creation order without the recycle bin, are all this query can
     * select (then narrowed to {@link #ids} when there are some), or null when it needs a pass over the
     * region: a filter, a search, a sort, several projects.
     */
    Long indexedProject() {
        return filters.isEmpty() && search == null && sort.isEmpty() && projects.size() == 1
                ? projects.iterator().next()
                : null;
    }

    /** Whether the recycle bin is asked for (it is hidden otherwise). */
    boolean recycleBin() {
        for (Filter f : filters)
            if ("instance-state.name".equals(f.name()) && f.values().contains("recycling")) return true;
        return false;
    }

    /**
     * A predicate for one pass over a region (no stream per instance: every page of a query with
     * filters, search, sort or several projects scans all of it); {@code nics} are each instance's network interfaces, read only when a filter needs them.
     */
    Predicate<Instance> matcher(Map<String, List<NetworkInterface>> nics) {
        boolean recycleBin = recycleBin();
        Long onlyProject = projects.size() == 1
                ? projects.iterator().next()
                : null; // the usual case, without boxing each instance's
        return i -> {
            boolean inProject = onlyProject != null ? onlyProject == i.projectId : projects.contains(i.projectId);
            if (!recycleBin && i.inState("recycling") || !inProject) return false;
            if (!ids.isEmpty() && !ids.contains(i.id)) return false;
            if (!filters.isEmpty() && !matchesAll(i, nics.getOrDefault(i.id, List.of()))) return false;
            return search == null
                    || i.name.toLowerCase(Locale.ROOT).contains(search)
                    || i.privateIp != null && i.privateIp.contains(search);
        };
    }

    private boolean matchesAll(Instance i, List<NetworkInterface> nics) {
        for (Filter f : filters) if (!matches(i, nics, f)) return false;
        return true;
    }

    private static boolean matches(Instance i, List<NetworkInterface> nics, Filter filter) {
        List<String> wanted = filter.values();
        Predicate<NetworkInterface> any;
        switch (String.valueOf(filter.name())) {
            case "instance-id":
                return wanted.contains(i.id);
            case "subnet-id":
                return wanted.contains(i.subnetId);
            case "vpc-id":
                return wanted.contains(i.vpcId);
            case "instance-state.name":
                return wanted.contains(i.state);
            case "availability-zone.name":
                return wanted.contains(i.zone);
            // the names the current DescribeInstances page adds (docs.ksyun.com/documents/816)
            case "availability-zone-name":
                return wanted.contains(i.zone);
            case "instance-name":
                return wanted.contains(i.name);
            case "instance-type":
                return wanted.contains(i.type);
            case "private-ip-address":
                return wanted.contains(i.privateIp);
            case "image-id":
                return wanted.contains(i.imageId);
            case "charge-type":
                return wanted.contains(i.chargeType);
            case "network-interface.subnet-id":
                any = n -> wanted.contains(n.subnetId);
                break;
            case "network-interface.network-interface-id":
                any = n -> wanted.contains(n.id);
                break;
            case "network-interface.group-id":
                any = n -> n.securityGroupIds.stream().anyMatch(wanted::contains);
                break;
            default:
                return false; // the validator lets only the documented names through
        }
        return nics.stream().anyMatch(any);
    }

    /** Sort keys, the first first; null: the document's order (creation). */
    Comparator<Instance> order() {
        Comparator<Instance> order = null;
        for (SortKey s : sort) {
            Comparator<Instance> key = switch (s.name()) {
                case "InstanceName" -> Comparator.comparing((Instance i) -> i.name, NaturalOrder.INSTANCE);
                case "CreationDate" -> Comparator.comparing((Instance i) -> i.creationDate);
                default -> Comparator.comparing((Instance i) -> ipKey(i.privateIp));
            };
            if (s.descending()) key = key.reversed();
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
