package io.kecsh.runtime.protocol;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Copies and compares plain value trees (maps, lists, strings, Long, Integer, BigDecimal, Boolean)
 * for {@link PreparedItem}: a copy that nothing else holds, so that a later change to a handler's
 * live objects cannot alter a kept item, and an equality that sees order (typing keeps a map's
 * order for names the model lacks, and a list's order always) and type (10 and "10" and 10.0 type
 * differently). A tree with any other kind of value is not copyable: it may be mutable.
 */
final class PlainTree {
    private PlainTree() {}

    /** A deep, unmodifiable copy, or null when the tree holds a value of another kind. */
    static Object copyOrNull(Object value) {
        if (isPlainScalar(value)) return value;
        if (value instanceof Map<?, ?> map) {
            LinkedHashMap<Object, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 4 / 3 + 1));
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!(e.getKey() instanceof String)) return null;
                Object v = e.getValue() == null ? NULL : copyOrNull(e.getValue());
                if (v == null) return null;
                copy.put(e.getKey(), v == NULL ? null : v);
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (Object item : list) {
                Object v = item == null ? NULL : copyOrNull(item);
                if (v == null) return null;
                copy.add(v == NULL ? null : v);
            }
            return Collections.unmodifiableList(copy);
        }
        return null;
    }

    private static final Object NULL = new Object();

    /** Same members in the same order, same items in the same order, equal scalars of the same class. */
    static boolean same(Object a, Object b) {
        if (a == b) return true;
        if (a == null || b == null) return false;
        if (a instanceof Map<?, ?> x) {
            if (!(b instanceof Map<?, ?> y) || x.size() != y.size()) return false;
            Iterator<? extends Map.Entry<?, ?>> i = x.entrySet().iterator();
            Iterator<? extends Map.Entry<?, ?>> j = y.entrySet().iterator();
            while (i.hasNext()) {
                Map.Entry<?, ?> e = i.next();
                Map.Entry<?, ?> f = j.next();
                if (!Objects.equals(e.getKey(), f.getKey()) || !same(e.getValue(), f.getValue())) return false;
            }
            return true;
        }
        if (a instanceof List<?> x) {
            if (!(b instanceof List<?> y) || x.size() != y.size()) return false;
            Iterator<?> i = x.iterator();
            Iterator<?> j = y.iterator();
            while (i.hasNext()) if (!same(i.next(), j.next())) return false;
            return true;
        }
        return a.getClass() == b.getClass() && isPlainScalar(a) && a.equals(b);
    }

    /** Immutable scalars: their value cannot change behind a cached key. */
    private static boolean isPlainScalar(Object value) {
        return value instanceof String
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Boolean
                || value instanceof BigDecimal;
    }
}
