package io.kecsh.dsl.result

import io.kecsh.dsl.error.ExpectationException
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

/**
 * Guards on a selection before a script acts on it: {@code expect count: 3},
 * {@code expect atLeast: 1, atMost: 10}, {@code expect nonEmpty: true}. A miss is one line naming
 * what was expected and what was found (up to {@link #SHOWN} of them by name and ID).
 */
final class Expectations {
    static final List<String> WORDS = ['count', 'atLeast', 'atMost', 'nonEmpty']
    static final int SHOWN = 10

    private Expectations() {
    }

    /**
     * Checks {@code items} (anything with an id and, maybe, a name) against the guard; returns nothing,
     * throws {@link ExpectationException} on a miss and IllegalArgumentException on a wrong guard.
     */
    static void check(String what, List items, Map guard) {
        if (!guard) throw new IllegalArgumentException("expect: say what to expect, e.g. expect count: 3 (takes ${WORDS.join(', ')})")
        guard.each { k, v ->
            String word = k as String
            if (!WORDS.contains(word)) {
                throw new IllegalArgumentException("expect: unknown word ${UserText.quoted(word)}${Suggestions.didYouMean(word, WORDS)}; expect takes ${WORDS.join(', ')}")
            }
            if (word == 'nonEmpty' ? !(v instanceof Boolean) : !(v instanceof Integer || v instanceof Long) || (v as long) < 0) {
                throw new IllegalArgumentException("expect ${word}: ${UserText.quoted(String.valueOf(v))} is not allowed; give ${word == 'nonEmpty' ? 'true or false' : 'a whole number, 0 or more'}")
            }
        }
        int n = items.size()
        String miss = null
        if (guard.count != null && n != (guard.count as int)) miss = "count: ${guard.count}"
        else if (guard.atLeast != null && n < (guard.atLeast as int)) miss = "atLeast: ${guard.atLeast}"
        else if (guard.atMost != null && n > (guard.atMost as int)) miss = "atMost: ${guard.atMost}"
        else if (guard.nonEmpty == true && n == 0) miss = 'nonEmpty: true'
        if (miss == null) return
        List<String> ids = items.collect { idOf(it) }
        throw new ExpectationException("expect ${miss}: found ${n} ${what}${n ? ': ' + shown(items) : ''}; nothing after the guard was done",
            ids, new LinkedHashMap<String, Object>(guard))
    }

    private static String shown(List items) {
        List<String> names = items.take(SHOWN).collect { Object it ->
            String id = idOf(it)
            String name = it.hasProperty('name') ? it.name as String : null
            UserText.shown(name && name != id ? "${name} (${id})".toString() : id, 120)
        }
        names.join(', ') + (items.size() > SHOWN ? " and ${items.size() - SHOWN} more" : '')
    }

    private static String idOf(Object item) {
        if (item instanceof Map) return (item.id ?: item.toString()) as String
        item.hasProperty('id') ? item.id as String : String.valueOf(item)
    }
}
