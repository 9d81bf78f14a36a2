package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.runtime.model.Member
import io.kecsh.runtime.model.Operation

/** How much one call may carry, read from the model (never re-typed): a list's maxItems, a count's max. */
@CompileStatic
final class Limits {
    private Limits() {
    }

    /** The most items the list parameter takes in one call; unbounded when the model sets no limit. */
    static int items(Operation op, String param) {
        Member m = op.params().get(param)
        m?.maxItems()?.orElse(Integer.MAX_VALUE) ?: Integer.MAX_VALUE
    }

    /** The largest value the numeric parameter takes (RunInstances' MaxCount: instances a call). */
    static int largest(Operation op, String param) {
        Member m = op.params().get(param)
        if (m == null || !m.max().isPresent()) throw new IllegalStateException("the model gives ${op.name()}.${param} no maximum")
        m.max().get().intValueExact()
    }
}
