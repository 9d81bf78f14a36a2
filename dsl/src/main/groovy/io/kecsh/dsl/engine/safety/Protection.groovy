package io.kecsh.dsl.engine.safety

import groovy.transform.CompileStatic
import io.kecsh.dsl.error.Target
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText
import java.util.regex.Pattern

/**
 * One {@code protect} rule: {@code protect name: ~/^prod-/}, {@code protect id: 'i-…'},
 * {@code protect type: ~/^C4/, kind: 'instance', reason: 'the build farm'}. Every criterion given
 * must match (a string exactly, a pattern anywhere, a list any of its items); separate rules add up.
 */
@CompileStatic
class Protection {
    static final Set<String> CRITERIA = ['id', 'name', 'type', 'kind'] as Set<String>

    final Map<String, Object> criteria
    final String reason

    Protection(Map<String, ?> given) {
        Map<String, Object> c = new LinkedHashMap<String, Object>()
        String why = null
        given.each { Object k, Object v ->
            String key = k as String
            if (key == 'reason') { why = v as String; return }
            if (!CRITERIA.contains(key)) {
                throw new IllegalArgumentException("protect: unknown criterion ${UserText.quoted(key)}${Suggestions.didYouMean(key, CRITERIA + ['reason'])}; " +
                    "criteria: ${(CRITERIA + ['reason']).join(', ')}")
            }
            c[key] = v
        }
        if (c.isEmpty()) throw new IllegalArgumentException("protect: give at least one of ${CRITERIA.join(', ')}, e.g. protect name: ~/^prod-/")
        this.criteria = Collections.unmodifiableMap(c)
        this.reason = why
    }

    boolean matches(Target t) {
        criteria.every { String k, Object wanted -> matches(wanted, value(t, k)) }
    }

    /** True when deciding needs something kecsh could not look up (a name or type). */
    boolean needs(Target t) {
        criteria.keySet().any { String k -> value(t, k) == null }
    }

    private static String value(Target t, String key) {
        switch (key) {
            case 'id': return t.id
            case 'name': return t.name
            case 'type': return t.type
            default: return t.kind
        }
    }

    private static boolean matches(Object wanted, String actual) {
        if (actual == null) return false
        if (wanted instanceof Pattern) return ((Pattern) wanted).matcher(actual).find()
        if (wanted instanceof Collection) return ((Collection) wanted).any { Object w -> matches(w, actual) }
        String.valueOf(wanted) == actual
    }

    /** {@code name: ~/^prod-/ (the production fleet)} */
    @Override
    String toString() {
        criteria.collect { String k, Object v -> "${k}: ${v instanceof Pattern ? "~/${v}/" : v instanceof CharSequence ? "'${v}'" : v}" }.join(', ') +
            (reason ? " (${reason})" : '')
    }
}
