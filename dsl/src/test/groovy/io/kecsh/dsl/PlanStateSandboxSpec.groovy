package io.kecsh.dsl

import io.kecsh.dsl.engine.plan.Plan
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.waiter.WaiterException

/**
 * Plans that model what they change (issue 14 item 4): each planned call is applied to a planned
 * view of the world, so the rest of the script plans through; lines carry their region, names and
 * a destructive mark; the plan ends with a before/after summary; scripts can ask {@code planning}.
 */
class PlanStateSandboxSpec extends KecshSandboxSpecification {

    @Override
    protected Kecsh.Builder configure(Kecsh.Builder builder) {
        builder.plan(true)
    }

    /** Changes the sandbox for real (the session is not planned), to give plans something to read. */
    private Object really(String source) {
        new ScriptRunner(kecsh.newSession()).run(source, 'seed.groovy')
    }

    private Map<String, String> sandboxInstances() {
        synchronized (kecsh.sandbox.state().lock()) {
            kecsh.sandbox.state().region('cn-beijing-6').instances.values().collectEntries { [it.id, it.state + ' ' + it.type] }
        }
    }

    def "a resize wave's plan lists every stop, modify and start, batch after batch, and what it would change"() {
        given:
        def web = really("instances { run type: 'S4.2B', count: 4, name: 'web', suffix: 1 }.waitUntil('active')")
        def before = sandboxInstances()

        when:
        Plan plan = kecsh.eval('''
            [~/^web-[12]$/, ~/^web-[34]$/].each { batch ->
                instances { where name: batch, state: 'active'; stop() }.waitUntil 'stopped'
                instances { where name: batch, state: 'stopped'; resize type: 'S4.4B' }
                instances { where name: batch, state: 'stopped'; start() }.waitUntil 'active'
            }
            instances.list().collect { "${it.name} ${it.state} ${it.type}" }.sort()
        ''')

        then: 'every call, in order'
        plan.calls*.action == ['StopInstances', 'ModifyInstanceType', 'ModifyInstanceType', 'StartInstances'] * 2
        plan.calls[0].params.InstanceId as Set == web[0..1]*.id as Set
        plan.calls[4].params.InstanceId as Set == web[2..3]*.id as Set

        and: 'the script read the world as the plan leaves it'
        plan.result == (1..4).collect { "web-${it} active S4.4B" }

        and: 'the summary says what would change, names beside ids'
        String printed = plan.toString()
        plan.changes.size() == 4
        printed.contains("instance ${web[0].id} (web-1): type S4.2B → S4.4B")
        printed.contains("InstanceId=[${web[0].id} (web-1), ${web[1].id} (web-2)]") || printed.contains("InstanceId=[${web[1].id} (web-2), ${web[0].id} (web-1)]")

        and: 'nothing changed'
        sandboxInstances() == before
    }

    def "the README's network-interface waits plan through: the planned interface is listed, available, then in use"() {
        when:
        Plan plan = kecsh.eval('''
            def web = instances { run type: 'S4.2B' }.waitUntil('active')
            def eni = networkInterfaces { create subnet: web[0].subnetId }
            waitUntil { networkInterfaces.list(id: eni)[0].status == 'Available' }
            networkInterfaces { attach eni, to: web[0] }
            waitUntil { networkInterfaces.list(id: eni)[0].status == 'InUse' }
            def attached = networkInterfaces.list(id: eni)[0].status
            networkInterfaces { detach eni, from: web[0] }
            [web: web*.state, attached: attached, after: networkInterfaces.list(id: eni)[0].status]
        ''')

        then:
        plan.calls*.action == ['RunInstances', 'CreateNetworkInterface', 'AttachNetworkInterface', 'DetachNetworkInterface']
        plan.result == [web: ['active'], attached: 'InUse', after: 'Available']
    }

    def "terminated instances are gone from the plan's reads, and the terminate line is marked destructive"() {
        given:
        def web = really("instances { run type: 'S4.2B', count: 2, name: 'web', suffix: 1 }.waitUntil('active')")

        when:
        Plan plan = kecsh.eval('''
            instances { where name: 'web-1'; terminate() }
            instances.list()*.name
        ''')

        then:
        plan.result == ['web-2']
        plan.calls[0].destructive
        plan.toString().contains("kec.TerminateInstances [cn-beijing-6] DESTRUCTIVE InstanceId=[${web[0].id} (web-1)]")
        plan.changes*.toString() == ["instance ${web[0].id} (web-1): state active → recycling (terminated)".toString()]
    }

    def "a wait that cannot succeed fails in the plan as it would for real: waitUntil 'active' after a planned stop"() {
        given:
        really("instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')")

        when:
        kecsh.eval('''
            instances { where name: 'web'; stop() }
            instances { where name: 'web' }.waitUntil 'active'
        ''')

        then:
        KecshScriptException e = thrown()
        e.cause instanceof WaiterException
        e.message.contains('stopped')
    }

    def "KMS and BSS lines show the Alibaba region their calls go to"() {
        when:
        Plan plan = kecsh.eval("kms { upgrade 'kst-yrs9l4p0npp4xd0kdjgnl', spec: 2000; release 'kst-935uh8cey7jpbqli3b5fh', force: true }")

        then:
        plan.calls*.service == ['bss', 'kms']
        plan.calls*.region == [kecsh.client.region(Cloud.ALIBABA)] * 2
        kecsh.client.region(Cloud.ALIBABA) == 'cn-hangzhou'
        plan.toString().contains('bss.ModifyInstance [cn-hangzhou] ')
        plan.toString().contains('kms.ReleaseKmsInstance [cn-hangzhou] DESTRUCTIVE ')
    }

    def "planning is a flag a script reads: true in a plan, in plan { }, false when run"() {
        expect:
        (kecsh.eval('planning') as Plan).result == true
        new ScriptRunner(kecsh.newSession()).run('[planning, plan { planning }.result, planning]', 'x.groovy') == [false, true, false]
    }
}
