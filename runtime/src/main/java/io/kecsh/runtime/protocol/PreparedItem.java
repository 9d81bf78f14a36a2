package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Member;
import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A list item of an answer that a server keeps between answers (the sandbox's view of one
 * instance): a deep unmodifiable copy of the item, which {@link ResponseWriter} types by the model
 * and writes as JSON once, and then answers with the same bytes for as long as the server hands
 * the same object again. Whoever keeps it decides when it is stale and makes a new one; nothing
 * in it can change after it is made. Reads as the map it was made from.
 */
public final class PreparedItem extends AbstractMap<String, Object> {
    private final Map<String, Object> content;
    /** The typed form, for the one member it was typed by (items are typed by a single member). */
    private volatile Typed typed;

    private PreparedItem(Map<String, Object> content) {
        this.content = content;
    }

    /**
     * A frozen copy of {@code item}: maps, lists, strings, Long, Integer, BigDecimal, Boolean.
     *
     * @throws IllegalArgumentException when the item holds a value of another kind (it might change)
     */
    @SuppressWarnings("unchecked")
    public static PreparedItem of(Map<String, ?> item) {
        Object copy = PlainTree.copyOrNull(item);
        if (copy == null)
            throw new IllegalArgumentException("a prepared item holds only maps, lists, strings, numbers and booleans");
        return new PreparedItem((Map<String, Object>) copy);
    }

    /** True when {@code item} has the same members, values and order as this one (no need for a new one). */
    public boolean sameAs(Map<String, ?> item) {
        return PlainTree.same(content, item);
    }

    /** The item typed by {@code member}: typed on first use (and after a use with another member). */
    TypedPart typedBy(Member member, Function<Map<String, Object>, Map<String, Object>> typing) {
        Typed known = typed;
        if (known != null && known.member == member) return known.part;
        TypedPart part = new TypedPart(typing.apply(content));
        typed = new Typed(member, part);
        return part;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return content.entrySet();
    }

    @Override
    public Object get(Object key) {
        return content.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return content.containsKey(key);
    }

    @Override
    public int size() {
        return content.size();
    }

    private record Typed(Member member, TypedPart part) {}
}
