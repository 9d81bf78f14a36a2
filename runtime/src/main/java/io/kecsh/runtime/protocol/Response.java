package io.kecsh.runtime.protocol;

import java.io.InvalidObjectException;
import java.io.ObjectStreamException;
import java.io.Serial;
import java.io.Serializable;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One successful answer of an operation, as a read-only map of its result members ({@code RequestId}
 * included). Groovy reads it with GPath ({@code r.InstancesSet*.InstanceId}) because it is a plain
 * {@link Map}: nested structures are immutable {@code Map<String, Object>}, lists are immutable
 * {@code List<Object>}, and scalars are typed by the operation's output model: {@link String},
 * {@link Long} (integer and long members), {@link java.math.BigDecimal} (float) and {@link Boolean}.
 * Members the model does not know are kept, typed as they arrived, never dropped.
 *
 * <p>Equality is map equality, so a response equals any map holding the same members. It is
 * {@link Serializable} (scripts and Jenkins pipelines keep responses across checkpoints).
 * {@link #toString()} never prints values: a response may hold secrets such as CreateKey's
 * PrivateKey.
 */
public final class Response extends AbstractMap<String, Object> implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final Map<String, Object> members;
    private final boolean dryRun;

    private Response(String operation, Map<String, Object> members) {
        this(operation, members, false);
    }

    private Response(String operation, Map<String, Object> members, boolean dryRun) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.members = members;
        this.dryRun = dryRun;
    }

    /**
     * The answer to a DryRun call that passed every check: Kingsoft says so with 412
     * DryRunOperation, which is news ("would succeed"), not a failure. Holds only the RequestId.
     */
    public static Response dryRun(String operation, String requestId) {
        return new Response(
                operation, ImmutableTree.copyOf(requestId == null ? Map.of() : Map.of("RequestId", requestId)), true);
    }

    /** True when this is a DryRun's "would succeed" and nothing was done. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Wraps members that {@link ImmutableTree} already froze (the parser's and the writer's path). */
    static Response ofFrozen(String operation, Map<String, Object> frozenMembers) {
        return new Response(operation, frozenMembers);
    }

    /**
     * A response built by hand (tests, stubs, a DSL replaying a recorded answer). Values are copied
     * into immutable maps and lists; numbers become {@code Long} or {@code BigDecimal}, character
     * sequences (Groovy's GString) become {@code String}, and null values are left out.
     *
     * @throws IllegalArgumentException for a value that is none of map, list, string, number, boolean
     */
    public static Response of(String operation, Map<String, ?> members) {
        return new Response(operation, ImmutableTree.copyOf(members));
    }

    /**
     * Deserialization re-freezes the members, so that a crafted stream cannot slip a mutable map
     * or a foreign value type into what callers rely on being an immutable tree.
     */
    @Serial
    private Object readResolve() throws ObjectStreamException {
        if (operation == null || members == null)
            throw new InvalidObjectException("a response needs an operation and members");
        try {
            return new Response(operation, ImmutableTree.copyOf(members), dryRun);
        } catch (IllegalArgumentException foreignValue) {
            throw new InvalidObjectException(foreignValue.getMessage());
        }
    }

    /**
     * This answer with the list under {@code member} read through {@code view}, a list that shows exactly the same
     * items (a paginator's, which tell it when a reader reaches them): same operation, request id and
     * {@link #toString()}; serialised as the view serialises (the paginator's as the plain list).
     *
     * @throws IllegalArgumentException when {@code member} holds no list of as many items
     */
    public Response viewing(String member, List<?> view) {
        if (!(members.get(member) instanceof List<?> items) || items.size() != view.size())
            throw new IllegalArgumentException(
                    operation + ": " + member + " is not a list of " + view.size() + " items");
        Map<String, Object> viewed = new LinkedHashMap<>(members);
        viewed.put(member, view);
        return new Response(operation, Collections.unmodifiableMap(viewed), dryRun);
    }

    /** The action this answers, e.g. {@code DescribeInstances}. */
    public String operation() {
        return operation;
    }

    /** The request id the service gave, or null when the body carried none. */
    public String requestId() {
        Object id = members.get("RequestId");
        return id == null ? null : id.toString();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return members.entrySet();
    }

    @Override
    public Object get(Object key) {
        return members.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return members.containsKey(key);
    }

    @Override
    public int size() {
        return members.size();
    }

    /** Operation, request id and member names only: values may be secrets. */
    @Override
    public String toString() {
        return "Response[" + operation + (dryRun ? " (dry run: would succeed)" : "") + ", RequestId=" + requestId()
                + ", members=" + members.keySet() + "]";
    }
}
