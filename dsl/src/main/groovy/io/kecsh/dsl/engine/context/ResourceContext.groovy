package io.kecsh.dsl.engine.context

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.Verb
import io.kecsh.dsl.engine.Verbs
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.model.MemberType
import io.kecsh.runtime.model.Operation

/**
 * What the curated contexts share: a verb's arguments become API parameters (as its declaration,
 * {@link Verbs.Info#word}, reads each word), results and groups of results stand for their IDs, and a
 * single value goes where the model wants a list. Each context declares its verbs with
 * {@link Verb}: the action, and the words the verb maps itself ({@code to: → DestinationRegion}).
 * The same declarations feed the compile-time checks and the IDE descriptor.
 */
abstract class ResourceContext {
    protected final KecshSession session

    ResourceContext(KecshSession session) {
        this.session = session
    }

    /** This context's declaration of one of its verbs: the action it calls and the words it takes. */
    protected Verbs.Info declared(String name) {
        Verbs.of(getClass(), name)
    }

    /** The API parameters for one call of {@code verb}: {@code fixed} first, then what was typed, each word read by the verb's declaration. */
    protected Map<String, Object> params(Verbs.Info verb, Map args, Map<String, Object> fixed = [:]) {
        Operation op = session.ops.model.requireOperation(verb.action)
        Map<String, Object> out = new LinkedHashMap<>(fixed)
        args.each { k, v ->
            String api = verb.word(op, k as String).parameter
            // words the verb handles itself (count, a filter) are its own business, taken out before
            if (api == null) throw new IllegalStateException("${verb.name} passed its own word '${k}' as a parameter")
            out[api] = v
        }
        out.collectEntries { String api, Object v -> [api, shaped(op.param(api).orElse(null), v)] } as Map<String, Object>
    }

    /** Calls the verb's own action with these parameters as they are. */
    protected Map<String, Object> perform(Verbs.Info verb, Map<String, ?> params) {
        session.ops.call(verb.action, params)
    }

    protected Map<String, Object> send(Verbs.Info verb, Map args, Map<String, Object> fixed = [:]) {
        perform(verb, params(verb, args, fixed))
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
    protected Object required(Verbs.Info verb, Map args, String key, String example) {
        params(verb, args)
        if (args[key] == null) throw new IllegalArgumentException("${verb.name}: ${key}: is missing, e.g. ${example}")
        args[key]
    }

    /**
     * The one check of {@code pageSize:} for every listing that pages (instances, volumes, network
     * interfaces): a whole number within the model's MaxResults range, said in the verb's words when
     * it is not (before anything is sent). {@code what} names the items ('instances').
     */
    protected static long pageSize(String verb, Operation op, Object value, String what) {
        BigDecimal min = op.param('MaxResults').flatMap { it.min() }.orElse(null)
        BigDecimal max = op.param('MaxResults').flatMap { it.max() }.orElse(null)
        BigDecimal n = value instanceof Number ? new BigDecimal(value.toString()) : null
        if (n == null || n.stripTrailingZeros().scale() > 0 || (min != null && n < min) || (max != null && n > max)) {
            throw new IllegalArgumentException("${verb} pageSize: ${value instanceof Number ? value : 'a ' + (value?.getClass()?.simpleName ?: 'null')} " +
                "must be a whole number from ${min?.toPlainString() ?: 1} to ${max?.toPlainString() ?: 'any'} (${what} a call, MaxResults)")
        }
        n.longValue()
    }
}
