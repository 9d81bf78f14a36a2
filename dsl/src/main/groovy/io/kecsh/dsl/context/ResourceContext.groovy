package io.kecsh.dsl.context

import io.kecsh.dsl.KecshSession
import io.kecsh.dsl.ParameterNames
import io.kecsh.dsl.Verb
import io.kecsh.dsl.Verbs
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.model.MemberType
import io.kecsh.runtime.model.Operation

/**
 * What the curated contexts share: a verb's arguments become API parameters (the verb's own words
 * first, then {@link ParameterNames}), results and groups of results stand for their IDs, and a
 * single value goes where the model wants a list. Each context declares its verbs with
 * {@link Verb}: the action, and the words the verb maps itself ({@code to: → DestinationRegion}).
 * The same declarations feed the compile-time checks and the IDE descriptor.
 */
abstract class ResourceContext {
    protected final KecshSession session

    ResourceContext(KecshSession session) {
        this.session = session
    }

    /** Action → (word a verb takes → the API parameter it fills), from this context's {@link Verb}s. */
    Map<String, Map<String, String>> getWords() {
        Map<String, Map<String, String>> out = [:]
        Verbs.of(getClass()).values().each { Verbs.Info v ->
            out.computeIfAbsent(v.action) { [:] as Map<String, String> }.putAll(v.names)
        }
        out
    }

    /** The API parameters for one call: {@code fixed} first, then what was typed. */
    protected Map<String, Object> params(String action, String verb, Map args, Map<String, Object> fixed = [:]) {
        Operation op = session.ops.model.requireOperation(action)
        Map<String, String> own = words[action] ?: [:]
        Map<String, Object> out = new LinkedHashMap<>(fixed)
        args.each { k, v ->
            String key = k as String
            String api = own[key] ?: ParameterNames.apiName(op, key, verb, own.keySet())
            out[api] = v
        }
        out.collectEntries { String api, Object v -> [api, shaped(op.param(api).orElse(null), v)] } as Map<String, Object>
    }

    protected Map<String, Object> send(String action, String verb, Map args, Map<String, Object> fixed = [:]) {
        session.ops.call(action, params(action, verb, args, fixed))
    }

    /** A result (anything with an {@code id}) stands for its ID; a single value fills a list parameter. */
    private static Object shaped(Member member, Object value) {
        Object plain = plain(value)
        if (member != null && member.type() == MemberType.LIST && plain != null && !(plain instanceof Collection)) return [plain]
        plain
    }

    static Object plain(Object value) {
        if (value instanceof Collection) return ((Collection) value).collect { plain(it) }
        if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean || value instanceof Map || value == null) {
            return value instanceof CharSequence ? value.toString() : value
        }
        value.hasProperty('id') ? value.id as String : value
    }

    /** One ID from a string or a result; {@code what} names it in the error. */
    static String id(Object value, String verb, String what) {
        Object p = plain(value)
        if (p instanceof Collection && ((Collection) p).size() == 1) p = ((Collection) p)[0]
        if (!(p instanceof String) || !p) {
            throw new IllegalArgumentException("${verb}: expected one ${what} (an ID or a result), got ${value == null ? 'nothing' : value}")
        }
        (String) p
    }

    /** IDs from a string, a result, or a list of either. */
    static List<String> ids(Object value, String verb, String what) {
        Object p = plain(value)
        List<String> out = (p instanceof Collection ? (Collection) p : [p]).findAll { it != null }.collect { it as String }
        if (out.isEmpty()) throw new IllegalArgumentException("${verb}: no ${what} given")
        out
    }

    /** A word the verb cannot do without: {@code rename 'id', to: 'x'}. Misspelt words are reported first. */
    protected Object required(String action, Map args, String key, String verb, String example) {
        params(action, verb, args)
        if (args[key] == null) throw new IllegalArgumentException("${verb}: ${key}: is missing, e.g. ${example}")
        args[key]
    }
}
