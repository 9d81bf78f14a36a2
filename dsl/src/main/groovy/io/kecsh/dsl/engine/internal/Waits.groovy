package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.dsl.result.WaitStates
import io.kecsh.runtime.model.Waiter
import io.kecsh.runtime.text.UserText
import io.kecsh.runtime.waiter.WaitOptions
import io.kecsh.runtime.waiter.WaitProgress
import java.time.Duration
import java.util.function.Consumer

/** The DSL's waits: a state name to the model's waiter, options to WaitOptions, progress to the session. */
@CompileStatic
final class Waits {
    /** What a person says → the waiter in the model's waiters.json. */
    static final Map<String, String> INSTANCE_WAITERS = WaitStates.of(WaitStates.INSTANCE)

    private Waits() {
    }

    static List<InstanceInfo> forInstances(KecshSession session, List<String> ids, String state, Map options) {
        String waiterName = INSTANCE_WAITERS[state]
        if (waiterName == null) {
            throw new IllegalArgumentException(WaitStates.unknown(state, INSTANCE_WAITERS.keySet()))
        }
        Waiter waiter = waiter(session, waiterName)
        Map<String, Object> last = session.ops.waitFor(waiterName, [InstanceId: ids] as Map<String, Object>, waitOptions(session, waiter, options))
        ((List<Map<String, Object>>) (last.InstancesSet ?: [])).collect { InstanceInfo.from(it) }
    }

    static Waiter waiter(KecshSession session, String name) {
        session.ops.model.services().collect { it.waiter(name).orElse(null) }.find { it != null } as Waiter
    }

    /** timeout:/interval: as Duration, number of seconds, or '90s' / '10m' / '2h'; progress lines to the session. */
    static WaitOptions waitOptions(KecshSession session, Waiter waiter, Map options) {
        WaitOptions base = WaitOptions.defaultsFor(waiter).withTimeout(session.waitTimeout)
        if (options.timeout != null) base = base.withTimeout(duration(options.timeout, 'timeout'))
        if (options.interval != null) base = base.withInterval(duration(options.interval, 'interval'))
        // stamped with the region the waiter's polls go to (a KMS wait's is the Alibaba region)
        String service = session.ops.model.requireOperation(waiter.operation()).serviceName()
        base.withProgress({ WaitProgress p -> session.progress(service, p.toString()) } as Consumer<WaitProgress>)
    }

    static Duration duration(Object value, String what) {
        if (value instanceof Duration) return (Duration) value
        if (value instanceof Number) return Duration.ofMillis(Math.round(((Number) value).doubleValue() * 1000))
        String s = String.valueOf(value).trim()
        def m = s =~ /^(\d+)\s*(ms|s|m|h)$/
        if (!m.matches()) throw new IllegalArgumentException("${what}: ${UserText.quoted(s)} is not a duration; use seconds, a Duration, or 90s / 10m / 2h")
        long n = Long.parseLong(m.group(1))
        switch (m.group(2)) {
            case 'ms': return Duration.ofMillis(n)
            case 's': return Duration.ofSeconds(n)
            case 'm': return Duration.ofMinutes(n)
            default: return Duration.ofHours(n)
        }
    }
}
