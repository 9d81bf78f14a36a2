package io.kecsh.repl.output;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns any result into plain data — maps with string keys, lists, and scalars — with secrets
 * masked, ready for a table, JSON or text. Result objects (the DSL's {@code InstanceInfo} …) become
 * maps of their fields in declaration order, which the result types use to put what matters first.
 * Maps keep their order when they have one; unordered maps are sorted so output is stable.
 */
final class PlainData {
    private PlainData() {}

    static Object of(Object value) {
        return convert(value, 0);
    }

    /** True for what prints as itself: text, numbers, booleans, enums, dates and other JDK values. */
    static boolean isScalar(Object value) {
        if (value == null
                || value instanceof CharSequence
                || value instanceof Number
                || value instanceof Boolean
                || value instanceof Character
                || value instanceof Enum<?>) {
            return true;
        }
        if (value instanceof Map<?, ?>
                || value instanceof Collection<?>
                || value.getClass().isArray()) return false;
        String pkg = value.getClass().getPackageName();
        return pkg.startsWith("java.")
                || pkg.startsWith("javax.")
                || pkg.startsWith("groovy.")
                || pkg.startsWith("org.codehaus.groovy.")
                || properties(value.getClass()).isEmpty();
    }

    private static Object convert(Object value, int depth) {
        if (depth > 32) return String.valueOf(value); // a cycle: stop rather than overflow
        if (value == null || value instanceof Number || value instanceof Boolean) return value;
        if (value instanceof Map<?, ?> map) return convertMap(map, depth);
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            for (Object item : items) out.add(convert(item, depth + 1));
            return out;
        }
        if (value.getClass().isArray()) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < Array.getLength(value); i++) out.add(convert(Array.get(value, i), depth + 1));
            return out;
        }
        if (isScalar(value)) return value.toString();
        Map<String, Object> out = new LinkedHashMap<>();
        for (Property p : properties(value.getClass())) out.put(p.name, masked(p.name, p.read(value), depth));
        return out;
    }

    private static Map<String, Object> convertMap(Map<?, ?> map, int depth) {
        // A HashMap's order is an accident; sort it so two runs print the same. Ordered maps keep theirs.
        boolean unordered = map instanceof HashMap<?, ?> && !(map instanceof LinkedHashMap<?, ?>);
        Map<String, Object> out = unordered ? new TreeMap<>() : new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            out.put(key, masked(key, e.getValue(), depth));
        }
        return out;
    }

    private static Object masked(String key, Object value, int depth) {
        if (value != null && SecretNames.isSecret(key)) return SecretNames.MASK;
        return convert(value, depth + 1);
    }

    /** A scalar as text: numbers without exponent, everything else as it prints. */
    static String text(Object scalar) {
        if (scalar == null) return "";
        if (scalar instanceof BigDecimal d) return d.toPlainString();
        return scalar.toString();
    }

    /** The readable instance fields of a result class, superclass first, in declaration order. */
    private static List<Property> properties(Class<?> type) {
        List<Property> out = new ArrayList<>();
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type;
                c != null && c != Object.class && !c.getPackageName().startsWith("groovy.");
                c = c.getSuperclass()) {
            chain.add(0, c);
        }
        for (Class<?> c : chain) {
            for (Field f : c.getDeclaredFields()) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod)
                        || Modifier.isTransient(mod)
                        || f.isSynthetic()
                        || f.getName().contains("$")) continue;
                Method getter = getter(type, f);
                if (getter != null) out.add(new Property(f.getName(), getter));
            }
        }
        return out;
    }

    private static Method getter(Class<?> type, Field f) {
        String suffix =
                Character.toUpperCase(f.getName().charAt(0)) + f.getName().substring(1);
        for (String name : new String[] {"get" + suffix, "is" + suffix}) {
            try {
                Method m = type.getMethod(name);
                if (m.getParameterCount() == 0 && Modifier.isPublic(m.getModifiers())) return m;
            } catch (NoSuchMethodException e) {
                // try the next spelling
            }
        }
        return null;
    }

    private record Property(String name, Method getter) {
        Object read(Object target) {
            try {
                return getter.invoke(target);
            } catch (ReflectiveOperationException e) {
                return null;
            }
        }
    }
}
