package io.kecsh.dsl


import io.kecsh.dsl.error.KecshScriptException
/**
 * The issue's two fleet runs: a 120-instance launch-wait-stop-terminate cycle leaves 120 distinct
 * names and nothing running; a 250-instance inventory read in pages smaller than the fleet.
 */
class FleetInventorySandboxSpec extends KecshSandboxSpecification {
    List<String> wire = Collections.synchronizedList([])

    @Override
    protected Kecsh.Builder configure(Kecsh.Builder builder) {
        builder.wireLog { String line -> wire << line }
    }

    def "120 instances: launched, waited for, stopped and terminated; 120 distinct names, nothing running"() {
        when:
        def names = kecsh.eval('''
            def web = instances { run type: 'S4.2B', count: 120, name: 'web', suffix: 1 }.waitUntil('active')
            instances { where name: ~/^web-/; expect count: 120; stop() }.waitUntil('stopped')
            instances { where name: ~/^web-/; expect count: 120; terminate force: true }.waitUntil('deleted')
            web*.name
        ''') as List<String>

        then:
        names.size() == 120
        names.toSet() == (1..120).collect { "web-${it}".toString() }.toSet()
        kecsh.eval("instances.list().size()") == 0
        kecsh.eval("instances.where(state: 'recycling').size()") == 0
    }

    def "250 instances inventoried 100 a page: three pages, every instance once"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 250, name: 'inv', suffix: 1 }")
        wire.clear()

        when:
        def listed = kecsh.eval("instances.list(pageSize: 100)") as List

        then:
        listed.size() == 250
        listed*.id.toSet().size() == 250
        listed*.name.toSet() == (1..250).collect { "inv-${it}".toString() }.toSet()
        def pages = wire.findAll { it.startsWith('→') && it.contains('Action=DescribeInstances') }
        pages.size() == 3
        pages.every { it.contains('MaxResults=100') }
        pages.findAll { it.contains('Marker=') }.size() >= 2
    }

    def "a page size outside the model's range is refused before anything is sent"() {
        when:
        kecsh.eval("instances.list(pageSize: 2)")

        then:
        KecshScriptException e = thrown()
        e.message.contains('MaxResults')
    }
}
