package io.kecsh.dsl.engine.safety

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.ForwardingOperations
import io.kecsh.runtime.model.Operation

/**
 * The outermost {@link CloudOperations} of a session: every destructive call passes the session's
 * {@link Safety} before it goes further. Living on the seam (not in the verbs) is what makes the
 * fallback ({@code kec.TerminateInstances}, {@code kms.ReleaseKmsInstance}) as guarded as
 * {@code instances { terminate() }}.
 */
@CompileStatic
class GuardedOperations extends ForwardingOperations {
    final Safety safety

    GuardedOperations(CloudOperations delegate, Safety safety) {
        super(delegate)
        this.safety = safety
    }

    /** The same guard around other operations (plan mode slides its planner in under the guard). */
    GuardedOperations around(Closure<CloudOperations> wrap) {
        new GuardedOperations(wrap.call(delegate), safety)
    }

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
        Operation op = delegate.model.requireOperation(action)
        if (op.destructive()) safety.check(op, params, delegate)
        delegate.call(action, params)
    }

    @Override
    protected CloudOperations wrap(CloudOperations inner) {
        new GuardedOperations(inner, safety)
    }
}
