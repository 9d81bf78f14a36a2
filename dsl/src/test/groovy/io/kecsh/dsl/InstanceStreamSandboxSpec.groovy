package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.dsl.result.InstanceStream

/**
 * {@code instances.stream(…)} and {@code instances.each { }} against the sandbox over HTTP: every
 * instance exactly once and in the listing's order across pages, the next page asked for while
 * the walk reads the second half of this one (a walk that stops in the first half fetches no
 * further page), a failure of a page thrown when the walk reaches it, where's criteria honoured, a
 * bad page size one clear line.
 */
class InstanceStreamSandboxSpec extends KecshSandboxSpecification {

    private void launch250() {
        kecsh.eval("instances { run type: 'S4.2B', count: 250, name: 'web', suffix: 1 }")
    }

    def "250 instances streamed 100 a page: each exactly once, in the order list() gives"() {
        given:
        launch250()

        when:
        def listed = kecsh.eval('instances.list()*.id') as List<String>
        def streamed = kecsh.eval('instances.stream(pageSize: 100).collect { it.id }') as List<String>
        def walked = kecsh.eval('''
            def seen = []
            instances.each { InstanceInfo i -> seen << i.id }
            seen
        ''') as List<String>

        then:
        listed.size() == 250
        streamed == listed
        streamed.toSet().size() == 250
        walked == listed
    }

    private long describeCalls() {
        kecsh.sandbox.faults().calls('DescribeInstances')
    }

    def "25 pages of 10: every instance exactly once, in order, one request a page"() {
        given:
        launch250()
        def listed = kecsh.eval('instances.list()*.id') as List<String>
        long before = describeCalls()

        when:
        def walked = kecsh.eval('instances.stream(pageSize: 10).collect { it.id }') as List<String>

        then: 'the read-ahead asks for no page twice and none past the last'
        walked == listed
        walked.toSet().size() == 250
        describeCalls() - before == 25

        when: 'list() reads them whole, each next page asked for from the token of the one before'
        before = describeCalls()
        def whole = kecsh.eval('instances.list(pageSize: 10)*.id') as List<String>

        then:
        whole == listed
        describeCalls() - before == 25
    }

    def "a walk that stops in the first half of a page asks for no further page"() {
        given:
        launch250()
        long before = describeCalls()

        when: 'all of page 1 and the first half of page 2'
        def first = kecsh.eval("instances.stream(pageSize: 10).take(15)*.name") as List<String>

        then:
        first.size() == 15
        describeCalls() - before == 2

        when: 'one into the second half of page 2: page 3 may be on its way, nothing past it'
        before = describeCalls()
        kecsh.eval("instances.stream(pageSize: 10).take(17)*.name")

        then:
        describeCalls() - before in [2L, 3L]
    }

    def "page 2 is asked for while the walk still reads page 1"() {
        given:
        launch250()
        def stream = kecsh.eval("instances.stream(pageSize: 10)") as InstanceStream
        long before = describeCalls()
        Iterator<InstanceInfo> walk = stream.iterator()

        when: 'nine of page 1 read, then wait (at most 10 s) for the sandbox to see the second request'
        9.times { walk.next() }
        long deadline = System.nanoTime() + 10_000_000_000L
        while (describeCalls() - before < 2 && System.nanoTime() < deadline) Thread.sleep(5)
        long seenBeforeTheLast = describeCalls() - before
        int rest = 0
        while (walk.hasNext()) {
            walk.next()
            rest++
        }

        then: 'a walk without read-ahead would only ask once page 1 was read out'
        seenBeforeTheLast == 2
        rest == 241
        describeCalls() - before == 25
    }

    def "a failure of page 3 surfaces at page 3, as a failure of page 1 does, after the same retries"() {
        given:
        launch250()
        def walk = '''
            def seen = 0
            def failure = null
            try { instances.stream(pageSize: 10).each { seen++ } } catch (e) { failure = e }
            [seen, failure]
        '''

        when: 'page 1 fails'
        long before = describeCalls()
        kecsh.sandbox.faults().throttleNext('DescribeInstances', 50)
        def (seenAtFirst, failureAtFirst) = kecsh.eval(walk) as List
        long triesOfOnePage = describeCalls() - before

        and: 'pages 1 and 2 answer, page 3 fails'
        kecsh.sandbox.faults().clear().passNext('DescribeInstances', 2).throttleNext('DescribeInstances', 50)
        before = describeCalls()
        def (seenAtThird, failureAtThird) = kecsh.eval(walk) as List
        long triesOfThreePages = describeCalls() - before

        then:
        seenAtFirst == 0
        seenAtThird == 20
        failureAtThird.class == failureAtFirst.class
        failureAtThird.code == 'LimitExceeded'
        triesOfOnePage > 1
        triesOfThreePages == 2 + triesOfOnePage

        when: 'uncaught, it names the script line the walk is on, as any failure does'
        kecsh.sandbox.faults().clear().passNext('DescribeInstances', 2).throttleNext('DescribeInstances', 50)
        kecsh.eval("def n = 0\ninstances.stream(pageSize: 10).each { n++ }")

        then:
        KecshScriptException e = thrown()
        e.line == 2
        e.message.startsWith('script.groovy:2: ')
        e.message.contains('LimitExceeded')

        when: 'list(), which asks for page 3 from the token of page 2, the same'
        kecsh.sandbox.faults().clear().passNext('DescribeInstances', 2).throttleNext('DescribeInstances', 50)
        before = describeCalls()
        kecsh.eval("def n = 0\ninstances.list(pageSize: 10)")

        then:
        KecshScriptException listed = thrown()
        listed.line == 2
        listed.message.replaceAll(/\[request [^\]]+\]/, '') == e.message.replaceAll(/\[request [^\]]+\]/, '')
        describeCalls() - before == 2 + triesOfOnePage
    }

    def "the stream is lazy and re-readable: a second iteration sees the cloud as it is then"() {
        given:
        launch250()

        when:
        def s = kecsh.eval("instances.stream(name: ~/^web-1\\d\$/, pageSize: 50)") as InstanceStream

        then: 'name patterns are applied to each page, the rest of the criteria on the server'
        s.collect { InstanceInfo i -> i.name } == (10..19).collect { "web-${it}".toString() }
        s.stream().map { it.name }.toList() == (10..19).collect { "web-${it}".toString() }

        when:
        kecsh.eval("instances { run type: 'S4.2B', name: 'web-10' }")

        then:
        s.collect { it.name }.sort() == (['web-10'] + (10..19).collect { "web-${it}".toString() }).sort()
    }

    def "a page size outside the model's range is one line naming it"() {
        when:
        kecsh.eval("instances.stream(pageSize: 2).each { }")

        then:
        def e = thrown(Exception)
        e.message.readLines()[0].contains('pageSize')
        e.message.contains('5 to 1000')
    }

    def "an unknown criterion is refused with where's wording"() {
        when:
        kecsh.eval("instances.stream(stat: 'active').each { }")

        then:
        def e = thrown(Exception)
        e.message.contains('stat')
        e.message.contains('did you mean')
    }
}
