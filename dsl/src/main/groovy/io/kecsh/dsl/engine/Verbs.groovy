package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import groovy.transform.Immutable

import io.kecsh.runtime.model.EnumValue
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

import java.lang.reflect.Method

/**
 * The {@link Verb} declarations of a context class, read once per class, and the one reading of the
 * words a verb takes ({@link Info#word}, {@link Info#words}): the contexts, the compile-time checks,
 * the IDE descriptor, completion and {@code :help} all ask it, so {@code type:} means InstanceType
 * to every one of them.
 */
@CompileStatic
final class Verbs {
    /** One verb: its name, action, own name mapping, the keys it handles itself, its filters, and whether it takes nothing else. */
    @Immutable
    static final class Info {
        String name
        String action
        Map<String, String> names
        List<String> own
        Map<String, String> filters
        boolean closed
        /** Own words that count an API parameter's items, split past its maximum ({@link Verb#counts}). */
        Map<String, String> counts
        /** Own words whose value the verb shapes into an API parameter ({@link Verb#fills}): word → parameter. */
        Map<String, String> fills
        /** The API parameter the selection fills ({@link Verb#selected}), or null. */
        String selected
        /** The API parameter the verb's own argument fills ({@link Verb#argument}), or null. */
        String argument

        /**
         * Why {@code value} is too few for the counting word, from the counted parameter's minimum in
         * the model ({@code count: 0} → "must be at least 1"); null when it is enough or not a count.
         */
        String tooFew(Operation op, String word, Object value) {
            String api = counts[word]
            BigDecimal min = api == null || !(value instanceof Number) ? null : op.param(api).flatMap { it.min() }.orElse(null)
            if (min == null || new BigDecimal(value.toString()) >= min) return null
            "${name} ${word}: ${value} must be at least ${min.toPlainString()} (${api}, split into calls of at most " +
                "${op.param(api).flatMap { it.max() }.map { it.toPlainString() }.orElse('?')})"
        }

        /** Keys that are not API parameters: the verb's own, its mapped names and its filters. */
        List<String> extraKeys() {
            (own + (names.keySet() as List<String>) + (filters.keySet() as List<String>)).unique()
        }

        /**
         * What one typed word means to this verb calling {@code op}: a word the verb handles itself, a
         * filter of a selection, or the API parameter it fills (the verb's own names first, then
         * {@link ParameterNames}: a short form, the API name, or its lower camel). A word the verb
         * does not take is an IllegalArgumentException with the one wording: the word, a "did you
         * mean" and what the verb takes.
         */
        Word word(Operation op, String typed) {
            if (own.contains(typed)) return new Word(typed, Word.Kind.OWN, fills[typed])
            if (!filters.isEmpty()) {
                if (filters.containsKey(typed)) return new Word(typed, Word.Kind.FILTER, filters[typed])
                List<String> keys = extraKeys()
                throw new IllegalArgumentException("${name}: unknown criterion ${UserText.quoted(typed)}${Suggestions.didYouMean(typed, keys)}; " +
                    "criteria: ${keys.join(', ')}")
            }
            if (names.containsKey(typed)) return new Word(typed, Word.Kind.PARAMETER, names[typed])
            if (closed) throw new IllegalArgumentException(ParameterNames.unknownWord(name, typed, extraKeys()))
            new Word(typed, Word.Kind.PARAMETER, ParameterNames.apiName(op, typed, name, extraKeys()))
        }

        /**
         * Every word a person may type for this verb, in the order they are offered: its own, then its
         * filters or its names, then (unless it takes only its own words) the short forms and the
         * other API parameters in lower camel. Each is what {@link #word} makes of it.
         */
        List<Word> words(Operation op) {
            List<String> typed = new ArrayList<>(own)
            if (!filters.isEmpty()) {
                typed.addAll(filters.keySet())
            } else {
                typed.addAll(names.keySet())
                if (!closed) typed.addAll(ParameterNames.friendlyNames(op))
            }
            typed.unique().collect { String w -> word(op, w) }
        }
    }

    /** One word of one verb and what it means there. */
    @Immutable
    static final class Word {
        enum Kind {
            /** The verb handles it itself ({@code count}, {@code where name:}); it is never sent as such. */
            OWN,
            /** A selection's server-side filter; {@link #target} is the filter's name. */
            FILTER,
            /** An API parameter; {@link #target} is its name. */
            PARAMETER
        }

        String word
        Kind kind
        /**
         * The API parameter or filter name; for the verb's own words the parameter it fills once the
         * verb has shaped the value ({@link Verb#fills}), else null.
         */
        String target

        /** The API parameter the word fills, or null when it fills none by itself. */
        String getParameter() {
            kind == Kind.PARAMETER ? target : null
        }
    }

    private static final ClassValue<Map<String, Info>> CACHE = new ClassValue<Map<String, Info>>() {
        @Override
        protected Map<String, Info> computeValue(Class<?> type) {
            read(type)
        }
    }

    private Verbs() {
    }

    /** The verbs of a context class by name (empty for classes without any). */
    static Map<String, Info> of(Class<?> context) {
        CACHE.get(context)
    }

    /** One verb, which must exist (contexts use this for their own declarations). */
    static Info of(Class<?> context, String verb) {
        Info info = of(context)[verb]
        if (info == null) throw new IllegalStateException("${context.simpleName} declares no @Verb ${verb}")
        info
    }

    private static Map<String, Info> read(Class<?> type) {
        Map<String, Info> out = new TreeMap<>()
        for (Method m : type.methods) {
            Verb v = m.getAnnotation(Verb)
            if (v == null) continue
            Map<String, String> fills = pairs(v.fills())
            out[m.name] = new Info(name: m.name, action: v.action(), names: pairs(v.names()),
                own: v.own().toList() + (fills.keySet() as List<String>) + enumWords(v.ownFrom()),
                filters: pairs(v.filters()), closed: v.closed(), counts: pairs(v.counts()), fills: fills,
                selected: v.selected() ?: null, argument: v.argument() ?: null)
        }
        Collections.unmodifiableMap(out)
    }

    /** {@code bss.BssKmsParameterCode} → its values in lower camel, read from the bundled model. */
    static List<String> enumWords(String ownFrom) {
        if (!ownFrom) return []
        int dot = ownFrom.indexOf('.')
        if (dot <= 0) throw new IllegalStateException("@Verb ownFrom '${ownFrom}' is not service.EnumName")
        ServiceModel.bundled().requireService(ownFrom.substring(0, dot)).requireEnum(ownFrom.substring(dot + 1)).values()
            .collect { EnumValue e -> e.value().uncapitalize() }
    }

    private static Map<String, String> pairs(String[] declared) {
        Map<String, String> out = new LinkedHashMap<>()
        declared.each { String p ->
            int eq = p.indexOf('=')
            if (eq <= 0) throw new IllegalStateException("@Verb pair '${p}' is not friendly=ApiName")
            out[p.substring(0, eq)] = p.substring(eq + 1)
        }
        Collections.unmodifiableMap(out)
    }
}
