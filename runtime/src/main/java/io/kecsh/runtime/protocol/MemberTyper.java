package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
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
 * When writing, a member with a {@link Member#wireType() wire type} is checked as its type and then
 * written as the service writes it (a boolean as {@code "false"}); parsing reads either form.
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
        return structure(raw, structure, Where.root(path));
    }

    private Map<String, Object> structure(Map<?, ?> raw, Member structure, Where path) {
        Map<String, Member> members = structure.members();
        if (strict) {
            Map<String, Object> typed = typedAsGiven(raw, members, path);
            if (typed != null) return typed;
        }
        Set<String> names = null; // the body's names, needed only for a name the model lacks
        LinkedHashMap<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : strict ? modelOrder(raw, members) : raw.entrySet()) {
            String given = String.valueOf(entry.getKey());
            String modelName;
            if (members.containsKey(given)) {
                modelName = given;
            } else {
                if (names == null) {
                    names = new HashSet<>();
                    for (Object k : raw.keySet()) names.add(String.valueOf(k));
                }
                modelName = MemberNames.resolve(members, given, names);
            }
            // Two spellings of one member in one body (requestid and REQUESTID): the first takes
            // the model name, the second stays as it came rather than overwriting it.
            String name = modelName != null && !typed.containsKey(modelName) ? modelName : given;
            Member member = name.equals(modelName) ? members.get(modelName) : null;
            Object value = value(entry.getValue(), member, path.member(name));
            if (value != null) typed.put(name, value);
        }
        return ImmutableTree.wrapMap(typed);
    }

    /**
     * Writing, when every name is a model member's, in model order: each value checked (and
     * converted where it needs to be) in one pass, and the body itself returned when nothing
     * needed converting — a sandbox's large answers are mostly typed already and need no copy.
     * Null when the names need the general path (unknown or misspelt names, another order).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> typedAsGiven(Map<?, ?> raw, Map<String, Member> members, Where path) {
        if (!inModelOrder(raw, members)) return null;
        for (Object key : raw.keySet()) if (!(key instanceof String name) || !members.containsKey(name)) return null;
        LinkedHashMap<String, Object> copy = null;
        int seen = 0;
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String name = (String) entry.getKey();
            Object given = entry.getValue();
            Object value = value(given, members.get(name), path.member(name));
            if (copy == null && value != given) {
                copy = new LinkedHashMap<>();
                int i = 0;
                for (Map.Entry<?, ?> before : raw.entrySet()) {
                    if (i++ == seen) break;
                    copy.put((String) before.getKey(), before.getValue());
                }
            }
            if (copy != null && value != null) copy.put(name, value);
            seen++;
        }
        return copy == null ? (Map<String, Object>) raw : ImmutableTree.wrapMap(copy);
    }

    /** The model's members first in model order, then the rest as they came: linear, no sort. */
    private static Collection<? extends Map.Entry<?, ?>> modelOrder(Map<?, ?> raw, Map<String, Member> members) {
        if (inModelOrder(raw, members)) return raw.entrySet();
        List<Map.Entry<?, ?>> rest = new ArrayList<>();
        Map<String, Map.Entry<?, ?>> known = new HashMap<>();
        for (Map.Entry<?, ?> entry : raw.entrySet()) {
            String name = String.valueOf(entry.getKey());
            if (members.containsKey(name)) known.putIfAbsent(name, entry);
            else rest.add(entry);
        }
        List<Map.Entry<?, ?>> ordered = new ArrayList<>(raw.size());
        for (String name : members.keySet()) {
            Map.Entry<?, ?> entry = known.get(name);
            if (entry != null) ordered.add(entry);
        }
        ordered.addAll(rest);
        return ordered;
    }

    /** True when the known names already come in model order and before any unknown one (as the sandbox builds them). */
    private static boolean inModelOrder(Map<?, ?> raw, Map<String, Member> members) {
        Iterator<String> model = members.keySet().iterator();
        boolean unknownSeen = false;
        for (Object key : raw.keySet()) {
            String name = String.valueOf(key);
            if (!members.containsKey(name)) {
                unknownSeen = true;
                continue;
            }
            if (unknownSeen) return false;
            boolean found = false;
            while (model.hasNext()) {
                if (model.next().equals(name)) {
                    found = true;
                    break;
                }
            }
            if (!found) return false;
        }
        return true;
    }

    /** A plain value typed by its member when parsing, where no message needs its path. */
    Object value(Object raw, Member member) {
        return value(raw, member, UNNAMED);
    }

    private static final Where UNNAMED = Where.root("");

    /** One value typed by its member (null member: unknown to the model, kept as it came). */
    Object value(Object raw, Member member, Where path) {
        if (raw == null) return null;
        if (member == null) return ImmutableTree.freeze(raw, path.toString());
        Object typed = switch (member.type()) {
            case STRING -> string(raw, member, path);
            case INTEGER, LONG -> integral(raw, member, path);
            case FLOAT -> decimal(raw, member, path);
            case BOOLEAN -> bool(raw, member, path);
            case LIST -> list(raw, member, path);
            case STRUCTURE -> raw instanceof Map<?, ?> map ? structure(map, member, path) : mismatch(raw, member, path);
        };
        // writing: as the live service puts it on the wire (Member#wireType); parsing already reads both forms
        return strict && typed != null && member.wireType().isPresent() ? asWireText(typed) : typed;
    }

    /** A checked boolean or number as the text the service sends for it ({@code "false"}, {@code "20"}). */
    private static Object asWireText(Object typed) {
        if (typed instanceof BigDecimal d) return d.toPlainString();
        return typed.toString();
    }

    private Object string(Object raw, Member member, Where path) {
        if (raw instanceof CharSequence text) return text.toString();
        if (raw instanceof Boolean b) return b.toString();
        if (raw instanceof Number number) return Numbers.plainDigits(number);
        return mismatch(raw, member, path);
    }

    private Object integral(Object raw, Member member, Where path) {
        if (raw instanceof Long) return raw;
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

    private Object decimal(Object raw, Member member, Where path) {
        if (raw instanceof BigDecimal) return raw;
        if (isEmptyText(raw)) return emptyScalar(member, path);
        BigDecimal number = Numbers.exact(raw);
        return number != null ? number : mismatch(raw, member, path);
    }

    private Object bool(Object raw, Member member, Where path) {
        if (raw instanceof Boolean b) return b;
        if (isEmptyText(raw)) return emptyScalar(member, path);
        if (raw instanceof CharSequence text) {
            String t = text.toString().trim().toLowerCase(Locale.ROOT);
            if (t.equals("true")) return Boolean.TRUE;
            if (t.equals("false")) return Boolean.FALSE;
        }
        return mismatch(raw, member, path);
    }

    private Object list(Object raw, Member member, Where path) {
        Collection<?> items = raw instanceof Collection<?> c ? c : List.of(raw);
        ArrayList<Object> typed = new ArrayList<>(items.size());
        boolean asGiven = strict && raw instanceof List<?>; // writing: the list itself when no item changed
        Member itemMember = member.member();
        int index = 0;
        for (Object item : items) {
            Where at = path.item(index++);
            // a server's kept item: typed by its member once (writing only; a parsed body has none)
            Object value = strict && item instanceof PreparedItem kept && itemMember.type() == MemberType.STRUCTURE
                    ? kept.typedBy(itemMember, content -> structure(content, itemMember, at))
                    : value(item, itemMember, at);
            asGiven &= value == item;
            if (value != null) typed.add(value);
        }
        return asGiven ? raw : ImmutableTree.wrapList(typed);
    }

    private Object emptyScalar(Member member, Where path) {
        if (strict) throw slip(member, path, "empty text");
        return null;
    }

    private Object mismatch(Object raw, Member member, Where path) {
        if (strict) throw slip(member, path, "a " + raw.getClass().getSimpleName());
        return ImmutableTree.freeze(raw, path.toString());
    }

    private IllegalArgumentException slip(Member member, Where path, String what) {
        return new IllegalArgumentException(operation + ": " + path + " is "
                + member.type().label() + " in the model; got " + what + " that is not one");
    }

    private static boolean isEmptyText(Object raw) {
        return raw instanceof CharSequence text && text.toString().isBlank();
    }

    /**
     * Where a value sits, spelled out ({@code InstancesSet[0].InstanceId}) only when a message
     * needs it: typing a large body would otherwise build a path string for every value.
     */
    private static final class Where {
        private final Where parent;
        private final String name;
        private final int index;

        private Where(Where parent, String name, int index) {
            this.parent = parent;
            this.name = name;
            this.index = index;
        }

        static Where root(String path) {
            return new Where(null, path, -1);
        }

        Where member(String member) {
            return new Where(this, member, -1);
        }

        Where item(int i) {
            return new Where(this, null, i);
        }

        @Override
        public String toString() {
            if (parent == null) return name;
            String above = parent.toString();
            return name == null ? Paths.item(above, index) : Paths.member(above, name);
        }
    }
}
