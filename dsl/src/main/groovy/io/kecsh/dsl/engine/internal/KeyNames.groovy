package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

/**
 * {@code key: 'laptop'} or {@code keys: ['laptop', id]}: SSH key names → their IDs through sks
 * DescribeKeys (key names are unique in an account); an ID is sent as it is.
 */
@CompileStatic
final class KeyNames {
    private static final String UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/

    private KeyNames() {
    }

    /** The same form as given (one value or a list), names replaced by IDs. */
    static Object resolve(KecshSession session, String verb, Object given) {
        if (given == null) return null
        List<String> values = (given instanceof Collection ? (given as Collection) : [given]).collect { it as String }
        List<String> names = values.findAll { !(it ==~ UUID) }
        if (names.isEmpty()) return given
        Map<String, String> ids = [:]
        for (Map<String, Object> page : session.ops.pages('DescribeKeys', [:])) {
            ((List<Map<String, Object>>) (page?.KeySet ?: [])).each { ids[it.KeyName as String] = it.KeyId as String }
        }
        List<String> resolved = values.collect { String v ->
            if (v ==~ UUID) return v
            String id = ids[v]
            if (id == null) {
                throw new IllegalArgumentException("${verb}: no SSH key ${UserText.quoted(v)}${Suggestions.didYouMean(v, ids.keySet())}; " +
                    "keys: ${ids ? new TreeSet<String>(ids.keySet()).join(', ') : 'none (create one with keys { create … })'}")
            }
            id
        }
        given instanceof Collection ? resolved : resolved[0]
    }
}
