package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.error.BatchException
import io.kecsh.dsl.result.ParallelResults
import io.kecsh.dsl.result.RegionOutcome
import io.kecsh.runtime.error.ServiceException
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText
import java.util.concurrent.Callable
import java.util.concurrent.ExecutorService
import java.util.concurrent.Executors
import java.util.concurrent.Future
import java.util.concurrent.ThreadFactory
import java.util.concurrent.atomic.AtomicInteger
import java.util.function.Function

/**
 * {@code parallel(regions: ['cn-beijing-6', 'cn-shanghai-2'], concurrency: 2, perSecond: 10) { region -> … }}:
 * the block once per region (or per wave: {@code waves: [[…], […]]} runs the next list of regions when
 * the last is done), at most {@code concurrency} at a time, each in a session of its own region so no
 * region switches another's, every call to an endpoint spaced by {@code perSecond}. Every region is
 * checked before the first block starts. A region that fails is reported as data in its
 * {@link RegionOutcome}; the others go on. In a plan the regions run one after another (the plan is one list).
 */
final class Parallel {
    static final List<String> WORDS = ['regions', 'waves', 'concurrency', 'perSecond']
    static final int DEFAULT_CONCURRENCY = 4

    private Parallel() {
    }

    /**
     * Runs the body once per region; {@code explain} words a region's failure as the script's own
     * failures are worded (the entry point passes its one explanation; the engine does not know
     * the script's words).
     */
    static ParallelResults run(KecshSession session, Map options, Closure body, Function<Throwable, String> explain) {
        options.keySet().each { Object k ->
            if (!WORDS.contains(k as String)) {
                throw new IllegalArgumentException("parallel: unknown option ${UserText.quoted(k as String)}${Suggestions.didYouMean(k as String, WORDS)}; parallel takes ${WORDS.join(', ')}")
            }
        }
        List<List<String>> waves = waves(options)
        int concurrency = concurrency(options.concurrency, session)
        EndpointRates rates = options.perSecond != null ? new EndpointRates(options.perSecond as double) : null
        Closure<CloudOperations> wrap = { CloudOperations o -> rates ? new RateLimitedOperations(o, rates) : o }
        // every region judged before anything runs: a misspelt third region must not wait for two to be changed
        Map<String, KecshSession> sessions = [:]
        waves.flatten().each { String r -> sessions[r] = session.forRegion(r, wrap) }
        List<RegionOutcome> outcomes = []
        waves.each { List<String> wave -> outcomes.addAll(runWave(wave, sessions, concurrency, body, explain)) }
        new ParallelResults(outcomes)
    }

    private static List<RegionOutcome> runWave(List<String> wave, Map<String, KecshSession> sessions, int concurrency, Closure body,
                                                Function<Throwable, String> explain) {
        AtomicInteger n = new AtomicInteger()
        ThreadFactory daemons = { Runnable r ->
            Thread t = new Thread(r, "kecsh-parallel-${n.incrementAndGet()}")
            t.daemon = true
            t
        } as ThreadFactory
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(concurrency, Math.max(1, wave.size())), daemons)
        try {
            List<Future<RegionOutcome>> running = wave.collect { String region ->
                pool.submit({ -> one(region, sessions[region], body, explain) } as Callable<RegionOutcome>)
            }
            running.collect { it.get() }
        } finally {
            pool.shutdownNow()
        }
    }

    private static RegionOutcome one(String region, KecshSession child, Closure body, Function<Throwable, String> explain) {
        try {
            Object value = child.enter { body.maximumNumberOfParameters == 0 ? body.call() : body.call(region) }
            child.progress('parallel: done')
            new RegionOutcome(region: region, ok: true, value: value)
        } catch (Throwable e) {
            Throwable shown = CallFailures.unwrap(e)
            if (shown instanceof Error && !(shown instanceof AssertionError)) throw shown
            String code = shown instanceof ServiceException ? ((ServiceException) shown).code() : shown instanceof BatchException ? ((BatchException) shown).code : null
            String said = explain.apply(shown)
            child.progress("parallel: failed: ${said.readLines().first()}")
            new RegionOutcome(region: region, ok: false, error: said, code: code)
        }
    }

    private static List<List<String>> waves(Map options) {
        if (options.regions != null && options.waves != null) throw new IllegalArgumentException('parallel: give regions: or waves:, not both')
        List<List<String>> waves
        if (options.waves != null) waves = (options.waves as List).collect { w -> (w instanceof Collection ? w : [w]).collect { it as String } }
        else if (options.regions != null) waves = [(options.regions instanceof Collection ? options.regions : [options.regions]).collect { it as String }]
        else throw new IllegalArgumentException("parallel: say where, e.g. parallel(regions: ['cn-beijing-6', 'cn-shanghai-2']) { region -> … }")
        List<String> all = waves.flatten() as List<String>
        if (all.isEmpty()) throw new IllegalArgumentException('parallel: no regions given')
        List<String> twice = all.findAll { r -> all.count(r) > 1 }.unique()
        if (twice) throw new IllegalArgumentException("parallel: ${twice.join(', ')} given more than once")
        waves
    }

    private static int concurrency(Object value, KecshSession session) {
        if (session.plan != null) return 1
        if (value == null) return DEFAULT_CONCURRENCY
        if (!(value instanceof Integer) || (value as int) < 1) {
            throw new IllegalArgumentException("parallel concurrency: ${UserText.quoted(String.valueOf(value))} is not allowed; give a whole number, 1 or more")
        }
        value as int
    }
}
