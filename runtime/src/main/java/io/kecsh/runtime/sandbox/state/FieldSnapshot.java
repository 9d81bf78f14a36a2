package io.kecsh.runtime.sandbox.state;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values of a plain-data object's public fields (an {@link Instance}, a {@link NetworkInterface})
 * at one moment, to tell later, cheaply and without help from whoever changes it, whether any field
 * changed: every field is compared, so a field added to the class is covered without a word here.
 * Lists and maps are copied (they change in place); records of plain values are kept as they are
 * (they cannot change). A field holding anything else — a value that might change behind its own
 * reference — makes the snapshot match nothing, which only costs the cache a rebuild. How the
 * fields are read (in plain Java for the classes checked on every page, else by reflection):
 * {@link FieldLayout}.
 */
public final class FieldSnapshot {
    private static final ClassValue<Boolean> PLAIN_RECORD = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            if (!type.isRecord()) return false;
            for (RecordComponent c : type.getRecordComponents()) {
                Class<?> t = c.getType();
                if (!t.isPrimitive()
                        && t != String.class
                        && t != Long.class
                        && t != Integer.class
                        && t != Boolean.class) return false;
            }
            return true;
        }
    };
    /** Stands for a value that cannot be copied safely: equal to nothing, itself included. */
    private static final Object UNSAFE = new Object();

    private final Object owner;
    private final Object[] values;

    private FieldSnapshot(Object owner, Object[] values) {
        this.owner = owner;
        this.values = values;
    }

    /** The object's fields now. */
    public static FieldSnapshot of(Object plainData) {
        Object[] values = FieldLayout.of(plainData.getClass()).read(plainData);
        for (int k = 0; k < values.length; k++) values[k] = copy(values[k]);
        return new FieldSnapshot(plainData, values);
    }

    /** True when {@code plainData} is the object this was taken of and no field has changed since. */
    public boolean matches(Object plainData) {
        return plainData == owner && FieldLayout.of(plainData.getClass()).matches(values, plainData);
    }

    private static Object copy(Object value) {
        if (value == null || isScalar(value)) return value;
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            for (Object item : list) {
                Object c = copy(item);
                if (c == UNSAFE) return UNSAFE;
                out.add(c);
            }
            return out; // kept here only, never handed out: no read-only wrapper to walk through
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                Object k = copy(e.getKey());
                Object v = copy(e.getValue());
                if (k == UNSAFE || v == UNSAFE) return UNSAFE;
                out.put(k, v);
            }
            return out; // as the list: kept here only
        }
        return UNSAFE;
    }

    /**
     * The kept copy against a live value: same order, same classes, equal scalars. The kept copies
     * are ArrayLists and LinkedHashMaps, and the live ones usually too: their classes are compared
     * before asking for an interface ({@code instanceof List}), which on JDK 17 is a search of the
     * class's interfaces through one cache that threads checking different ones keep overwriting.
     */
    static boolean same(Object kept, Object live) {
        if (kept == UNSAFE) return false;
        if (kept == live) return true;
        if (kept == null || live == null) return false;
        if (kept instanceof ArrayList<?> a) {
            if (live.getClass() == ArrayList.class) {
                ArrayList<?> b = (ArrayList<?>) live;
                if (a.size() != b.size()) return false;
                for (int k = 0; k < a.size(); k++) if (!same(a.get(k), b.get(k))) return false;
                return true;
            }
            if (!(live instanceof List<?> b) || a.size() != b.size()) return false;
            Iterator<?> i = b.iterator();
            for (Object item : a) if (!same(item, i.next())) return false;
            return true;
        }
        if (kept instanceof LinkedHashMap<?, ?> a) {
            if (live.getClass() != LinkedHashMap.class && !(live instanceof Map<?, ?>)) return false;
            Map<?, ?> b = (Map<?, ?>) live;
            if (a.size() != b.size()) return false;
            if (a.isEmpty()) return true;
            Iterator<? extends Map.Entry<?, ?>> i = b.entrySet().iterator();
            for (Map.Entry<?, ?> e : a.entrySet()) {
                Map.Entry<?, ?> f = i.next();
                if (!same(e.getKey(), f.getKey()) || !same(e.getValue(), f.getValue())) return false;
            }
            return true;
        }
        return kept.getClass() == live.getClass() && Objects.equals(kept, live);
    }

    private static boolean isScalar(Object value) {
        return value instanceof String
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Boolean
                || value instanceof BigDecimal
                || value instanceof Double
                || value instanceof Enum<?>
                || PLAIN_RECORD.get(value.getClass());
    }
}
