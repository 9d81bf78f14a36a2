package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic

import java.util.concurrent.ConcurrentHashMap

/**
 * At most {@code perSecond} calls a second to each endpoint (a service in a region:
 * {@code kec cn-beijing-6}), however many threads of a {@code parallel} block call it: each call takes
 * the next free slot of its endpoint and waits for it. Spacing calls evenly, rather than letting a
 * burst through, is what keeps a fleet-wide run under the service's throttling.
 */
@CompileStatic
final class EndpointRates {
    private final long intervalNanos
    private final Map<String, Long> nextSlot = new ConcurrentHashMap<>()

    EndpointRates(double perSecond) {
        if (!(perSecond > 0)) throw new IllegalArgumentException("parallel perSecond: ${perSecond} is not allowed; give a number above 0 (calls a second to each endpoint)")
        this.intervalNanos = (long) (1_000_000_000d / perSecond)
    }

    /** Waits until the endpoint may be called again, and takes that slot. */
    void acquire(String endpoint) {
        long now = System.nanoTime()
        long slot = 0
        nextSlot.compute(endpoint) { String k, Long next ->
            slot = next == null || next < now ? now : next
            slot + intervalNanos
        }
        long wait = slot - now
        if (wait > 0) {
            try {
                Thread.sleep(wait.intdiv(1_000_000L) as long, (int) (wait % 1_000_000L))
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt()
                throw new IllegalStateException('interrupted while waiting for a call slot', e)
            }
        }
    }
}
