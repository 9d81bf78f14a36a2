package io.kecsh.dsl.engine.safety

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.retry.RetryPolicy
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.waiter.WaitOptions

/**
 * The outermost {@link CloudOperations} of a session: every destructive call passes the session's
 * {@link Safety} before it goes further. Living on the seam (not in the verbs) is what makes the
 * fallback ({@code kec.TerminateInstances}, {@code kms.ReleaseKmsInstance}) as guarded as
 * {@code instances { terminate() }}.
 */
@CompileStatic
class GuardedOperations implements CloudOperations {
    final CloudOperations delegate
    final Safety safety

    GuardedOperations(CloudOperations delegate, Safety safety) {
        this.delegate = delegate
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
    Iterable<Map<String, Object>> pages(String action, Map<String, ?> params) {
        delegate.pages(action, params)
    }

    @Override
    Map<String, Object> waitFor(String waiter, Map<String, ?> params, WaitOptions options) {
        delegate.waitFor(waiter, params, options)
    }

    @Override
    ServiceModel getModel() {
        delegate.model
    }

    @Override
    CloudOperations inRegion(String region) {
        new GuardedOperations(delegate.inRegion(region), safety)
    }

    @Override
    OpenValueRule.Verdict judgeRegion(String region) {
        delegate.judgeRegion(region)
    }

    @Override
    String getRegion() {
        delegate.region
    }

    @Override
    String regionFor(String service) {
        delegate.regionFor(service)
    }

    @Override
    LiveCatalogue getCatalogue() {
        delegate.catalogue
    }

    @Override
    CloudOperations withRetry(RetryPolicy policy) {
        new GuardedOperations(delegate.withRetry(policy), safety)
    }
}
