package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.engine.context.ResourceContext
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.runtime.model.MemberType
import io.kecsh.runtime.model.Operation

import java.util.regex.Pattern

/**
 * Compiles {@code where(...)} criteria into what DescribeInstances can do on the server (Filter.N,
 * InstanceId, ProjectId, Search, Sort) and what only kecsh can do after (a name or type that is a
 * pattern or one of several). The words and their filter names are the {@code where} verb's own
 * declaration ({@link io.kecsh.dsl.engine.Verb#filters}).
 */
final class InstanceCriteria {
    /** where(...) keys that are server-side filters → the filter name each becomes. */
    final Map<String, String> filters
    /** where(...) words that fill a DescribeInstances parameter → the parameter (declared: {@link io.kecsh.dsl.engine.Verb#fills}). */
    final Map<String, String> fills
    /** Every word where(...) takes. */
    final Set<String> words

    InstanceCriteria(Verbs.Info where) {
        this.filters = Collections.unmodifiableMap(new LinkedHashMap<>(where.filters))
        this.fills = Collections.unmodifiableMap(new LinkedHashMap<>(where.fills))
        this.words = Collections.unmodifiableSet((filters.keySet() + where.own) as LinkedHashSet<String>)
    }

    /**
     * The parameters of {@code op} (DescribeInstances) for the criteria, IDs aside (see {@link #ids}):
     * the filters, then each word that fills a parameter, its value written as the parameter takes
     * it (a list, or one text; sort's keys as Name/Value pairs).
     */
    Map<String, Object> request(Map criteria, Operation op) {
        Map<String, Object> params = [:]
        List<Map> filter = []
        filters.each { key, name ->
            if (criteria.containsKey(key)) filter << [Name: name, Value: asList(criteria[key]).collect { it as String }]
        }
        if (filter) params.Filter = filter
        fills.each { String word, String api ->
            Object value = criteria[word]
            if (value == null) return
            params[api] = word == SORT ? sortKeys(value)
                : op.param(api).map { it.type() == MemberType.LIST }.orElse(false) ? asList(value) : value as String
        }
        params
    }

    /** The one word whose value has a shape of its own: {@code sort: 'InstanceName'} or {@code [CreationDate: 'DESC']}. */
    private static final String SORT = 'sort'

    /** {@code id:}/{@code ids:} as ID strings: results and groups of them stand for their IDs. */
    List<String> ids(Map criteria) {
        asList(ResourceContext.plain(criteria.id ?: criteria.ids)).collect { it as String }
    }

    /** Whether an instance the server returned also meets what only kecsh checks: name and type. */
    boolean matches(Map criteria, InstanceInfo instance) {
        fits(criteria.name, instance.name) && fits(criteria.type, instance.type)
    }

    /** {@code sort: 'InstanceName'} (ascending), {@code sort: [CreationDate: 'DESC']}, or a list of either, in order. */
    private static List<Map<String, String>> sortKeys(Object sort) {
        asList(sort).collectMany { Object key ->
            key instanceof Map ? ((Map) key).collect { k, v -> [Name: k as String, Value: v as String] } : [[Name: key as String, Value: 'ASC']]
        } as List<Map<String, String>>
    }

    private static boolean fits(Object wanted, String actual) {
        if (wanted == null) return true
        if (wanted instanceof Pattern) return actual != null && ((Pattern) wanted).matcher(actual).find()
        asList(wanted).any { it as String == actual }
    }

    private static List asList(Object v) {
        v == null ? [] : v instanceof Collection ? new ArrayList((Collection) v) : [v]
    }
}
