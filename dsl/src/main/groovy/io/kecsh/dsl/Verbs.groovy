package io.kecsh.dsl

import groovy.transform.CompileStatic
import groovy.transform.Immutable

import java.lang.reflect.Method

/** The {@link Verb} declarations of a context class, read once per class. */
@CompileStatic
final class Verbs {
    /** One verb: its name, action, own name mapping, the keys it handles itself, and its filters. */
    @Immutable
    static final class Info {
        String name
        String action
        Map<String, String> names
        List<String> own
        Map<String, String> filters

        /** Keys that are not API parameters: the verb's own, its mapped names and its filters. */
        List<String> extraKeys() {
            (own + (names.keySet() as List<String>) + (filters.keySet() as List<String>)).unique()
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
            out[m.name] = new Info(name: m.name, action: v.action(), names: pairs(v.names()), own: v.own().toList(),
                filters: pairs(v.filters()))
        }
        Collections.unmodifiableMap(out)
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
