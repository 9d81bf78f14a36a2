package io.kecsh.dsl

import io.kecsh.dsl.result.InstanceInfo
import io.kecsh.dsl.result.InstanceStream

/**
 * {@code instances.stream(…)} and {@code instances.each { }} against the sandbox over HTTP: every
 * instance exactly once and in the listing's order across pages, one page fetched at a time (a
 * walk that stops early fetches no further page), where's criteria honoured, a bad page size one
 * clear line.
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

    def "the stream fetches the next page only when it is needed"() {
        given: 'the first page answers, every later call fails'
        launch250()
        kecsh.sandbox.faults().passNext('DescribeInstances', 1).failNext('DescribeInstances', 'InternalError', 50)

        when: 'a walk that stops within the first page'
        def first = kecsh.eval("instances.stream(pageSize: 100).take(100)*.name") as List<String>

        then: 'it never asked for the second'
        first.size() == 100

        when: 'a walk past it'
        kecsh.eval("instances.stream(pageSize: 100).each { }")

        then: 'it does ask, and says so'
        thrown(Exception)
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
