package io.kecsh.runtime.invoke;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads values out of a result tree by the model's path syntax: {@code InstanceCount},
 * {@code KmsInstance.Status}, {@code InstancesSet[].InstanceState.Name} ({@code []}: every item).
 */
public final class TreePath {
    private TreePath() {}

    /** Every value the path reaches (absent branches contribute nothing). */
    public static List<Object> values(Map<String, ?> tree, String path) {
        List<Object> out = new ArrayList<>();
        walk(tree, path.split("\\."), 0, out);
        return out;
    }

    /** The value at a path without {@code []}, or null. */
    public static Object value(Map<String, ?> tree, String path) {
        List<Object> found = values(tree, path);
        return found.isEmpty() ? null : found.get(0);
    }

    /** True when the path passes through a list ({@code []}). */
    public static boolean fansOut(String path) {
        return path.contains("[]");
    }

    private static void walk(Object node, String[] segments, int i, List<Object> out) {
        if (node == null) return;
        if (i == segments.length) {
            out.add(node);
            return;
        }
        if (!(node instanceof Map<?, ?> map)) return;
        String segment = segments[i];
        boolean each = segment.endsWith("[]");
        Object child = map.get(each ? segment.substring(0, segment.length() - 2) : segment);
        if (each) {
            if (child instanceof List<?> items) for (Object item : items) walk(item, segments, i + 1, out);
        } else {
            walk(child, segments, i + 1, out);
        }
    }
}
