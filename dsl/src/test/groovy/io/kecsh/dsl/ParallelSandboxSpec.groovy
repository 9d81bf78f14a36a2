package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.result.ParallelResults

/**
 * parallel over regions and waves, against the sandbox: each region in its own session, at most
 * `concurrency` at a time, calls to an endpoint spaced by `perSecond`, a failure as data.
 */
class ParallelSandboxSpec extends KecshSandboxSpecification {
    /** When each DescribeInstances went over the wire to the sandbox (System.nanoTime). */
    List<Long> describesAt = Collections.synchronizedList([])

    @Override
    protected Kecsh.Builder configure(Kecsh.Builder builder) {
        builder.wireLog { String line -> if (line.startsWith('→') && line.contains('Action=DescribeInstances')) describesAt << System.nanoTime() }
    }

    /** The shortest time between two calls, in milliseconds. */
    private static long shortestGapMs(List<Long> times) {
        List<Long> sorted = times.sort(false)
        (1..<sorted.size()).collect { int i -> (sorted[i] - sorted[i - 1]).intdiv(1_000_000L) as long }.min()
    }

    def "each region runs its block in its own region, at most `concurrency` at a time"() {
        when:
        def results = kecsh.eval('''
            def now = new java.util.concurrent.atomic.AtomicInteger()
            def most = new java.util.concurrent.atomic.AtomicInteger()
            def r = parallel(regions: ['cn-beijing-6', 'cn-shanghai-2', 'cn-guangzhou-1', 'cn-hongkong-2'], concurrency: 2) { region ->
                int running = now.incrementAndGet()
                synchronized (most) { if (running > most.get()) most.set(running) }
                try {
                    Thread.sleep(300)
                    [currentRegion, zones()*.region.unique()]
                } finally {
                    now.decrementAndGet()
                }
            }
            [r, most.get(), currentRegion]
        ''') as List

        then:
        ParallelResults r = results[0]
        r*.region == ['cn-beijing-6', 'cn-shanghai-2', 'cn-guangzhou-1', 'cn-hongkong-2']
        r.every { it.ok }
        r.every { it.value == [it.region, [it.region]] }   // each block's calls went to its own region
        results[1] == 2
        results[2] == 'cn-beijing-6'   // the script's own region is untouched
        progress.any { it ==~ /\d\d:\d\d:\d\dZ \[cn-shanghai-2\] parallel: done/ }
    }

    def "a region that fails is reported as data with its line and code; the others finish"() {
        when:
        ParallelResults r = kecsh.eval('''
            parallel(regions: ['cn-beijing-6', 'cn-shanghai-2']) { region ->
                if (region == 'cn-shanghai-2') instances { where name: 'nothing'; expect count: 1 }
                instances { run type: 'S4.2B', name: 'ok' }.size()
            }
        ''') as ParallelResults

        then:
        r.failed*.region == ['cn-shanghai-2']
        r.failed[0].error.contains('expect count: 1: found 0 instance(s)')
        r.values == ['cn-beijing-6': 1]
        r.table().contains('cn-shanghai-2  no')
    }

    def "a misspelt region stops the block before any region has run"() {
        when:
        kecsh.eval("parallel(regions: ['cn-beijing-6', 'cn-guangzhou-9']) { instances { run type: 'S4.2B' } }")

        then:
        KecshScriptException e = thrown()
        e.message.contains('cn-guangzhou-9')
        kecsh.eval("instances.list().size()") == 0
    }

    def "waves run one after the other; perSecond spaces the calls to each endpoint"() {
        when:
        long started = System.nanoTime()
        ParallelResults r = kecsh.eval('''
            parallel(waves: [['cn-beijing-6'], ['cn-shanghai-2']], perSecond: 10) { region ->
                (1..6).each { regions() }
                System.nanoTime()
            }
        ''') as ParallelResults
        long elapsedMs = (System.nanoTime() - started).intdiv(1_000_000)

        then:
        r.every { it.ok }
        (r.values['cn-shanghai-2'] as long) > (r.values['cn-beijing-6'] as long)
        elapsedMs >= 900   // 6 calls at 10 a second, twice (one region after the other)
    }

    def "perSecond spaces a wait's polls too: the sandbox sees at most perSecond DescribeInstances a second"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 2, name: 'wt' }")
        describesAt.clear()

        when:
        ParallelResults r = kecsh.eval("""
            parallel(regions: ['cn-beijing-6'], perSecond: 1) { instances { where name: 'wt'; waitUntil 'active' }.size() }
        """) as ParallelResults

        then:
        r.values == ['cn-beijing-6': 2]
        describesAt.size() >= 4   // the choice, then the wait's polls while the instances build
        shortestGapMs(describesAt) >= 900   // one a second (less a little for the clock): unpaced polls follow each other at once
    }

    def "perSecond spaces the pages of a listing, the pages read ahead too: no page is asked for before its slot"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 30, name: 'pg' }")
        describesAt.clear()

        when:
        ParallelResults r = kecsh.eval("""
            parallel(regions: ['cn-beijing-6'], perSecond: 5) { instances.list(pageSize: 10).size() }
        """) as ParallelResults

        then:
        r.values == ['cn-beijing-6': 30]
        describesAt.size() >= 3   // three pages of ten (and the empty fourth, or not)
        shortestGapMs(describesAt) >= 180   // one each 200 ms: a page read ahead went within milliseconds of the one before
    }

    def "a wrong option is one line with a did-you-mean"() {
        when:
        kecsh.eval("parallel(region: ['cn-beijing-6']) { }")

        then:
        KecshScriptException e = thrown()
        e.message.contains("parallel: unknown option 'region' (did you mean regions?)")
    }
}
