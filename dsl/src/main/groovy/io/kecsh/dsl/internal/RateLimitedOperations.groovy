package io.kecsh.dsl.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.CloudOperations
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.retry.RetryPolicy
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.waiter.WaitOptions

/**
 * Operations whose calls, and each page of a listing, first take a slot from {@link EndpointRates}
 * for their endpoint (service and region). A waiter's polls are spaced by its own interval.
 */
@CompileStatic
class RateLimitedOperations implements CloudOperations {
    final CloudOperations delegate
    final EndpointRates rates

    RateLimitedOperations(CloudOperations delegate, EndpointRates rates) {
        this.delegate = delegate
        this.rates = rates
    }

    private String endpoint(String action) {
        Operation op = delegate.model.requireOperation(action)
        "${op.serviceName()} ${delegate.region}".toString()
    }

    @Override
    Map<String, Object> call(String action, Map<String, ?> params) {
        rates.acquire(endpoint(action))
        delegate.call(action, params)
    }

    @Override
    Iterable<Map<String, Object>> pages(String action, Map<String, ?> params) {
        String endpoint = endpoint(action)
        Iterable<Map<String, Object>> inner = delegate.pages(action, params)
        // a listing fetches its next page when asked whether there is one: the slot is taken then
        return { ->
            Iterator<Map<String, Object>> it = inner.iterator()
            boolean[] slotTaken = [false] as boolean[]
            [hasNext: { ->
                if (!slotTaken[0]) { rates.acquire(endpoint); slotTaken[0] = true }
                it.hasNext()
            },
             next   : { ->
                 Map<String, Object> page = it.next()
                 slotTaken[0] = false
                 page
             }] as Iterator<Map<String, Object>>
        } as Iterable<Map<String, Object>>
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
        new RateLimitedOperations(delegate.inRegion(region), rates)
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
        new RateLimitedOperations(delegate.withRetry(policy), rates)
    }
}
