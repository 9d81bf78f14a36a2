package io.kecsh.dsl.ide

import groovy.transform.CompileStatic
import io.kecsh.dsl.CloudScript
import io.kecsh.dsl.engine.ServiceProxy
import io.kecsh.dsl.engine.Verbs

import java.lang.reflect.Method
import java.lang.reflect.Modifier

/**
 * The DSL's classes as an IDE sees them, found from {@link CloudScript} by following what its
 * blocks delegate to and what its getters return — never a hand-kept list.
 */
@CompileStatic
final class DslClasses {
    private DslClasses() {
    }

    /** CloudScript, then every context reachable from it (by @DelegatesTo or a getter), in a stable order. */
    static List<Class<?>> reachable() {
        LinkedHashSet<Class<?>> seen = new LinkedHashSet<>()
        Deque<Class<?>> todo = new ArrayDeque<>([CloudScript] as List<Class<?>>)
        while (!todo.isEmpty()) {
            Class<?> c = todo.poll()
            if (!seen.add(c)) continue
            dslMethods(c).each { Method m ->
                delegates(m).values().each { todo << it }
                if (m.name.startsWith('get') && m.parameterCount == 0 && isContext(m.returnType)) todo << m.returnType
            }
        }
        new ArrayList<>(seen)
    }

    /** A class whose methods are DSL words: it declares verbs or takes blocks. */
    static boolean isContext(Class<?> c) {
        c != ServiceProxy && c.name.startsWith('io.kecsh.dsl.') && (!Verbs.of(c).isEmpty() || c.declaredMethods.any { Method m -> !delegates(m).isEmpty() })
    }

    /** The public methods a script can call on this class (not Groovy's or Script's plumbing). */
    static List<Method> dslMethods(Class<?> c) {
        c.methods.findAll { Method m ->
            Modifier.isPublic(m.modifiers) && !Modifier.isStatic(m.modifiers) && !m.synthetic && !m.name.contains('$') &&
                m.declaringClass.name.startsWith('io.kecsh.dsl.') && !(m.name in ['getMetaClass', 'setMetaClass', 'invokeMethod',
                'getProperty', 'setProperty', 'methodMissing', 'propertyMissing', 'run', 'getKecshSession'])
        }.sort { Method a, Method b -> a.name <=> b.name ?: a.parameterCount <=> b.parameterCount } as List<Method>
    }

    /** Parameter index → the class its @DelegatesTo names, for the closure parameters that have one. */
    static Map<Integer, Class<?>> delegates(Method m) {
        Map<Integer, Class<?>> out = [:]
        for (int i = 0; i < m.parameterCount; i++) {
            DelegatesTo d = (DelegatesTo) m.parameterAnnotations[i].find { it instanceof DelegatesTo }
            if (d != null && d.value() != DelegatesTo.Target) out[i] = d.value()
        }
        out
    }
}
