package io.kecsh.runtime.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Freezes a value tree into what {@link Response} promises: unmodifiable, serializable
 * {@code Map<String, Object>} (insertion order kept) and {@code List<Object>}, with scalars only
 * {@link String}, {@link Long}, {@link BigDecimal} and {@link Boolean}. Used for values the model
 * does not type (unknown members, and values that do not fit their member's type), which are kept
 * "as they came" rather than dropped.
 */
final class ImmutableTree {
    private ImmutableTree() {}

    /** A frozen copy of a map; null values are left out (a null carries no member). */
    static Map<String, Object> copyOf(Map<String, ?> map) {
        return freezeMap(map, "");
    }

    /**
     * A frozen copy of any supported value, with Java's other number types normalised
     * (Integer → Long, Double → BigDecimal, BigInteger → Long when it fits).
     *
     * @throws IllegalArgumentException for a value of another type (the path says where)
     */
    static Object freeze(Object value, String path) {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Long
                || value instanceof BigDecimal) {
            return value;
        }
        if (value instanceof CharSequence text) return text.toString();
        if (value instanceof Number number) return normalise(number, path);
        if (value instanceof Map<?, ?> map) return freezeMap(map, path);
        if (value instanceof Collection<?> items) return freezeList(items, path);
        throw new IllegalArgumentException(
                "unsupported value type " + value.getClass().getName() + (path.isEmpty() ? "" : " at " + path)
                        + ": use a map, list, string, number or boolean");
    }

    static Map<String, Object> freezeMap(Map<?, ?> map, String path) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> {
            String name = String.valueOf(key);
            Object frozen = freeze(value, Paths.member(path, name));
            if (frozen != null) copy.put(name, frozen);
        });
        return Collections.unmodifiableMap(copy);
    }

    static List<Object> freezeList(Collection<?> items, String path) {
        List<Object> copy = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            Object frozen = freeze(item, Paths.item(path, index++));
            if (frozen != null) copy.add(frozen);
        }
        return Collections.unmodifiableList(copy);
    }

    /** Wraps already-frozen members; the caller guarantees they were built by this class's rules. */
    static Map<String, Object> wrapMap(LinkedHashMap<String, Object> frozenMembers) {
        return Collections.unmodifiableMap(frozenMembers);
    }

    static List<Object> wrapList(ArrayList<Object> frozenItems) {
        return Collections.unmodifiableList(frozenItems);
    }

    private static Object normalise(Number number, String path) {
        if (number instanceof Integer || number instanceof Short || number instanceof Byte) return number.longValue();
        if (number instanceof BigInteger big)
            return big.bitLength() < 64 ? (Object) big.longValue() : new BigDecimal(big);
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("not a finite number" + (path.isEmpty() ? "" : " at " + path));
            }
            return new BigDecimal(number.toString());
        }
        return new BigDecimal(number.toString());
    }
}
