package io.kecsh.dsl


import io.kecsh.dsl.error.KecshScriptException
/** The instance verbs that change what an instance is: type, system, attributes, auto-delete, monitoring, VNC, and sorted selection. */
class InstanceChangesSandboxSpec extends KecshSandboxSpecification {

    def "resize, modify and reinstall change each chosen instance, one call each"() {
        when:
        def r = kecsh.eval('''
            instances { run type: 'I1.1A', count: 2, name: 'app', suffix: 1 }.waitUntil 'active'
            instances { where name: ~/^app/; resize type: 'I1.2A' }
            instances { where name: 'app-1'; modify name: 'api-1', hostName: 'api1' }
            def stopped = instances { where name: ~/^ap/; stop() }.waitUntil 'stopped'
            instances { where ids: stopped; reinstall image: 'centos-7.6', keepImageLogin: true }.waitUntil 'stopped'
            [types: instances.where(name: ~/^ap/)*.type.unique(), names: instances.list()*.name.sort(), state: instances.list()*.state.unique()]
        ''')

        then:
        r.types == ['I1.2A']
        r.names == ['api-1', 'app-2']
        r.state == ['stopped']
    }

    def "a change that fails part-way reports what was changed and what was not, and tries nothing twice"() {
        given:
        kecsh.eval('''
            instances { run type: 'I1.1A', name: 'a-small' }
            instances { run type: 'I1.4A', name: 'b-big' }.waitUntil 'active'
        ''')

        when:
        kecsh.eval("instances { where name: ~/-(small|big)\$/, sort: 'InstanceName'; resize type: 'I1.2A' }")

        then:
        KecshScriptException e = thrown()
        e.message.contains('resize: 1 done, 1 not')
        e.message.contains('can only be changed to a larger type')
        kecsh.eval("instances.where(sort: 'InstanceName')*.type") == ['I1.2A', 'I1.4A']
    }

    def "sort orders the selection by the model's sort keys"() {
        when:
        def names = kecsh.eval('''
            ['mm', 'zz', 'aa'].each { n -> instances { run type: 'S4.2B', name: n } }
            [up: instances.where(sort: 'InstanceName')*.name, down: instances.where(sort: [InstanceName: 'DESC'])*.name]
        ''')

        then:
        names.up == ['aa', 'mm', 'zz']
        names.down == ['zz', 'mm', 'aa']
    }

    def "a sort key outside the model is one line with a did-you-mean"() {
        when:
        kecsh.eval("instances.where(sort: 'InstanceNme')")

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('script.groovy:1')
        e.message.contains("did you mean InstanceName?")
    }

    def "autoDelete sets and clears the deletion time; monitor and vnc answer for each instance"() {
        when:
        def r = kecsh.eval('''
            def web = instances { run type: 'S4.2B', count: 2, name: 'web' }.waitUntil 'active'
            instances {
                where ids: web
                autoDelete at: '2099-01-01 00:00'
                monitor()
                unmonitor()
            }
            def set = kec.DescribeInstances(InstanceId: web.ids).InstancesSet*.AutoDeleteTime
            instances { where ids: web; autoDelete() }
            [set: set, cleared: kec.DescribeInstances(InstanceId: web.ids).InstancesSet*.AutoDeleteTime,
             vnc: instances { where ids: web; vnc() }, ids: web.ids]
        ''')

        then:
        r.set.every { it?.startsWith('2099-01-01') }
        r.cleared.every { !it }
        r.vnc.keySet() == r.ids as Set
        r.vnc.values().every { it }
    }

    def "reinstall is destructive: a protected name stops it before anything is sent"() {
        given:
        Kecsh guarded = hermetic(home.resolve('guarded')).protect(name: ~/^prod-/).build()

        guarded.eval('''
            instances { run type: 'S4.2B', name: 'prod-db' }.waitUntil 'active'
            instances { where name: 'prod-db'; stop() }.waitUntil 'stopped'
        ''')

        when:
        guarded.eval("instances { where name: 'prod-db'; reinstall() }")

        then:
        KecshScriptException e = thrown()
        e.message.contains('prod-db')
        guarded.eval("instances.where(name: 'prod-db')*.state") == ['stopped']

        cleanup:
        guarded.close()
    }
}
