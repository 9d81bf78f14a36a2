package io.kecsh.dsl.engine.internal

import java.lang.reflect.InvocationTargetException
import java.lang.reflect.UndeclaredThrowableException
import org.codehaus.groovy.runtime.InvokerInvocationException

/** The failure a script's call really ended in, taken out of Groovy's and reflection's wrappers. */
final class CallFailures {
    private CallFailures() {
    }

    static Throwable unwrap(Throwable e) {
        Throwable t = e
        while ((t instanceof InvokerInvocationException || t instanceof UndeclaredThrowableException ||
            t instanceof InvocationTargetException) && t.cause != null) {
            t = t.cause
        }
        t
    }
}
