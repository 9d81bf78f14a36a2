package io.kecsh.runtime.validate;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rule paths over a typed request: {@code ChargeType}, {@code SystemDisk.DiskSize}, and
 * {@code DataDisk[].Type} (every item of a list), each found value with its wire path.
 */
final class ParamPaths {
    record Found(String wirePath, Object value) {}

    private ParamPaths() {}

    /** Every value at the path; items of a {@code []} list each give one (absent ones give none). */
    static List<Found> find(Map<String, Object> request, String path) {
        List<Found> out = new ArrayList<>();
        walk(request, path.split("\\."), 0, "", out);
        return out;
    }

    static boolean present(Map<String, Object> request, String path) {
        return !find(request, path).isEmpty();
    }

    /** The first value at the path, or null. */
    static Object first(Map<String, Object> request, String path) {
        List<Found> found = find(request, path);
        return found.isEmpty() ? null : found.get(0).value();
    }

    private static void walk(Object node, String[] segments, int i, String wire, List<Found> out) {
        if (node == null) return;
        if (i == segments.length) {
            out.add(new Found(wire, node));
            return;
        }
        String segment = segments[i];
        boolean each = segment.endsWith("[]");
        String name = each ? segment.substring(0, segment.length() - 2) : segment;
        if (!(node instanceof Map<?, ?> map)) return;
        Object child = map.get(name);
        String childWire = wire.isEmpty() ? name : wire + "." + name;
        if (each && child instanceof List<?> items) {
            for (int n = 0; n < items.size(); n++) {
                walk(items.get(n), segments, i + 1, childWire + "." + (n + 1), out);
            }
        } else if (!each) {
            walk(child, segments, i + 1, childWire, out);
        }
    }

    /** The member a rule path names, or null if the model has none there. */
    static Member member(Map<String, Member> params, String path) {
        Member current = null;
        Map<String, Member> scope = params;
        for (String segment : path.split("\\.")) {
            String name = segment.endsWith("[]") ? segment.substring(0, segment.length() - 2) : segment;
            if (scope == null) return null;
            current = scope.get(name);
            if (current == null) return null;
            if (segment.endsWith("[]") && current.type() == MemberType.LIST) current = current.member();
            scope = current.type() == MemberType.STRUCTURE ? current.members() : null;
        }
        return current;
    }

    /** For paths {@code X[].A}, {@code X[].B} sharing one list: {@code X}; otherwise null. */
    static String sharedList(List<String> paths) {
        String shared = null;
        for (String p : paths) {
            int at = p.indexOf("[].");
            if (at < 0) return null;
            String list = p.substring(0, at);
            if (shared != null && !shared.equals(list)) return null;
            shared = list;
        }
        return shared;
    }
}
