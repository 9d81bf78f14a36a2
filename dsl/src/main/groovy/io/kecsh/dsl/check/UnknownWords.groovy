package io.kecsh.dsl.check

import io.kecsh.dsl.engine.Verbs
import io.kecsh.dsl.ide.DslClasses
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

import java.lang.reflect.Method

/**
 * What to say when a script calls a word a block does not have ({@code instances { launch … }},
 * {@code instances.select(name: …)}) or calls a verb with arguments it does not take
 * ({@code instances.list(max: 100)}): the block by the word a user types, never its Java class,
 * and the verbs it does have — the closest ones, or a word people bring from other tools
 * ({@link #FAMILIAR}), or else all of them. Values given are never echoed (one may be a secret):
 * only the names of named arguments and the kinds of the others.
 */
final class UnknownWords {
    /**
     * Verbs other clouds' tools and SQL use, and the kecsh verb that does that job; offered only
     * where that verb exists and no kecsh word is spelt close to what was typed.
     */
    private static final Map<String, List<String>> FAMILIAR = [
        launch : ['run'], create: ['run'], new: ['run'], provision: ['run'],
        delete : ['terminate', 'delete'], destroy: ['terminate', 'delete'], remove: ['terminate', 'delete'], kill: ['terminate'],
        select : ['where'], filter: ['where'], find: ['where'], query: ['where'],
        describe: ['list', 'where'], get: ['list', 'where'], ls: ['list'], show: ['list'],
        restart: ['reboot'], shutdown: ['stop'], halt: ['stop'], boot: ['start'],
        upload : ['importKey'], bind: ['attach'], unbind: ['detach'],
    ].asImmutable()

    private UnknownWords() {
    }

    /** A context class a script reaches as a block or a property: its word ({@code instances}); null for any other class. */
    static String blockWord(Class<?> type) {
        if (type == null || !DslClasses.isContext(type)) return null
        for (Class<?> c : DslClasses.reachable()) {
            for (Method m : DslClasses.dslMethods(c)) {
                if (DslClasses.delegates(m).values().contains(type)) return m.name
                if (m.name.startsWith('get') && m.name.length() > 3 && m.parameterCount == 0 && m.returnType == type) {
                    return m.name.substring(3).uncapitalize()
                }
            }
        }
        null
    }

    /** {@code instances { } has no verb 'launch' (did you mean run?)}, or how the verb is called when only the arguments are wrong. */
    static String method(Class<?> type, String block, String name, Object[] arguments) {
        List<Method> forms = DslClasses.dslMethods(type).findAll { Method m -> m.name == name }
        if (forms.isEmpty()) return unknown(type, block, name)
        String given = arguments == null ? '' : arguments.collect { Object it -> shown(it) }.join(', ')
        "${block} { } ${UserText.shown(name)}(${given}): ${name} takes " + forms.collect { Method m -> form(m) }.unique().join(' or ')
    }

    /** {@code instances { launch }}: a bare word the block does not have. */
    static String property(Class<?> type, String block, String name) {
        unknown(type, block, name)
    }

    private static String unknown(Class<?> type, String block, String name) {
        List<String> words = words(type)
        List<String> close = Suggestions.closest(name, words)
        if (close.isEmpty()) close = (FAMILIAR[name.toLowerCase(Locale.ROOT)] ?: []).findAll { it in words }.take(1)
        String hint = close.isEmpty() ? "; its words: ${words.join(', ')}" : "; did you mean ${Suggestions.orList(close)}?"
        "${block} { } has no verb '${UserText.shown(name)}'${hint}"
    }

    /** The verbs first, then the block's other words (waitUntil, the nested blocks), each once; no getters. */
    static List<String> words(Class<?> type) {
        List<String> out = new ArrayList<>(Verbs.of(type).keySet())
        for (Method m : DslClasses.dslMethods(type)) {
            if (!(m.name.startsWith('get') || m.name.startsWith('set') || m.name.startsWith('is')) && !out.contains(m.name)) out << m.name
        }
        out
    }

    /** How a verb is written: {@code no arguments}, {@code (name: value…, '…')}, {@code ({ … })}. */
    private static String form(Method m) {
        if (m.parameterCount == 0) return 'no arguments'
        '(' + m.parameterTypes.collect { Class<?> p ->
            Map.isAssignableFrom(p) ? 'name: value…' : CharSequence.isAssignableFrom(p) ? "'…'" : Closure.isAssignableFrom(p) ? '{ … }' : '…'
        }.join(', ') + ')'
    }

    /** An argument as the message shows it: the names of named arguments, never a value. */
    private static String shown(Object argument) {
        if (argument == null) return 'null'
        if (argument instanceof Map) return ((Map<?, ?>) argument).keySet().collect { "${UserText.shown(String.valueOf(it))}: …" }.join(', ')
        if (argument instanceof Closure) return '{ … }'
        if (argument instanceof CharSequence) return "'…'"
        argument.getClass().simpleName
    }
}
