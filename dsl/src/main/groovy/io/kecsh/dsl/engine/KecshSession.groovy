package io.kecsh.dsl.engine

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.internal.ProgressStamp
import io.kecsh.dsl.engine.internal.ResourceWaits
import io.kecsh.dsl.engine.internal.Waits
import io.kecsh.dsl.engine.plan.Plan
import io.kecsh.dsl.engine.safety.Safety
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.dsl.result.ResultWaits
import io.kecsh.dsl.result.RunningScript
import io.kecsh.dsl.result.WaitStates
import io.kecsh.runtime.retry.Sleeper
import java.time.Clock
import java.time.Duration
import java.util.function.Consumer

/**
 * What one script run works with: the operations (one region at a time), the defaults, where
 * progress lines go, and how long waits take by default. Results find the session of the script
 * that is running through {@link RunningScript}, so they stay plain serializable data.
 */
@CompileStatic
class KecshSession implements ResultWaits {

    private CloudOperations ops
    private CloudOperations home
    final Defaults defaults
    final Consumer<String> progress
    Duration waitTimeout = Duration.ofMinutes(30)
    /** Time and waiting for waitUntil { }: real by default; a test sandbox's manual clock otherwise. */
    Clock clock = Clock.systemUTC()
    Sleeper sleeper = Sleeper.REAL
    /** protect rules, the confirmer and refuseDestructive: read by the guard on the ops (safety/). */
    Safety safety = new Safety()
    /** The plan being recorded, or null when calls are sent for real. */
    Plan plan

    KecshSession(CloudOperations ops, Defaults defaults, Consumer<String> progress) {
        this.ops = ops
        this.home = ops
        this.defaults = defaults
        this.progress = progress ?: ({ String s -> } as Consumer<String>)
    }

    static KecshSession current() {
        (KecshSession) RunningScript.waits()
    }

    /** The session running on this thread, or null (a {@code parallel} region runs in a session of its own). */
    static KecshSession onThread() {
        (KecshSession) RunningScript.onThread()
    }

    /** Runs the body with this session as the current one (scripts run inside it). */
    def <T> T enter(Closure<T> body) {
        RunningScript.enter(this, body)
    }

    @Override
    List<InstanceInfo> forInstances(List<String> ids, String state, Map options) {
        Waits.forInstances(this, ids, state, options)
    }

    @Override
    Map<String, Object> forResource(String resource, String state, Map<String, Object> params, Map options) {
        ResourceWaits.waitFor(this, WaitStates.of(resource), state, params, options)
    }

    CloudOperations getOps() {
        ops
    }

    CloudOperations getHome() {
        home
    }

    /**
     * Runs the body with the operations wrapped (plan mode), the region kept: both the current
     * regional operations and the home ones are wrapped, and restored afterwards.
     */
    def <T> T withOps(Closure<CloudOperations> wrap, Closure<T> body) {
        CloudOperations savedOps = ops
        CloudOperations savedHome = home
        ops = wrap.call(savedOps)
        home = wrap.call(savedHome)
        try {
            body.call()
        } finally {
            ops = savedOps
            home = savedHome
        }
    }

    String getRegion() {
        ops.region
    }

    /** Switches the Kingsoft region for the rest of the script. */
    void region(String region) {
        ops = home.inRegion(region)
    }

    /** A progress line, stamped with the time (UTC) and the region it concerns: {@code 07:41:03Z [cn-beijing-6] stop: 2 instance(s)}. */
    void progress(String line) {
        progress.accept(ProgressStamp.of(clock, region) + line)
    }

    /** A progress line about calls of one service, stamped with the region they go to (kms, bss: the Alibaba one). */
    void progress(String service, String line) {
        progress.accept(ProgressStamp.of(clock, ops.regionFor(service)) + line)
    }

    /** The retry settings a script gave so far ({@code retry attempts: 3, maxPause: '5s'}), merged. */
    final Map<String, Object> retrySettings = [:]

    /** Changes the operations for the rest of the script, the home ones alike (retry settings). */
    void rewrap(Closure<CloudOperations> change) {
        ops = change.call(ops)
        home = change.call(home)
    }

    /**
     * A session for one region of a {@code parallel} block: the same defaults, safety, plan, clock and
     * retry settings, its own operations (so regions on other threads do not switch each other's).
     */
    KecshSession forRegion(String region, Closure<CloudOperations> wrap) {
        KecshSession child = new KecshSession(wrap.call(home), defaults, progress)
        child.ops = child.home.inRegion(region)
        child.waitTimeout = waitTimeout
        child.clock = clock
        child.sleeper = sleeper
        child.safety = safety
        child.plan = plan
        child.retrySettings.putAll(retrySettings)
        child
    }
}
