package io.kecsh.dsl

import spock.lang.Unroll

/**
 * Local volumes and network interfaces are listed past the first page (issue 16): DescribeLocalVolumes
 * (Marker/MaxResults) and DescribeNetworkInterfaces (NextToken/MaxResults) answer at most 1,000 items a
 * call, so a listing that reads one answer loses the rest without a word. Over HTTP against the
 * sandbox, at 1, 50, 100 and 1,001 instances (I2.4B: each has a local system volume and a primary NIC).
 */
class ListingPagesSandboxSpec extends KecshSandboxSpecification {

    private List<String> launch(int size) {
        kecsh.eval("instances { run type: 'I2.4B', count: ${size}, name: 'web', suffix: 1 }*.id") as List<String>
    }

    @Unroll
    def "#size instances: volumes.list() and networkInterfaces.list() give every volume and NIC, once each"() {
        given:
        List<String> ids = launch(size)

        when:
        def volumes = kecsh.eval('volumes.list()*.instanceId') as List<String>
        def nics = kecsh.eval('networkInterfaces.list()*.id') as List<String>

        then:
        volumes.size() == size
        volumes.toSet() == ids.toSet()
        nics.size() == size
        nics.toSet().size() == size

        where:
        size << [1, 50, 100, 1001]
    }

    def "the streams walk the same items page by page, and a walk that stops in the first half of a page fetches no further page"() {
        given:
        List<String> ids = launch(120)

        when:
        def volumes = kecsh.eval('volumes.stream(pageSize: 50).collect { it.instanceId }') as List<String>
        def nics = kecsh.eval('networkInterfaces.stream(pageSize: 50).collect { it.id }') as List<String>
        def counted = kecsh.eval('long n = 0; volumes.each { n++ }; networkInterfaces.each { n++ }; n')

        then:
        volumes.toSet() == ids.toSet() && volumes.size() == 120
        nics.toSet().size() == 120 && nics == (kecsh.eval('networkInterfaces.list()*.id') as List<String>)
        counted == 240

        when: 'walks that stop in the first half of their first page'
        long volumeCalls = kecsh.sandbox.faults().calls('DescribeLocalVolumes')
        long nicCalls = kecsh.sandbox.faults().calls('DescribeNetworkInterfaces')
        def firstVolumes = kecsh.eval('volumes.stream(pageSize: 50).take(20)*.id') as List<String>
        def firstNics = kecsh.eval('networkInterfaces.stream(pageSize: 50).take(20)*.id') as List<String>

        then: 'each asked for its first page only'
        firstVolumes.size() == 20
        firstNics.size() == 20
        kecsh.sandbox.faults().calls('DescribeLocalVolumes') - volumeCalls == 1
        kecsh.sandbox.faults().calls('DescribeNetworkInterfaces') - nicCalls == 1
    }

    def "criteria still choose on the server across pages"() {
        given:
        launch(60)
        kecsh.eval("instances { run type: 'I2.4B', name: 'db' }")

        expect:
        (kecsh.eval("volumes.list(instance: 'db')*.instanceName") as List) == ['db']
        (kecsh.eval("networkInterfaces.stream(status: 'Bind', pageSize: 7).collect { it.id }") as List).size() == 61
    }

    def "templates.list() gives every template, past DescribeModels' default page of 10"() {
        when:
        def names = kecsh.eval('''
            def key = keys { create 'deploy' }
            (0..10).each { int n -> templates { create name: "t-$n", type: 'S4.2B', key: key } }
            templates.list()*.name
        ''') as List<String>

        then:
        names.toSet() == (0..10).collect { "t-$it" as String }.toSet()
        names.size() == 11
    }

    def "a page size outside the model's range is one line naming it, before anything is sent"() {
        when:
        kecsh.eval("networkInterfaces.stream(pageSize: 2).each { }")

        then:
        def e = thrown(Exception)
        e.message.readLines()[0].contains('pageSize')
        e.message.readLines()[0].contains('5 to 1000')
    }
}
