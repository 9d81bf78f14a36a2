package io.kecsh.runtime.sandbox.state;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How a plain-data class's public fields are read into a {@link FieldSnapshot} and compared with
 * it later: by reflection for any class, or in plain Java for the two classes whose snapshots are
 * checked for every instance of every page ({@link InstanceFieldLayout}, {@link NicFieldLayout}),
 * used only while they name exactly the fields reflection finds, so that a field added to the
 * class is never left out of the comparison.
 */
abstract class FieldLayout {
    private static final ClassValue<FieldLayout> LAYOUTS = new ClassValue<>() {
        @Override
        protected FieldLayout computeValue(Class<?> type) {
            Field[] fields = publicFields(type);
            for (FieldLayout written : List.of(new InstanceFieldLayout(), new NicFieldLayout())) {
                if (written.type == type && written.names.equals(namesOf(fields))) return written;
            }
            return new Reflective(type, fields);
        }
    };

    private final Class<?> type;
    private final Set<String> names;

    FieldLayout(Class<?> type, String[] names) {
        this.type = type;
        this.names = Set.of(names);
    }

    /** The layout of {@code type}'s public instance fields (made once per class). */
    static FieldLayout of(Class<?> type) {
        return LAYOUTS.get(type);
    }

    /** Whether the fields are read in plain Java rather than by reflection (for tests). */
    final boolean written() {
        return !(this instanceof Reflective);
    }

    /** Every field's value now, in this layout's order (not yet copied). */
    abstract Object[] read(Object from);

    /** Whether every field of {@code live} is the same as its kept copy in {@code kept} (this layout's order). */
    abstract boolean matches(Object[] kept, Object live);

    static boolean same(Object kept, Object live) {
        return FieldSnapshot.same(kept, live);
    }

    static boolean sameLong(Object kept, long live) {
        return kept instanceof Long v && v == live;
    }

    static boolean sameInt(Object kept, int live) {
        return kept instanceof Integer v && v == live;
    }

    static boolean sameBoolean(Object kept, boolean live) {
        return kept instanceof Boolean v && v == live;
    }

    private static Field[] publicFields(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Field f : type.getFields()) {
            int m = f.getModifiers();
            if (!Modifier.isStatic(m) && !Modifier.isTransient(m)) fields.add(f);
        }
        return fields.toArray(new Field[0]);
    }

    private static Set<String> namesOf(Field[] fields) {
        Set<String> names = new HashSet<>();
        for (Field f : fields) names.add(f.getName());
        return names;
    }

    /** Any class: each field by reflection, primitives read by their own accessor and compared unboxed. */
    private static final class Reflective extends FieldLayout {
        private final Field[] fields;

        Reflective(Class<?> type, Field[] fields) {
            super(type, Arrays.stream(fields).map(Field::getName).toArray(String[]::new));
            this.fields = fields;
        }

        @Override
        Object[] read(Object from) {
            Object[] values = new Object[fields.length];
            try {
                for (int k = 0; k < fields.length; k++) values[k] = fields[k].get(from);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("a public field cannot be read: " + e.getMessage(), e);
            }
            return values;
        }

        @Override
        boolean matches(Object[] kept, Object live) {
            try {
                for (int k = 0; k < fields.length; k++) {
                    Field field = fields[k];
                    Class<?> t = field.getType();
                    boolean same = t == long.class
                            ? sameLong(kept[k], field.getLong(live))
                            : t == boolean.class
                                    ? sameBoolean(kept[k], field.getBoolean(live))
                                    : t == int.class
                                            ? sameInt(kept[k], field.getInt(live))
                                            : same(kept[k], field.get(live));
                    if (!same) return false;
                }
                return true;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("a public field cannot be read: " + e.getMessage(), e);
            }
        }
    }
}
