package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.retry.RetryPolicy
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.waiter.WaitOptions

/**
 * Operations that pass everything to the ones they wrap (as Guava's forwarding collections do): a
 * wrapper overrides only what it adds to (the guard, the audit log, the rate limit), and a region
 * or retry change keeps it wrapped through {@link #wrap}. One place for the forwarding, so a
 * method added to {@link CloudOperations} cannot be forgotten by one wrapper (regionFor was).
 */
@CompileStatic
abstract class ForwardingOperations implements CloudOperations {
    final CloudOperations delegate

    protected ForwardingOperations(CloudOperations delegate) {
        this.delegate = delegate
    }

    /** This wrapper around other operations (the same ones in another region, or with another retry policy). */
    protected abstract CloudOperations wrap(CloudOperations inner)

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
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
        wrap(delegate.inRegion(region))
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
        wrap(delegate.withRetry(policy))
    }
}
