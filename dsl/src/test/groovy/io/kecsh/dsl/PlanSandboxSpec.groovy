package io.kecsh.dsl

import io.kecsh.dsl.engine.plan.Plan
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.sandbox.SandboxOptions


/** Plan mode against a fresh sandbox: reads are real, nothing changes, secrets masked, prices from DescribePrice. */
class PlanSandboxSpec extends KecshSandboxSpecification {
    static final String PASSWORD = 'Secret123x'

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
            kecsh.sandbox.state().region('cn-beijing-6').instances.values().collectEntries { [it.id, it.state] }
        }
    }

    def "the design-card line, planned: one RunInstances recorded, nothing created, priced by DescribePrice"() {
        given:
        def before = sandboxInstances()

        when:
        Plan plan = kecsh.eval("instances { run type: 'S4.2B', count: 3, password: '${PASSWORD}' }")

        then:
        plan.calls*.action == ['RunInstances']
        plan.calls[0].params.MaxCount == 3
        plan.calls[0].params.InstancePassword == '****'
        plan.result*.id == ['planned-1', 'planned-2', 'planned-3']
        plan.result*.state == ['pending'] * 3
        plan.result*.type == ['S4.2B'] * 3
        sandboxInstances() == before

        and: 'the printed plan masks the password and carries the estimate'
        String printed = plan.toString()
        !printed.contains(PASSWORD)
        printed.contains('InstancePassword=****')
        printed.readLines()[0] == 'Plan: 1 call would be sent'
        printed.readLines()[1].startsWith('  1. kec.RunInstances [cn-beijing-6] ')
        printed.contains('Estimated price: ')

        and: 'the estimate is what DescribePrice says for the same launch'
        def p = plan.calls[0].params
        def price = kecsh.client.call('DescribePrice', [InstanceType: 'S4.2B', ImageId: p.ImageId, ChargeType: p.ChargeType, MaxCount: 3])
        plan.calls[0].estimate.total == new BigDecimal(price.PriceInfo.InstancePrice.TradePrice.toString())
        plan.calls[0].estimate.period == 'per hour'
        plan.totals == ['per hour': plan.calls[0].estimate.total]
    }

    def "a mixed script: reads answer for real, changes are recorded, waits return at once"() {
        given:
        def web = really("def w = instances { run type: 'S4.2B', count: 2, name: 'web', suffix: 1 }; w.waitUntil 'active'; w")
        def before = sandboxInstances()

        when:
        Plan plan = kecsh.eval("""
            def existing = instances.where(name: ~/^web-/)
            def fresh = instances { run type: 'S4.2B', count: 2, name: 'new', suffix: 1, password: '${PASSWORD}' }
            fresh.waitUntil 'active'
            instances { where name: ~/^web-/; stop() }
            def all = instances.list()
            [existing: existing*.name, fresh: fresh*.name, all: all.size(), regions: kec.DescribeRegions().RegionSet.size()]
        """)

        then: 'the reads happened'
        plan.result.existing == ['web-1', 'web-2']
        plan.result.fresh == ['new-1', 'new-2']
        plan.result.all == 4
        plan.result.regions > 0

        and: 'the changes did not'
        plan.calls*.action == ['RunInstances', 'StopInstances']
        plan.calls[1].params.InstanceId as Set == web*.id as Set
        sandboxInstances() == before
        before.values() as Set == ['active'] as Set

        and: 'the wait is noted, not waited'
        plan.notes.any { it.startsWith('InstanceActive on 2 resource(s): not waited') }
        !plan.toString().contains(PASSWORD)
    }

    def "a plan follows what it would create: an image, a key, and the calls that use them"() {
        given:
        def web = really("instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')")
        def before = sandboxInstances()

        when:
        Plan plan = kecsh.eval("""
            def image = images { create from: '${web[0].id}', name: 'web_v1' }
            images { waitUntil 'available', image; copy image, to: ['cn-shanghai-2'] }
            def key = keys { create 'deploy' }
            keys { attach key, to: '${web[0].id}' }
            [image: image.id, key: key.id]
        """)

        then:
        plan.calls*.action == ['CreateImage', 'CopyImage', 'CreateKey', 'AttachKey']
        plan.result.image == 'planned-1'
        plan.result.key == 'planned-2'
        plan.calls[1].params.ImageId == ['planned-1']
        plan.calls[3].params.KeyId == ['planned-2']
        sandboxInstances() == before
    }

    def "plan { } inside a script returns its plan; what follows runs for real"() {
        given:
        Kecsh real = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).progress {}.build()

        when:
        def result = real.eval('''
            def p = plan {
                instances { run type: 'S4.2B', count: 2, name: 'planned' }
                instances.list().size()
            }
            def made = instances { run type: 'S4.2B', count: 1, name: 'real' }
            [plan: p, made: made*.name, seen: instances.list()*.name]
        ''')

        then:
        result.plan.calls*.action == ['RunInstances']
        result.plan.result == 2
        result.made == ['real']
        result.seen == ['real']

        cleanup:
        real.close()
    }

    def "a plan fails where the real call would be refused, secrets masked: #source"() {
        when:
        kecsh.eval(source)

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('script.groovy:1: ')
        e.message.contains(expected)
        !e.message.contains('short1A')

        where:
        source                                                        | expected
        "instances { run type: 'S4.2B', password: 'short1A' }"        | "InstancePassword"
        // a variable: a literal 99 is refused before the plan, at compile time (LiteralChecksSpec)
        "def m = 99; instances { run type: 'S4.2B', count: 1, months: m, chargeType: 'Monthly' }" | 'PurchaseTime'
    }

    def "a Monthly launch is priced for its term"() {
        when:
        Plan plan = kecsh.eval("instances { run type: 'S4.2B', count: 2, chargeType: 'Monthly', months: 12 }")

        then:
        plan.calls[0].estimate.period == 'for 12 months'
        plan.calls[0].estimate.total > 0
        plan.toString().contains('for 12 months')
    }
}
