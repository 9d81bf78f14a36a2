package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.ForwardingOperations
import io.kecsh.runtime.model.Operation

/**
 * Operations whose calls, and each page of a listing, first take a slot from {@link EndpointRates}
 * for their endpoint (service and region). A waiter's polls are spaced by its own interval.
 */
@CompileStatic
class RateLimitedOperations extends ForwardingOperations {
    final EndpointRates rates

    RateLimitedOperations(CloudOperations delegate, EndpointRates rates) {
        super(delegate)
        this.rates = rates
    }

    private String endpoint(String action) {
        Operation op = delegate.model.requireOperation(action)
        "${op.serviceName()} ${delegate.regionFor(op.serviceName())}".toString()   // KMS and BSS: the Alibaba endpoint
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
    protected CloudOperations wrap(CloudOperations inner) {
        new RateLimitedOperations(inner, rates)
    }
}
