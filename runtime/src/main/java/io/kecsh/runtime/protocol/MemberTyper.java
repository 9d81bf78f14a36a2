package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Types a plain value tree (maps, lists, strings, numbers, booleans, as a JSON or XML reader or a
 * sandbox produced it) by a model member, and freezes it.
 *
 * <p>What each model type becomes, and what it tolerates (spec §8.3 items 18–20):
 * <ul>
 *   <li>{@code string} → String; a number arrives as its exact digits (BSS OrderId is a number in
 *       one sample and must not pass through a double), a boolean as "true"/"false";</li>
 *   <li>{@code integer}, {@code long} → Long, from a number or its text, including integral
 *       floats ({@code 10.0});</li>
 *   <li>{@code float} → BigDecimal, keeping the digits as sent ({@code 10.0} stays scale 1);</li>
 *   <li>{@code boolean} → Boolean, from true or "true" (any case);</li>
 *   <li>{@code list} → List; a lone object or scalar where a list is expected is a list of one;</li>
 *   <li>{@code structure} → Map, members named as the model names them (see {@link MemberNames}).</li>
 * </ul>
 * Empty text for a number or boolean (an empty XML element) carries no value and is left out,
 * so that a paginator never mistakes it for a token.
 *
 * <p>When parsing, a value that fits none of that is kept as it came: a response is evidence of
 * what the server did and is never refused for a type slip. When writing (the sandbox), the same
 * slip is a bug in the caller and fails with the member's path; values are never shown, as they may
 * be secrets.
 */
final class MemberTyper {
    private final String operation;
    private final boolean strict;

    private MemberTyper(String operation, boolean strict) {
        this.operation = operation;
        this.strict = strict;
    }

    /** Tolerant typing for bodies received from a server. */
    static MemberTyper forParsing(String operation) {
        return new MemberTyper(operation, false);
    }

    /** Strict typing for bodies kecsh writes: a value that does not fit its member is an error. */
    static MemberTyper forWriting(String operation) {
        return new MemberTyper(operation, true);
    }

    /**
     * The members of {@code raw} typed by {@code structure}; unknown names are kept as they came.
     * Parsing keeps the body's order; writing puts the model's members first, in model order,
     * so that written bodies look like the documentation's samples.
     */
    Map<String, Object> structure(Map<?, ?> raw, Member structure, String path) {
        Map<String, Member> members = structure.members();
        Set<String> names = new HashSet<>();
        raw.keySet().forEach(k -> names.add(String.valueOf(k)));
        LinkedHashMap<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : strict ? modelOrder(raw, members) : raw.entrySet()) {
            String given = String.valueOf(entry.getKey());
            String modelName = MemberNames.resolve(members, given, names);
            // Two spellings of one member in one body (requestid and REQUESTID): the first takes
            // the model name, the second stays as it came rather than overwriting it.
            String name = modelName != null && !typed.containsKey(modelName) ? modelName : given;
            Member member = name.equals(modelName) ? members.get(modelName) : null;
            Object value = value(entry.getValue(), member, Paths.member(path, name));
            if (value != null) typed.put(name, value);
        }
        return ImmutableTree.wrapMap(typed);
    }

    private static Collection<Map.Entry<?, ?>> modelOrder(Map<?, ?> raw, Map<String, Member> members) {
        List<Map.Entry<?, ?>> ordered = new ArrayList<>(raw.size());
        List<Map.Entry<?, ?>> rest = new ArrayList<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            (members.containsKey(String.valueOf(entry.getKey())) ? ordered : rest).add(entry);
        }
        List<String> order = new ArrayList<>(members.keySet());
        ordered.sort(Comparator.comparingInt(e -> order.indexOf(String.valueOf(e.getKey()))));
        ordered.addAll(rest);
        return ordered;
    }

    /** One value typed by its member (null member: unknown to the model, kept as it came). */
    Object value(Object raw, Member member, String path) {
        if (raw == null) return null;
        if (member == null) return ImmutableTree.freeze(raw, path);
        return switch (member.type()) {
            case STRING -> string(raw, member, path);
            case INTEGER, LONG -> integral(raw, member, path);
            case FLOAT -> decimal(raw, member, path);
            case BOOLEAN -> bool(raw, member, path);
            case LIST -> list(raw, member, path);
            case STRUCTURE -> raw instanceof Map<?, ?> map ? structure(map, member, path) : mismatch(raw, member, path);
        };
    }

    private Object string(Object raw, Member member, String path) {
        if (raw instanceof CharSequence text) return text.toString();
        if (raw instanceof Boolean b) return b.toString();
        if (raw instanceof Number number) return Numbers.plainDigits(number);
        return mismatch(raw, member, path);
    }

    private Object integral(Object raw, Member member, String path) {
        if (isEmptyText(raw)) return emptyScalar(member, path);
        BigDecimal number = Numbers.exact(raw);
        if (number != null) {
            try {
                return number.longValueExact();
            } catch (ArithmeticException fractionalOrTooLarge) {
                // 10.5 for an integer member: not ours to round; kept as it came.
            }
        }
        return mismatch(raw, member, path);
    }

    private Object decimal(Object raw, Member member, String path) {
        if (isEmptyText(raw)) return emptyScalar(member, path);
        BigDecimal number = Numbers.exact(raw);
        return number != null ? number : mismatch(raw, member, path);
    }

    private Object bool(Object raw, Member member, String path) {
        if (raw instanceof Boolean b) return b;
        if (isEmptyText(raw)) return emptyScalar(member, path);
        if (raw instanceof CharSequence text) {
            String t = text.toString().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) return Boolean.TRUE;
            if (t.equals("false")) return Boolean.FALSE;
        }
        return mismatch(raw, member, path);
    }

    private Object list(Object raw, Member member, String path) {
        Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
        ArrayList<Object> typed = new ArrayList<>(items.size());
        int index = 0;
        for (Object item : items) {
            Object value = value(item, member.member(), Paths.item(path, index++));
            if (value != null) typed.add(value);
        }
        return ImmutableTree.wrapList(typed);
    }

    private Object emptyScalar(Member member, String path) {
        if (strict) throw slip(member, path, "empty text");
        return null;
    }

    private Object mismatch(Object raw, Member member, String path) {
        if (strict) throw slip(member, path, "a " + raw.getClass().getSimpleName());
        return ImmutableTree.freeze(raw, path);
    }

    private IllegalArgumentException slip(Member member, String path, String what) {
        return new IllegalArgumentException(operation + ": " + path + " is " + member.type().label()
            + " in the model; got " + what + " that is not one");
    }

    private static boolean isEmptyText(Object raw) {
        return raw instanceof CharSequence text && text.toString().isBlank();
    }
}
