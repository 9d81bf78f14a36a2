package io.kecsh.runtime.validate;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.text.NumberText;
import io.kecsh.runtime.text.Suggestions;
import io.kecsh.runtime.text.UserText;
import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns what a caller gave — nested maps and lists from the DSL, or flat wire names such as
 * {@code DataDisk.2.Size} from a query string — into one typed tree keyed by top-level parameter
 * names. Type mismatches and unknown names become problems; nothing is thrown.
 */
final class ParameterReader {
    private final List<Problem> problems;

    ParameterReader(List<Problem> problems) {
        this.problems = problems;
    }

    Map<String, Object> read(Map<String, Member> params, Map<String, ?> input) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, ?> e : input.entrySet()) {
            if (e.getValue() == null) continue;
            String key = e.getKey();
            int dot = key.indexOf('.');
            String top = dot < 0 ? key : key.substring(0, dot);
            Member member = params.get(top);
            if (member == null) {
                unknown(key, top, params.keySet());
                continue;
            }
            if (dot < 0) {
                raw.put(top, e.getValue());
            } else {
                placeFlat(raw, member, top, key.substring(dot + 1).split("\\.", -1), e.getValue(), key);
            }
        }
        Map<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : raw.entrySet()) {
            Object value = coerce(params.get(e.getKey()), e.getValue(), e.getKey());
            if (value != null) typed.put(e.getKey(), value);
        }
        return typed;
    }

    /**
     * An unknown name is the caller's text: its path and message carry it escaped and cut
     * ({@link UserText}), since both reach terminals and the sandbox's error bodies.
     */
    private void unknown(String key, String top, Collection<String> known) {
        List<String> close = Suggestions.closest(top, known);
        problems.add(new Problem(
                Problem.Kind.UNKNOWN_PARAMETER,
                false,
                UserText.shown(key),
                null,
                "unknown parameter " + UserText.quoted(key)
                        + (close.isEmpty() ? "" : " (did you mean " + Suggestions.orList(close) + "?)")
                        + "; valid parameters: " + String.join(", ", known),
                List.copyOf(known),
                close));
    }

    /** Puts a flat wire value (InstanceId.3, Filter.1.Value.2) where it belongs in the raw tree. */
    @SuppressWarnings("unchecked")
    private void placeFlat(
            Map<String, Object> raw, Member top, String topName, String[] rest, Object value, String key) {
        Map<Object, Object> holder = (Map<Object, Object>) (Map<?, ?>) raw;
        Object slotInHolder = topName;
        Member member = top;
        String label = topName;
        for (String segment : rest) {
            Object container = holder.get(slotInHolder);
            Object slot;
            if (member.type() == MemberType.LIST) {
                Integer index = index(segment);
                if (index == null) {
                    problems.add(Problem.error(
                            Problem.Kind.UNKNOWN_PARAMETER,
                            UserText.shown(key),
                            null,
                            UserText.quoted(key) + ": " + label + " is a list, so " + UserText.quoted(segment)
                                    + " must be an index 1, 2, 3…"));
                    return;
                }
                if (!(container instanceof SortedMap)) {
                    container = new TreeMap<Integer, Object>();
                    holder.put(slotInHolder, container);
                }
                slot = index;
                member = member.member();
            } else if (member.type() == MemberType.STRUCTURE) {
                if (!member.members().containsKey(segment)) {
                    List<String> close =
                            Suggestions.closest(segment, member.members().keySet());
                    problems.add(new Problem(
                            Problem.Kind.UNKNOWN_PARAMETER,
                            false,
                            UserText.shown(key),
                            null,
                            "unknown parameter " + UserText.quoted(key) + ": " + label + " has "
                                    + String.join(", ", member.members().keySet())
                                    + (close.isEmpty() ? "" : " (did you mean " + Suggestions.orList(close) + "?)"),
                            List.copyOf(member.members().keySet()),
                            close));
                    return;
                }
                if (!(container instanceof Map) || container instanceof SortedMap) {
                    container = new LinkedHashMap<String, Object>();
                    holder.put(slotInHolder, container);
                }
                slot = segment;
                member = member.members().get(segment);
            } else {
                problems.add(Problem.error(
                        Problem.Kind.UNKNOWN_PARAMETER,
                        UserText.shown(key),
                        null,
                        UserText.quoted(key) + ": " + label + " takes a single value; send it as " + label + "=…"));
                return;
            }
            holder = (Map<Object, Object>) container;
            slotInHolder = slot;
            label = label + "." + segment;
        }
        holder.put(slotInHolder, value);
    }

    private static Integer index(String segment) {
        try {
            int n = Integer.parseInt(segment);
            return n >= 1 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The value as the member's type, or null (with a problem) when it cannot be one. */
    Object coerce(Member member, Object value, String path) {
        if (value == null) return null;
        return switch (member.type()) {
            case STRING -> string(member, value, path);
            case INTEGER, LONG -> whole(member, value, path);
            case FLOAT -> decimal(member, value, path);
            case BOOLEAN -> bool(member, value, path);
            case LIST -> list(member, value, path);
            case STRUCTURE -> structure(member, value, path);
        };
    }

    private Object string(Member member, Object value, String path) {
        if (value instanceof Map
                || value instanceof Collection
                || value.getClass().isArray()) {
            return typeProblem(member, value, path, "a single text value");
        }
        return value instanceof Enum<?> e ? e.name() : value.toString();
    }

    private Object whole(Member member, Object value, String path) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        BigDecimal d = number(value);
        if (d == null) return typeProblem(member, value, path, "a whole number" + sizeHint(value));
        try {
            return d.longValueExact();
        } catch (ArithmeticException fractionOrBeyondLong) {
            return typeProblem(member, value, path, "a whole number");
        }
    }

    private Object decimal(Member member, Object value, String path) {
        BigDecimal d = number(value);
        return d != null ? d : typeProblem(member, value, path, "a number" + sizeHint(value));
    }

    /**
     * The exact value, or null when it is no number or not a sane one ({@link NumberText}): a
     * value like {@code 1e999999999} stops here, before anything could expand its digits.
     */
    private static BigDecimal number(Object value) {
        if (value instanceof BigDecimal d) return NumberText.sane(d).orElse(null);
        if (value instanceof BigInteger big) return NumberText.sane(big).orElse(null);
        if (value instanceof Double || value instanceof Float) {
            double v = ((Number) value).doubleValue();
            return Double.isFinite(v) ? NumberText.parse(value.toString()).orElse(null) : null;
        }
        if (value instanceof Map
                || value instanceof Collection
                || value.getClass().isArray()) return null;
        return NumberText.parse(value instanceof CharSequence text ? text : value.toString())
                .orElse(null);
    }

    private static String sizeHint(Object value) {
        boolean oversized = value instanceof BigDecimal || value instanceof BigInteger
                ? number(value) == null
                : value instanceof CharSequence text && NumberText.isOversized(text);
        return oversized ? " of at most " + NumberText.MAX_DIGITS + " digits" : "";
    }

    private Object bool(Member member, Object value, String path) {
        if (value instanceof Boolean b) return b;
        if (!(value instanceof CharSequence || value instanceof Number))
            return typeProblem(member, value, path, "true or false");
        if (value instanceof CharSequence text && text.length() > 16)
            return typeProblem(member, value, path, "true or false");
        String s = value.toString().trim().toLowerCase(Locale.ROOT);
        if (s.equals("true") || s.equals("1")) return Boolean.TRUE;
        if (s.equals("false") || s.equals("0")) return Boolean.FALSE;
        return typeProblem(member, value, path, "true or false");
    }

    private Object list(Member member, Object value, String path) {
        List<?> items;
        if (value instanceof SortedMap<?, ?> indexed) {
            items = new ArrayList<>(indexed.values());
        } else if (value instanceof Collection<?> c) {
            items = new ArrayList<>(c);
        } else if (value.getClass().isArray() && !(value instanceof char[])) {
            int length = Array.getLength(value); // int[] as well as Object[]
            List<Object> boxed = new ArrayList<>(length);
            for (int i = 0; i < length; i++) boxed.add(Array.get(value, i));
            items = boxed;
        } else {
            items = List.of(value); // one value where a list is expected: a list of one
        }
        List<Object> out = new ArrayList<>();
        int n = 1;
        for (Object item : items) {
            Object typed = coerce(member.member(), item, path + "." + n++);
            if (typed != null) out.add(typed);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private Object structure(Member member, Object value, String path) {
        if (!(value instanceof Map<?, ?> map)) return typeProblem(member, value, path, "a set of named values");
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : ((Map<Object, Object>) map).entrySet()) {
            String name = String.valueOf(e.getKey());
            Member child = member.members().get(name);
            if (child == null) {
                unknown(path + "." + name, name, member.members().keySet());
                continue;
            }
            Object typed = coerce(child, e.getValue(), path + "." + name);
            if (typed != null) out.put(name, typed);
        }
        return out;
    }

    private Object typeProblem(Member member, Object value, String path, String expected) {
        problems.add(Problem.error(
                Problem.Kind.INVALID_VALUE,
                path,
                Values.shown(member, value),
                path + ": expected " + expected + ", got " + Values.quoted(member, value)));
        return null;
    }
}
