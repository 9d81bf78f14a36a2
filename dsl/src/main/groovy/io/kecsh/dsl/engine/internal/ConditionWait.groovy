package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.plan.Planning
import io.kecsh.runtime.waiter.WaiterException
import java.time.Duration
import java.time.Instant

/** {@code waitUntil { condition }}: polls with growing pauses until it holds or the timeout passes. */
final class ConditionWait {
    private ConditionWait() {
    }

    static def until(KecshSession session, Map options, Closure<Boolean> condition) {
        if (Planning.active(session)) {
            // Plan mode sends no changes, so polling could only run to the timeout: check once.
            session.plan.notes << 'waitUntil { }: checked once, not polled (plan mode)'
            return condition.call()
        }
        Duration timeout = options.timeout != null ? Waits.duration(options.timeout, 'timeout') : session.waitTimeout
        Duration interval = options.interval != null ? Waits.duration(options.interval, 'interval') : Duration.ofSeconds(5)
        Instant start = session.clock.instant()
        Instant deadline = start.plus(timeout)
        Duration pause = interval
        for (int attempt = 1; ; attempt++) {
            def result = condition.call()
            if (result) return result
            Instant t = session.clock.instant()
            if (!t.isBefore(deadline)) {
                throw new WaiterException("waitUntil: the condition did not hold within ${timeout.toSeconds()}s", true, null, null)
            }
            session.progress("waitUntil: attempt ${attempt}, ${Duration.between(start, t).toSeconds()}s of ${timeout.toSeconds()}s")
            Duration left = Duration.between(t, deadline)
            session.sleeper.sleep(pause < left ? pause : left)
            pause = Duration.ofMillis(Math.min((long) (pause.toMillis() * 1.5), Math.max(interval.toMillis(), 30_000L)))
        }
    }
}
