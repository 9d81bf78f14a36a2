package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.ForwardingOperations
import io.kecsh.runtime.model.Operation
import io.kecsh.runtime.model.Service
import io.kecsh.runtime.model.Waiter
import io.kecsh.runtime.paginate.Pages
import io.kecsh.runtime.waiter.WaitOptions

/**
 * Operations whose calls, each page of a listing (right before its call, on whichever thread makes it:
 * a page read ahead too), and each call of a waiter's polls first take a
 * slot from {@link EndpointRates} for their endpoint (service and region): a wait on a fleet polls
 * DescribeInstances as often as its interval says, and those calls count against the same limit.
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
        Runnable slot = { -> rates.acquire(endpoint) } as Runnable
        return { ->
            Iterator<Map<String, Object>> walk = null
            // the client's pages take the slot right before each page's call, a page read ahead included
            if (Pages.pacedBy(slot, { -> walk = inner.iterator() } as Runnable)) return walk
            // pages from elsewhere (a plan's view): a slot when asked whether there is a next one, which fetches it
            boolean[] slotTaken = [false] as boolean[]
            [hasNext: { ->
                if (!slotTaken[0]) { slot.run(); slotTaken[0] = true }
                walk.hasNext()
            },
             next   : { ->
                 Map<String, Object> page = walk.next()
                 slotTaken[0] = false
                 page
             }] as Iterator<Map<String, Object>>
        } as Iterable<Map<String, Object>>
    }

    @Override
    Map<String, Object> waitFor(String waiter, Map<String, ?> params, WaitOptions options) {
        String operation = null
        for (Service s : delegate.model.services()) {
            Waiter w = s.waiter(waiter).orElse(null)
            if (w != null) operation = w.operation()
        }
        if (operation == null) return delegate.waitFor(waiter, params, options)   // unknown: the runtime words it
        String endpoint = endpoint(operation)
        delegate.waitFor(waiter, params, options.withBeforeCall({ -> rates.acquire(endpoint) } as Runnable))
    }

    @Override
    protected CloudOperations wrap(CloudOperations inner) {
        new RateLimitedOperations(inner, rates)
    }
}
