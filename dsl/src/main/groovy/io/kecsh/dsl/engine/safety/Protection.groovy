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

    /** What makes a pattern's verdict depend on the text after a match: its end, a word boundary, a lookaround. */
    private static final Pattern LOOKS_AHEAD = Pattern.compile('\\$|\\\\[bBzZG]|\\(\\?[=!<]')

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

    /**
     * True when every resource of this kind that a selection with these literal criteria can choose
     * is protected by this rule ({@code where name: ~/^db-/} under {@code protect name: ~/^db-/}):
     * the call can only be refused. Only what can be proven counts; a criterion the selection does
     * not state, or patterns that cannot be compared, make it false (the check at the call remains).
     */
    boolean coversAll(String kind, Map<String, ?> selection) {
        criteria.every { String k, Object wanted ->
            if (k == 'kind') return matches(wanted, kind)
            Object chosen = selection == null ? null : selection[k]
            chosen != null && implies(chosen, wanted)
        }
    }

    private static boolean implies(Object chosen, Object wanted) {
        if (chosen instanceof Collection) return !((Collection) chosen).isEmpty() && ((Collection) chosen).every { Object c -> implies(c, wanted) }
        if (chosen instanceof Pattern) return patternImplies((Pattern) chosen, wanted)
        matches(wanted, String.valueOf(chosen))
    }

    /**
     * Whether every text a pattern finds is matched by {@code wanted}: the same pattern, or a
     * pattern that finds within the literal start every chosen text has ({@code ^db-prod} starts
     * with {@code db-prod}, which {@code ~/^db-/} finds). Patterns that look at what follows
     * ({@code $}, {@code \b}, lookarounds) are not compared.
     */
    private static boolean patternImplies(Pattern chosen, Object wanted) {
        if (wanted instanceof Collection) return ((Collection) wanted).any { Object w -> patternImplies(chosen, w) }
        if (!(wanted instanceof Pattern)) return false
        Pattern w = (Pattern) wanted
        if (w.pattern() == chosen.pattern() && w.flags() == chosen.flags()) return true
        String prefix = literalStart(chosen)
        prefix != null && !LOOKS_AHEAD.matcher(w.pattern()).find() && w.matcher(prefix).find()
    }

    /** {@code ^db-prod.*} → {@code db-prod}: the text every match starts with; null when there is none to rely on. */
    private static String literalStart(Pattern p) {
        String s = p.pattern()
        if (p.flags() != 0 || !s.startsWith('^') || s.contains('|')) return null
        StringBuilder out = new StringBuilder()
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i)
            if ('\\.[]{}()*+?^$'.indexOf((int) c) >= 0) {
                // a quantifier may make the last literal optional
                if ('*?{'.indexOf((int) c) >= 0 && out.length() > 0) out.setLength(out.length() - 1)
                break
            }
            out.append(c)
        }
        out.length() > 0 ? out.toString() : null
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
        describe(criteria) + (reason ? " (${reason})" : '')
    }

    /** Criteria as a script writes them: {@code name: ~/^prod-/, kind: 'instance'}. */
    static String describe(Map<String, ?> criteria) {
        criteria.collect { String k, Object v -> "${k}: ${written(v)}" }.join(', ')
    }

    private static String written(Object v) {
        if (v instanceof Pattern) return "~/${v}/"
        if (v instanceof CharSequence) return "'${v}'"
        if (v instanceof Collection) return '[' + ((Collection) v).collect { Object i -> written(i) }.join(', ') + ']'
        String.valueOf(v)
    }
}
