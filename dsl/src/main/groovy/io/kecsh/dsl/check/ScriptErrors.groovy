package io.kecsh.dsl.check

import io.kecsh.dsl.engine.internal.CallFailures
import io.kecsh.dsl.error.BatchException
import io.kecsh.runtime.error.KecshException
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText
import io.kecsh.runtime.validate.ValidationException

import java.lang.reflect.Method
import java.lang.reflect.Modifier

/**
 * What a failure says to the person who ran the script: kecsh's own errors as they are, Groovy's
 * "no such method/property" as one line with a "did you mean" instead of Groovy's multi-line
 * "Possible solutions" with closure class names, anything else as {@code Type: message}.
 */
final class ScriptErrors {
    /** Names every Groovy object has; never worth suggesting in a script. */
    private static final Set<String> INTERNAL = ['getMetaClass', 'setMetaClass', 'invokeMethod', 'getProperty', 'setProperty',
        'methodMissing', 'propertyMissing', 'getClass', 'run', 'main', 'getBinding', 'setBinding', 'evaluate', 'wait',
        'notify', 'notifyAll', 'hashCode', 'equals', 'toString', 'getKecshSession', 'print', 'printf', 'println'] as Set

    private ScriptErrors() {
    }

    /** The failure worth showing: wrappers (reflection, Groovy's invoker) peeled off. */
    static Throwable unwrap(Throwable e) {
        CallFailures.unwrap(e)
    }

    /** How much of a foreign exception's first line a message quotes. */
    private static final int MAX_FOREIGN = 300
    /** How long one of kecsh's own one-line messages may get when it quotes a huge value. */
    private static final int MAX_OWN = 2000

    /**
     * One line (several for a validation report with several problems) that says what went wrong.
     * Names and messages may carry what the script gave (a method name with an ESC in it, a value
     * echoed by Groovy): control characters are escaped and foreign text cut ({@link UserText});
     * only the line breaks between a report's problems stay.
     */
    static String message(Throwable e) {
        Throwable shown = unwrap(e)
        if (shown instanceof MissingMethodException) return missingMethod((MissingMethodException) shown)
        if (shown instanceof MissingPropertyException) return missingProperty((MissingPropertyException) shown)
        // A report (one problem a line) keeps its lines; its values were escaped where it was written.
        if (shown instanceof ValidationException || shown instanceof BatchException) return UserText.escapedLines(shown.message)
        // Any other message is one line, whatever value it quotes.
        if (shown instanceof KecshException || shown instanceof IllegalArgumentException || shown instanceof IllegalStateException) {
            return shown.message == null ? shown.class.simpleName : UserText.shown(shown.message, MAX_OWN)
        }
        "${shown.class.simpleName}: ${UserText.shown(firstLine(shown.message), MAX_FOREIGN)}"
    }

    private static String missingMethod(MissingMethodException e) {
        String block = UnknownWords.blockWord(e.type)
        if (block != null) return UnknownWords.method(e.type, block, e.method, e.arguments)
        List<String> names = e.type == null ? [] : e.type.methods.findAll { Method m -> usable(m) }*.name.unique()
        String where = e.type == null || Script.isAssignableFrom(e.type) ? '' : " on ${describe(e.type)}"
        String given = e.arguments ? e.arguments.collect { it == null ? 'null' : it instanceof Closure ? '{ … }' : it.getClass().simpleName }.join(', ') : ''
        "${UserText.shown(e.method)}(${given}): no such method${where}${Suggestions.didYouMean(e.method, names)}"
    }

    private static String missingProperty(MissingPropertyException e) {
        String block = UnknownWords.blockWord(e.type)
        if (block != null) return UnknownWords.property(e.type, block, e.property)
        List<String> names = e.type == null ? [] : e.type.methods.findAll { Method m ->
            usable(m) && m.name.startsWith('get') && m.name.length() > 3 && m.parameterCount == 0
        }.collect { it.name.substring(3).uncapitalize() }
        String where = e.type == null || Script.isAssignableFrom(e.type) ? ' (not a variable of the script, nor a DSL name)' : " of ${describe(e.type)}"
        "${UserText.shown(e.property)}: no such property${where}${Suggestions.didYouMean(e.property, names)}"
    }

    private static boolean usable(Method m) {
        Modifier.isPublic(m.modifiers) && !m.synthetic && !INTERNAL.contains(m.name) && !m.name.contains('$') &&
            m.declaringClass != Object && m.declaringClass != GroovyObject
    }

    private static String describe(Class<?> type) {
        type.simpleName ?: type.name
    }

    private static String firstLine(String s) {
        s == null ? '' : s.readLines().find { it.trim() } ?: ''
    }
}
