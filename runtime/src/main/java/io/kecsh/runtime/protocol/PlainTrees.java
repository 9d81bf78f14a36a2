package io.kecsh.runtime.protocol;

import java.util.List;
import java.util.Map;

/** Looking things up in a plain tree (before typing) the way the tolerant reader needs. */
final class PlainTrees {
    private PlainTrees() {}

    /** The member of that name, exact spelling first, then in any case (RequestId and requestId). */
    static Object get(Map<?, ?> map, String name) {
        Object exact = map.get(name);
        if (exact != null) return exact;
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (name.equalsIgnoreCase(String.valueOf(entry.getKey()))) return entry.getValue();
        }
        return null;
    }

    /** A scalar member as text; null when absent or not a scalar. A repeated element yields its first value. */
    static String text(Map<?, ?> map, String name) {
        Object value = get(map, name);
        if (value instanceof List<?> repeated && !repeated.isEmpty()) value = repeated.get(0);
        if (value instanceof Map<?, ?> || value instanceof List<?>) return null;
        if (value instanceof Number number) return Numbers.plainDigits(number);
        return value == null ? null : value.toString();
    }

    /** A structure member; null when absent or not a structure. A repeated element yields its first value. */
    static Map<?, ?> structure(Map<?, ?> map, String name) {
        Object value = get(map, name);
        if (value instanceof List<?> repeated && !repeated.isEmpty()) value = repeated.get(0);
        return value instanceof Map<?, ?> m ? m : null;
    }

    static boolean has(Map<?, ?> map, String name) {
        return get(map, name) != null;
    }
}
