package io.kecsh.scripts

import com.fasterxml.jackson.databind.ObjectMapper

/**
 * The example scripts that launch, stop, start, reboot, scale and price a fleet of instances
 * (see {@link ExampleScriptsSpecification}).
 */
class FleetScriptsSpec extends ExampleScriptsSpecification {
    def "provision-web-tier launches the tier, waits for it, and launches only what is missing on a rerun"() {
        when:
        plan('provision-web-tier.groovy', ['3', 'S4.2B', 'web'], ['RunInstances'])
        def first = run('provision-web-tier.groovy', ['3', 'S4.2B', 'web'])

        then:
        named(/web-\d+/)*.InstanceName.sort() == ['web-1', 'web-2', 'web-3']
        named(/web-\d+/).every { it.InstanceState.Name == 'active' && it.InstanceType == 'S4.2B' }
        first.stdout.contains('web-3')

        when: 'one is lost and the script runs again'
        cloud.call('TerminateInstances', [InstanceId: [named(/web-2/)[0].InstanceId], ForceDelete: true])
        cloud.instances()
        def second = run('provision-web-tier.groovy', ['3', 'S4.2B', 'web'])

        then:
        named(/web-\d+/).size() == 3
        named(/web-\d+/)*.InstanceName.sort() == ['web-1', 'web-3', 'web-4']
        second.stdout.contains('launching 1 ')

        expect: 'a third run has nothing to do, and its plan is empty'
        run('provision-web-tier.groovy', ['3']).stdout.contains('nothing to launch')
        plan('provision-web-tier.groovy', ['3'], [])
    }

    def "provision-web-tier at 120 (more than one RunInstances call) names web-1 … web-120 once each and waits for all"() {
        when:
        run('provision-web-tier.groovy', ['120', 'S4.2B', 'web'])

        def all = cloud.client.pages('DescribeInstances', [:]).collectMany { (it.InstancesSet ?: []) as List<Map> }   // every page

        then:
        all*.InstanceName.toSet() == (1..120).collect { "web-${it}".toString() }.toSet()
        all.size() == 120
        all.every { it.InstanceState.Name == 'active' }
    }

    def "stop-dev-at-night stops the running dev instances with StopCharging; start-dev-in-the-morning starts them"() {
        given:
        cloud.launch('dev-api', 2)
        cloud.launch('prod-api', 1)
        cloud.launch('test-api', 1)

        when:
        plan('stop-dev-at-night.groovy', [], ['StopInstances'])
        def night = run('stop-dev-at-night.groovy')

        then:
        named(/dev-.*/).every { it.InstanceState.Name == 'stopped' && it.StoppedMode == 'StopCharging' }
        named(/prod-.*|test-.*/).every { it.InstanceState.Name == 'active' }
        night.stdout.contains('stopped 2 development instance(s)')

        when: 'a second night run, and a pattern from the environment'
        def again = run('stop-dev-at-night.groovy')
        run('stop-dev-at-night.groovy', [], [DEV_PATTERN: '^test-'])

        then:
        again.stdout.contains('no running development instance')
        named(/test-.*/).every { it.InstanceState.Name == 'stopped' }

        when:
        plan('start-dev-in-the-morning.groovy', [], ['StartInstances'])
        def morning = run('start-dev-in-the-morning.groovy')

        then:
        named(/dev-.*/).every { it.InstanceState.Name == 'active' }
        named(/test-.*/).every { it.InstanceState.Name == 'stopped' }
        morning.stdout.contains('started 2 development instance(s)')
        run('start-dev-in-the-morning.groovy').stdout.contains('no stopped development instance')
    }

    def "rolling-reboot reboots the matching instances in batches, each back to active before the next"() {
        given:
        cloud.launch('web', 5, 'S4.2B', [InstanceNameSuffix: 1])
        cloud.launch('db', 1)

        when:
        plan('rolling-reboot.groovy', ['^web-', '2'], ['RebootInstances'])
        def r = run('rolling-reboot.groovy', ['^web-', '2'])

        then:
        r.stdout.contains('batch 1: web-1, web-2')
        r.stdout.contains('batch 2: web-3, web-4')
        r.stdout.contains('batch 3: web-5')
        !r.stdout.contains('batch 4')
        r.stdout.contains('rebooted 5 instance(s) in batches of 2')
        named(/web-\d/).every { it.InstanceState.Name == 'active' }
    }

    def "scale-out-from-template launches from the template up to the count, and never twice"() {
        given:
        def model = cloud.call('CreateModel', [ModelName: 'web', ImageId: cloud.centos(), InstanceType: 'S4.2B',
                                               SubnetId: cloud.region().defaultSubnetId, SecurityGroupId: cloud.region().defaultSecurityGroupId,
                                               ChargeType: 'HourlyInstantSettlement', PurchaseTime: 0, InstancePassword: 'Passw0rd!x9']).ModelId
        cloud.launch('web', 1, 'S4.2B', [InstanceNameSuffix: 1])

        when:
        plan('scale-out-from-template.groovy', ['web', '3'], ['RunInstances'])
        run('scale-out-from-template.groovy', ['web', '3'])

        then:
        named(/web-\d+/)*.InstanceName.sort() == ['web-1', 'web-2', 'web-3']
        named(/web-\d+/).every { it.InstanceState.Name == 'active' }

        expect:
        run('scale-out-from-template.groovy', ['web', '3']).stdout.contains('nothing to do')
        named(/web-\d+/).size() == 3
        cloud.kecsh('run', script('scale-out-from-template.groovy'), ['wbe', '3']).with { exitCode == 1 && stderr.contains('no launch template called wbe') }
        model != null
    }

    def "cost-report prices what is running by type and charge type, and its JSON output is the report"() {
        given:
        cloud.launch('web', 2, 'S4.2B')
        cloud.launch('db', 1, 'S4.4B')
        def stopped = cloud.launch('old', 1, 'S4.8B')
        cloud.call('StopInstances', [InstanceId: stopped])
        cloud.instances()

        when:
        def text = run('cost-report.groovy')
        def json = KecshCommand.run(['run', '--endpoint', cloud.sandbox.endpoint().toString(), '--output', 'json',
                                     script('cost-report.groovy')], cloud.env())
        def report = new ObjectMapper().readValue(json.stdout, Map)

        then:
        json.exitCode == 0
        report.lines*.type == ['S4.2B', 'S4.4B']
        report.lines*.count == [2, 1]
        report.lines.every { it.price > 0 }
        report.totals.values().sum() == report.lines*.price.sum()
        text.stdout.contains('S4.2B') && text.stdout.contains('total: ')
        !text.stdout.contains('S4.8B')

        expect: 'reads only'
        plan('cost-report.groovy', [], [])
    }

    def "cost-report prices a type with more than 50 running (DescribePrice takes at most 50 a call)"() {
        given:
        3.times { cloud.launch('web', 40, 'S4.2B') }
        cloud.instances()
        BigDecimal one = ((cloud.call('DescribePrice', [InstanceType: 'S4.2B', ImageId: cloud.centos(), MaxCount: 1,
                                                        ChargeType: 'HourlyInstantSettlement']).PriceInfo as Map).InstancePrice as Map).TradePrice as BigDecimal

        when:
        def json = KecshCommand.run(['run', '--endpoint', cloud.sandbox.endpoint().toString(), '--output', 'json',
                                     script('cost-report.groovy')], cloud.env())
        def report = new ObjectMapper().readValue(json.stdout, Map)

        then:
        json.exitCode == 0
        report.lines*.count == [120]
        (report.lines[0].price as BigDecimal) == one * 120
    }
}
