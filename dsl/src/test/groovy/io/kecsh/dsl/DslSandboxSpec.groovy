package io.kecsh.dsl




import io.kecsh.dsl.error.KecshScriptException
/** The DSL against a fresh embedded sandbox (manual clock: waits move it, nothing sleeps). */
class DslSandboxSpec extends KecshSandboxSpecification {
    def "the design-card line works verbatim against a fresh sandbox"() {
        when:
        def created = kecsh.eval("instances { run type: 'S4.2B', count: 3 }")

        then:
        kecsh.usesSandbox()
        created.size() == 3
        created*.type as Set == ['S4.2B'] as Set
        created*.state as Set == ['building'] as Set
        created.every { it.id ==~ /[0-9a-f-]{36}/ && it.privateIp.startsWith('10.0.') }
    }

    def "the sketch: region, defaults, a named batch that waits, a selection that stops, GPath, any action"() {
        when:
        def result = kecsh.eval('''
            region 'cn-beijing-6'
            defaults { image 'centos-7.6'; chargeType 'HourlyInstantSettlement' }

            def web = instances { run type: 'S4.2B', count: 3, name: 'web', suffix: 1 }
            web.waitUntil 'active'
            def ci = instances { run type: 'S4.2B', count: 2, name: 'ci-runner', suffix: 1 }
            ci.waitUntil 'active'

            def stopped = instances {
                where state: 'active', zone: 'cn-beijing-6a', name: ~/^ci-/
                stop mode: 'StopCharging'
            }
            [web: web, stopped: stopped, ips: instances.where(type: ~/^S4\\./)*.privateIp, regions: kec.DescribeRegions()]
        ''')

        then:
        result.web*.name == ['web-1', 'web-2', 'web-3']
        result.web*.state as Set == ['active'] as Set
        result.stopped*.name == ['ci-runner-1', 'ci-runner-2']
        result.ips.size() == 5
        result.regions.RegionSet*.Region.contains('cn-beijing-6')
        progress.any { it.contains('] InstanceActive: attempt') }   // after the time and region stamp
        progress.any { it ==~ /\d\d:\d\d:\d\dZ \[cn-beijing-6\] stop: 2 instance\(s\)/ }
    }

    def "results are plain serializable data"() {
        given:
        def group = kecsh.eval("instances { run type: 'S4.2B', count: 2 }")

        when:
        def bytes = new ByteArrayOutputStream()
        new ObjectOutputStream(bytes).writeObject(group)
        def back = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).readObject()

        then:
        back == group
        back*.id == group*.id
        group.table().readLines()[0].startsWith('ID')
        group.table().readLines().size() == 3
    }

    def "a wrong value fails with the script line and a did-you-mean, nothing sent: #source"() {
        when:
        kecsh.eval(source)

        then:
        KecshScriptException e = thrown()
        e.message.startsWith("script.groovy:${line}")
        e.message.contains(expected)

        where:
        source                                                           | line | expected
        "\ninstances { run type: 'S4.2X', count: 1 }"                     | 2    | 'did you mean S4.2A, S4.2B, S4.2C or S4.2D?'
        "instances { run typ: 'S4.2B' }"                                 | 1    | "unknown parameter 'typ' (did you mean type?)"
        "instances { run type: 'S4.2B', image: 'centos-9' }"             | 1    | "image 'centos-9' not found"
        "instances {\n  where stat: 'active'\n}"                         | 2    | "unknown criterion 'stat' (did you mean state?)"
        "instances { stop() }"                                           | 1    | 'choose instances first'
        "kec.DescribeRegion()"                                           | 1    | 'did you mean DescribeRegions?'
        "defaults { imag 'x' }"                                          | 1    | "unknown setting 'imag' (did you mean image?)"
        "instances { waitUntil 'active' }"                               | 1    | 'choose instances first'
        "instances { run type: 'S4.2B' }.waitUntil 'actve'"              | 1    | "unknown state 'actve' (did you mean active?)"
    }

    def "a script that does not compile names its line and column"() {
        when:
        kecsh.eval("region 'cn-beijing-6'\ninstances { run type: ) }")

        then:
        KecshScriptException e = thrown()
        e.line == 2
        e.column > 0
        e.message.startsWith("script.groovy:2:${e.column}: ")
    }

    def "waitUntil with a condition polls until it holds"() {
        when:
        def result = kecsh.eval('''
            def web = instances { run type: 'S4.2B', count: 1 }
            waitUntil(timeout: '5m', interval: 2) { instances.where(id: web.ids, state: 'active').size() == 1 }
            instances.where(id: web.ids)[0].state
        ''')

        then:
        result == 'active'
        progress.any { it.contains('] waitUntil: attempt 1') }
    }

    def "terminate sends instances to the recycle bin; force destroys them"() {
        when:
        def left = kecsh.eval('''
            def batch = instances { run type: 'S4.2B', count: 2, name: 'tmp', suffix: 1 }
            batch.waitUntil 'active'
            instances { where name: 'tmp-1'; terminate() }
            instances { where name: 'tmp-2'; terminate force: true }
            batch.waitUntil 'deleted'
            instances.where(name: ~/^tmp-/).size()
        ''')

        then:
        left == 0
        kecsh.sandbox.state().region('cn-beijing-6').instances.values()*.state == ['recycling']
    }
}
