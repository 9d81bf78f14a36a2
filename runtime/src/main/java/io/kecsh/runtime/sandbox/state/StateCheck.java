package io.kecsh.runtime.sandbox.state;

import java.util.List;
import java.util.Map;

/**
 * What a loaded state must hold before a handler may touch it: JSON that parses but carries nulls
 * where the sandbox keeps data ({@code "state": null}, {@code "instances": null}, an instance
 * without an id or state) would otherwise fail later as a NullPointerException in some handler.
 * The first problem is named by its path in the file.
 */
final class StateCheck {
    private StateCheck() {}

    /** The first problem, as "state.regions.cn-beijing-6.instances is null", or null when there is none. */
    static String firstProblem(SandboxState s) {
        if (s == null) return "\"state\" is missing or null";
        String p = notNull(
                "state",
                "regions",
                s.regions,
                "keys",
                s.keys,
                "kmsInstances",
                s.kmsInstances,
                "clientTokens",
                s.clientTokens,
                "ids",
                s.ids);
        if (p != null) return p;
        p = nullValue("state.keys", s.keys);
        if (p == null) p = nullValue("state.kmsInstances", s.kmsInstances);
        if (p == null) p = nullValue("state.clientTokens", s.clientTokens);
        if (p != null) return p;
        for (Map.Entry<String, RegionState> e : s.regions.entrySet()) {
            p = region("state.regions." + e.getKey(), e.getValue());
            if (p != null) return p;
        }
        return null;
    }

    private static String region(String at, RegionState r) {
        if (r == null) return at + " is null";
        String p = notNull(
                at,
                "instances",
                r.instances,
                "images",
                r.images,
                "subnets",
                r.subnets,
                "securityGroups",
                r.securityGroups,
                "networkInterfaces",
                r.networkInterfaces,
                "snapshots",
                r.snapshots,
                "templates",
                r.templates,
                "dataGuardGroups",
                r.dataGuardGroups);
        if (p != null) return p;
        for (Map.Entry<String, Instance> e : r.instances.entrySet()) {
            Instance i = e.getValue();
            String where = at + ".instances." + e.getKey();
            if (i == null) return where + " is null";
            p = notNull(
                    where,
                    "id",
                    i.id,
                    "state",
                    i.state,
                    "securityGroupIds",
                    i.securityGroupIds,
                    "keyIds",
                    i.keyIds,
                    "dataDisks",
                    i.dataDisks,
                    "extra",
                    i.extra);
            if (p == null) p = transition(where, i.transition);
            if (p != null) return p;
        }
        for (Map.Entry<String, Image> e : r.images.entrySet()) {
            Image i = e.getValue();
            String where = at + ".images." + e.getKey();
            if (i == null) return where + " is null";
            p = notNull(where, "id", i.id, "state", i.state, "sharedWith", i.sharedWith);
            if (p == null) p = transition(where, i.transition);
            if (p != null) return p;
        }
        for (Map.Entry<String, Subnet> e : r.subnets.entrySet()) {
            if (e.getValue() == null) return at + ".subnets." + e.getKey() + " is null";
            p = notNull(
                    at + ".subnets." + e.getKey(),
                    "id",
                    e.getValue().id,
                    "zone",
                    e.getValue().zone,
                    "prefix",
                    e.getValue().prefix);
            if (p != null) return p;
        }
        for (Map.Entry<String, SecurityGroup> e : r.securityGroups.entrySet()) {
            if (e.getValue() == null) return at + ".securityGroups." + e.getKey() + " is null";
            p = notNull(at + ".securityGroups." + e.getKey(), "id", e.getValue().id);
            if (p != null) return p;
        }
        for (Map.Entry<String, NetworkInterface> e : r.networkInterfaces.entrySet()) {
            NetworkInterface n = e.getValue();
            String where = at + ".networkInterfaces." + e.getKey();
            if (n == null) return where + " is null";
            p = notNull(where, "id", n.id, "status", n.status, "securityGroupIds", n.securityGroupIds);
            if (p == null) p = transition(where, n.transition);
            if (p != null) return p;
        }
        p = nullValue(at + ".snapshots", r.snapshots);
        if (p == null) p = nullValue(at + ".templates", r.templates);
        if (p == null) p = nullValue(at + ".dataGuardGroups", r.dataGuardGroups);
        return p;
    }

    private static String transition(String at, Transition t) {
        return t != null && t.target() == null ? at + ".transition.target is missing or null" : null;
    }

    private static String nullValue(String at, Map<String, ?> map) {
        for (Map.Entry<String, ?> e : map.entrySet())
            if (e.getValue() == null) return at + "." + e.getKey() + " is null";
        return null;
    }

    /** Pairs of name and value: the first null is named. */
    private static String notNull(String at, Object... namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value == null) return at + "." + namesAndValues[i] + " is missing or null";
            if (value instanceof List<?> list && list.contains(null))
                return at + "." + namesAndValues[i] + " holds a null";
        }
        return null;
    }
}
