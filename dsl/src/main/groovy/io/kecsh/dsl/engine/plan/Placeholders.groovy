package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.model.MemberType
import io.kecsh.runtime.model.Operation

import java.util.concurrent.atomic.AtomicInteger

/**
 * A plausible answer to a call that was not sent, shaped by the operation's output model so the
 * script goes on: {@code RequestId} is 'planned'; a required ID the request does not give becomes a
 * placeholder (planned-1, planned-2, …); what the request gives is echoed; a required boolean
 * (InstanceStateChange.Return) is true; a list of structures keyed by a list the request gives
 * ({@code InstanceId}) has one item per given value. Anything else is left out, as an optional
 * member would be. A nested structure with an ID of its own (CreateKey's Key) is built with a
 * placeholder for that ID. A read that names only placeholders is not sent (see {@link #sendable}).
 */
@CompileStatic
final class Placeholders {
    static final String PREFIX = 'planned-'
    /** A placeholder passes the validator's uuid format as this stand-in (only for checking). */
    static final String STAND_IN = '00000000-0000-4000-8000-000000000000'

    private Placeholders() {
    }

    static boolean isPlaceholder(Object value) {
        value instanceof CharSequence && value.toString().startsWith(PREFIX)
    }

    /** The request as the validator should see it: placeholders swapped for a well-formed stand-in. */
    static Object standIns(Object value) {
        if (isPlaceholder(value)) return STAND_IN
        if (value instanceof Map) return ((Map) value).collectEntries { k, v -> [(k): standIns(v)] }
        if (value instanceof Collection) return ((Collection) value).collect { standIns(it) }
        value
    }

    /**
     * The parameters of a read without the placeholders in it, or null when a placeholder is all
     * it names (DescribeImages ImageId: planned-1): that resource exists only in the plan.
     */
    static Map<String, Object> sendable(Map<String, ?> params) {
        Map<String, Object> out = new LinkedHashMap<String, Object>()
        for (Map.Entry<String, ?> e : params.entrySet()) {
            Object v = e.value
            if (isPlaceholder(v)) return null
            if (v instanceof Collection && ((Collection) v).any { isPlaceholder(it) }) {
                List rest = ((Collection) v).findAll { !isPlaceholder(it) } as List
                if (rest.isEmpty()) return null
                v = rest
            }
            out[e.key] = v
        }
        out
    }

    static Map<String, Object> result(Operation op, Map<String, ?> params, AtomicInteger counter, List<String> created) {
        (Map<String, Object>) structure(op.output(), params, counter, created, null)
    }

    private static Object structure(Member shape, Map<String, ?> params, AtomicInteger counter, List<String> created, Object key,
                                    boolean nested = false) {
        Map<String, Object> out = new LinkedHashMap<String, Object>()
        String own = nested ? ownId(shape) : null
        shape.members().each { String name, Member m ->
            Object v = member(name, m, params, counter, created, key, name == own)
            if (v != null) out[name] = v
        }
        out
    }

    /**
     * A nested structure's own ID ({@code Key.KeyId} of CreateKey): the first string member named
     * …Id. The document marks it optional, but a created resource has one, and a script goes on
     * with it ({@code attach key, to: web}).
     */
    private static String ownId(Member shape) {
        shape.members().find { String n, Member m -> n.endsWith('Id') && m.type() == MemberType.STRING }?.key
    }

    private static Object member(String name, Member m, Map<String, ?> params, AtomicInteger counter, List<String> created, Object key,
                                 boolean isOwnId) {
        if (name == 'RequestId') return 'planned'
        if (m.type() == MemberType.LIST && m.member()?.type() == MemberType.STRUCTURE) {
            String keyName = m.member().members().keySet().find { String k -> params[k] instanceof Collection }
            if (keyName == null) return []
            return ((Collection) params[keyName]).collect { Object each -> structure(m.member(), params, counter, created, [(keyName): each]) }
        }
        if (m.type() == MemberType.STRUCTURE) return m.required() || ownId(m) != null ? structure(m, params, counter, created, key, true) : null
        if (key instanceof Map && ((Map) key).containsKey(name)) return ((Map) key)[name]
        if (params.containsKey(name) && !(params[name] instanceof Collection) && m.type().isScalar()) return params[name]
        if (!m.required() && !isOwnId) return null
        if (m.type() == MemberType.BOOLEAN) return true
        if (name.endsWith('Id')) {
            String id = PREFIX + counter.incrementAndGet()
            created << id
            return id
        }
        null
    }
}
