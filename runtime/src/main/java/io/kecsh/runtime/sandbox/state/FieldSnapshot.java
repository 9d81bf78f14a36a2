package io.kecsh.runtime.sandbox.state;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The values of a plain-data object's public fields (an {@link Instance}, a {@link NetworkInterface})
 * at one moment, to tell later, cheaply and without help from whoever changes it, whether any field
 * changed: every field is compared, so a field added to the class is covered without a word here.
 * Lists and maps are copied (they change in place); records of plain values are kept as they are
 * (they cannot change). A field holding anything else — a value that might change behind its own
 * reference — makes the snapshot match nothing, which only costs the cache a rebuild.
 */
public final class FieldSnapshot {
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            List<Field> fields = new ArrayList<>();
            for (Field f : type.getFields()) {
                int m = f.getModifiers();
                if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) fields.add(f);
            }
            return fields.toArray(new Field[0]);
        }
    };
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
        Field[] fields = FIELDS.get(plainData.getClass());
        Object[] values = new Object[fields.length];
        for (int k = 0; k < fields.length; k++) values[k] = copy(read(fields[k], plainData));
        return new FieldSnapshot(plainData, values);
    }

    /** True when {@code plainData} is the object this was taken of and no field has changed since. */
    public boolean matches(Object plainData) {
        if (plainData != owner) return false;
        try {
            return (boolean) CHECKS.get(plainData.getClass()).invokeExact(values, plainData);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("a public field cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * Each class's whole check as one method handle, {@code (Object[] kept, Object live) -> boolean},
     * made once from its fields: every field read by its own getter handle and compared with its
     * kept value, primitives unboxed. One handle per class (not one per field) so that the JIT,
     * which specialises a handle called often, compiles the class's check as one piece of code with
     * the reads inlined — reflection's {@code Field.get} per field per call was a tenth of the
     * sandbox's time. The fields are still found by reflection, so a field added is still covered.
     */
    private static final ClassValue<MethodHandle> CHECKS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            Field[] fields = FIELDS.get(type);
            MethodHandle[] checks = new MethodHandle[fields.length];
            for (int k = 0; k < fields.length; k++) checks[k] = fieldCheck(fields[k], k);
            return all(checks, 0, checks.length);
        }
    };

    private static final MethodHandle KEPT_AT = MethodHandles.arrayElementGetter(Object[].class);
    private static final MethodHandle SAME;
    private static final MethodHandle SAME_LONG;
    private static final MethodHandle SAME_INT;
    private static final MethodHandle SAME_BOOLEAN;
    private static final MethodHandle NONE_CHANGED =
            MethodHandles.dropArguments(MethodHandles.constant(boolean.class, true), 0, Object[].class, Object.class);
    private static final MethodHandle ONE_CHANGED =
            MethodHandles.dropArguments(MethodHandles.constant(boolean.class, false), 0, Object[].class, Object.class);

    static {
        MethodHandles.Lookup here = MethodHandles.lookup();
        try {
            SAME = here.findStatic(
                    FieldSnapshot.class, "same", MethodType.methodType(boolean.class, Object.class, Object.class));
            SAME_LONG = here.findStatic(
                    FieldSnapshot.class, "same", MethodType.methodType(boolean.class, Object.class, long.class));
            SAME_INT = here.findStatic(
                    FieldSnapshot.class, "same", MethodType.methodType(boolean.class, Object.class, int.class));
            SAME_BOOLEAN = here.findStatic(
                    FieldSnapshot.class, "same", MethodType.methodType(boolean.class, Object.class, boolean.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** {@code (Object[] kept, Object live) -> boolean} for the field at {@code index}. */
    private static MethodHandle fieldCheck(Field field, int index) {
        MethodHandle getter;
        try {
            getter = MethodHandles.publicLookup().unreflectGetter(field);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a public field cannot be read: " + field, e);
        }
        Class<?> t = field.getType();
        MethodHandle same =
                t == long.class ? SAME_LONG : t == int.class ? SAME_INT : t == boolean.class ? SAME_BOOLEAN : SAME;
        Class<?> read = same == SAME ? Object.class : t;
        getter = getter.asType(MethodType.methodType(read, Object.class));
        MethodHandle kept = MethodHandles.insertArguments(KEPT_AT, 1, index);
        return MethodHandles.filterArguments(same, 0, kept, getter);
    }

    /** The checks from {@code from} to {@code to} joined by "and", as a balanced tree (shallow for the JIT to inline). */
    private static MethodHandle all(MethodHandle[] checks, int from, int to) {
        if (to - from == 0) return NONE_CHANGED;
        if (to - from == 1) return checks[from];
        int middle = (from + to) >>> 1;
        return MethodHandles.guardWithTest(all(checks, from, middle), all(checks, middle, to), ONE_CHANGED);
    }

    private static boolean same(Object kept, long live) {
        return kept instanceof Long v && v == live;
    }

    private static boolean same(Object kept, int live) {
        return kept instanceof Integer v && v == live;
    }

    private static boolean same(Object kept, boolean live) {
        return kept instanceof Boolean v && v == live;
    }

    private static Object read(Field field, Object from) {
        try {
            return field.get(from);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("a public field cannot be read: " + field, e);
        }
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
            return Collections.unmodifiableMap(out);
        }
        return UNSAFE;
    }

    /** The kept copy against a live value: same order, same classes, equal scalars. */
    private static boolean same(Object kept, Object live) {
        if (kept == UNSAFE) return false;
        if (kept == live) return true;
        if (kept == null || live == null) return false;
        if (kept instanceof ArrayList<?> a) {
            if (!(live instanceof List<?> b) || a.size() != b.size()) return false;
            if (b instanceof RandomAccess) { // by index: no iterator for every list of every view checked
                for (int k = 0; k < a.size(); k++) if (!same(a.get(k), b.get(k))) return false;
                return true;
            }
            Iterator<?> i = b.iterator();
            for (Object item : a) if (!same(item, i.next())) return false;
            return true;
        }
        if (kept instanceof Map<?, ?> a) {
            if (!(live instanceof Map<?, ?> b) || a.size() != b.size()) return false;
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
