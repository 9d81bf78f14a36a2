package io.kecsh.dsl

import groovy.transform.CompileStatic
import groovy.transform.Immutable

import io.kecsh.runtime.model.EnumValue
import io.kecsh.runtime.model.ServiceModel

import java.lang.reflect.Method

/** The {@link Verb} declarations of a context class, read once per class. */
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
            out[m.name] = new Info(name: m.name, action: v.action(), names: pairs(v.names()), own: v.own().toList() + enumWords(v.ownFrom()),
                filters: pairs(v.filters()), closed: v.closed())
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
