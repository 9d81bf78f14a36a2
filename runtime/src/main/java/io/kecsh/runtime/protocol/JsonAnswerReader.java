package io.kecsh.runtime.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kecsh.runtime.invoke.EarlyMember;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.text.NumberText;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Types a JSON answer straight from the parser's tokens by the operation's output shapes, with no
 * tree in between: building Jackson's tree of a page and then typing it was half of the client's
 * CPU per page, and held every page twice. What comes out equals what {@link BodyReader} then
 * {@link MemberTyper} make of the same body ({@code JsonAnswerReaderTest} compares the two).
 *
 * <p>A member named exactly as the model names it is typed as it is read. Anything else — a name
 * the model lacks, one in another case (which needs all its siblings' names to resolve), a JSON
 * null — is read as a plain value and settled when its object ends, by the same rules as
 * {@link MemberTyper}: rare in real answers, so the common object is built once.
 *
 * <p>The root is read the same way, except that the members an error is told by (Error, Code,
 * Success, …: {@link #ENVELOPE_NAMES}, in any case) are kept plain until {@link ErrorDocuments}
 * has looked at them: the answer is read once, for its error and its result alike.
 */
final class JsonAnswerReader {
    /** The root members {@link ErrorDocuments} and the RequestId hoist read, lower-cased. */
    static final Set<String> ENVELOPE_NAMES =
            Set.of("error", "code", "message", "msg", "type", "success", "status", "requestid", "responsemetadata");

    private final MemberTyper typer;
    /** The last layout of each structure's names in this answer: the next one is most likely the same. */
    private final IdentityHashMap<Member, CompactMap.Layout> layouts = new IdentityHashMap<>();

    JsonAnswerReader(String operation) {
        this.typer = MemberTyper.forParsing(operation);
    }

    /** A value typed already, among the root's plain ones. */
    record Typed(Object value) {}

    /** A value read plain, to be typed when its object's names are all known. */
    private record Plain(Object value) {}

    /**
     * The root object's members in body order: the envelope's and unknown ones plain, the others
     * {@link Typed}. The parser stands on the root's START_OBJECT; the caller checks what follows.
     */
    LinkedHashMap<String, Object> root(JsonParser p, Member output) throws IOException {
        Map<String, Member> members = output.members();
        LinkedHashMap<String, Object> root = new LinkedHashMap<>();
        EarlyMember watch = EarlyMember.current();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Member member = members.get(name);
            boolean plain = member == null || ENVELOPE_NAMES.contains(name.toLowerCase(Locale.ROOT));
            Object value = plain ? plain(p) : new Typed(value(p, member));
            root.put(name, value);
            // a paginator's next token, told before the page's items are read (EarlyMember says why)
            if (watch != null && value instanceof Typed t) watch.read(name, t.value());
        }
        return root;
    }

    /**
     * The root typed by {@code output}, by {@link MemberTyper}'s loop: the {@link Typed} values as
     * they are, the plain ones typed by the member their name resolves to.
     */
    Map<String, Object> typedRoot(Map<String, Object> root, Member output) {
        Map<String, Member> members = output.members();
        LinkedHashMap<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : root.entrySet()) {
            String given = entry.getKey();
            String modelName = MemberNames.resolve(members, given, root.keySet());
            String name = modelName != null && !typed.containsKey(modelName) ? modelName : given;
            Member member = name.equals(modelName) ? members.get(modelName) : null;
            Object value = entry.getValue() instanceof Typed t ? t.value() : typer.value(entry.getValue(), member);
            if (value != null) typed.put(name, value);
        }
        return ImmutableTree.wrapMap(typed);
    }

    /** The value the parser stands on, typed by {@code member}. */
    private Object value(JsonParser p, Member member) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            if (member.type() == MemberType.STRUCTURE) return structure(p, member);
            if (member.type() == MemberType.LIST) return listOfOne(value(p, member.member()));
        } else if (token == JsonToken.START_ARRAY) {
            if (member.type() == MemberType.LIST) return list(p, member.member());
        } else if (token == JsonToken.VALUE_STRING && member.type() == MemberType.STRING) {
            return p.getText();
        }
        // a scalar, or a shape that does not fit the member (kept as it came): MemberTyper's rules
        return typer.value(plain(p), member);
    }

    /**
     * A structure whose names are all the model's, each once, with no null value: a {@link CompactMap}
     * over the layout the structures of this answer share. Anything else goes on as a LinkedHashMap
     * from where it stopped being plain ({@link #mapFrom}).
     */
    private Map<String, Object> structure(JsonParser p, Member structure) throws IOException {
        Map<String, Member> members = structure.members();
        CompactMap.Layout known = layouts.get(structure);
        String[] names = new String[members.size()];
        Object[] values = new Object[members.size()];
        int n = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            Member member = members.get(name);
            boolean followsLayout = known != null && n < known.names.length && known.names[n].equals(name);
            if (member == null || n == names.length || (!followsLayout && repeats(names, n, name))) {
                return mapFrom(p, members, names, values, n, name, member, false);
            }
            Object value = value(p, member);
            if (value == null) return mapFrom(p, members, names, values, n, name, member, true);
            names[n] = name;
            values[n++] = value;
        }
        if (known == null || !known.is(names, n)) {
            known = CompactMap.Layout.of(names, n);
            if (known == null) return mapFrom(p, members, names, values, n, null, null, false);
            layouts.put(structure, known);
        }
        return new CompactMap(known, n == values.length ? values : Arrays.copyOf(values, n));
    }

    private static boolean repeats(String[] names, int count, String name) {
        for (int i = 0; i < count; i++) if (names[i].equals(name)) return true;
        return false;
    }

    /**
     * The structure as a LinkedHashMap, as it was always read: the {@code count} members read so far,
     * then {@code name} (its value already read, and null, when {@code readAsNull}), then the rest of the object.
     * A {@code name} of null: the object is read to its end.
     */
    private Map<String, Object> mapFrom(
            JsonParser p,
            Map<String, Member> members,
            String[] names,
            Object[] values,
            int count,
            String name,
            Member member,
            boolean readAsNull)
            throws IOException {
        LinkedHashMap<String, Object> typed = new LinkedHashMap<>();
        boolean unsettled = false;
        for (int i = 0; i < count; i++) {
            // a repeated name keeps its first place and its last value, as Jackson's tree does
            typed.put(names[i], values[i]);
        }
        while (name != null) {
            Object read = readAsNull ? null : member != null ? value(p, member) : new Plain(plain(p));
            readAsNull = false;
            typed.put(name, read);
            unsettled |= member == null || read == null;
            if (p.nextToken() != JsonToken.FIELD_NAME) break;
            name = p.currentName();
            p.nextToken();
            member = members.get(name);
        }
        return unsettled ? settled(typed, members) : ImmutableTree.wrapMap(typed);
    }

    /** An object with a name the model lacks or a value that carries none: MemberTyper's loop over it. */
    private Map<String, Object> settled(LinkedHashMap<String, Object> read, Map<String, Member> members) {
        LinkedHashMap<String, Object> typed = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : read.entrySet()) {
            String given = entry.getKey();
            Object value = entry.getValue();
            if (value instanceof Plain plain) {
                String modelName = MemberNames.resolve(members, given, read.keySet());
                String name = modelName != null && !typed.containsKey(modelName) ? modelName : given;
                Member member = name.equals(modelName) ? members.get(modelName) : null;
                value = typer.value(plain.value(), member);
                given = name;
            }
            if (value != null) typed.put(given, value);
        }
        return ImmutableTree.wrapMap(typed);
    }

    private List<Object> list(JsonParser p, Member item) throws IOException {
        ArrayList<Object> typed = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            Object value = value(p, item);
            if (value != null) typed.add(value);
        }
        return ImmutableTree.wrapList(typed);
    }

    /** A lone object where a list is expected: a list of one. */
    private static List<Object> listOfOne(Object value) {
        ArrayList<Object> typed = new ArrayList<>(1);
        if (value != null) typed.add(value);
        return ImmutableTree.wrapList(typed);
    }

    /** The value the parser stands on as {@link BodyReader} reads it into a plain tree. */
    static Object plain(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, plain(p));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) list.add(plain(p));
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) return p.getLongValue();
                BigInteger big = p.getBigIntegerValue();
                if (big.bitLength() < 64) return big.longValue();
                return NumberText.sane(big).map(Object.class::cast).orElseGet(big::toString);
            }
            case VALUE_NUMBER_FLOAT -> {
                // A number no API sends (1e999999999) stays the text it came as: nothing may print its digits.
                BigDecimal decimal = p.getDecimalValue();
                return NumberText.sane(decimal).map(Object.class::cast).orElseGet(decimal::toString);
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null; // VALUE_NULL (JSON has no other value token)
            }
        }
    }
}
