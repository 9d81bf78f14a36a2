package io.kecsh.dsl

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.context.InstancesContext
import io.kecsh.dsl.error.BatchException
import io.kecsh.runtime.error.ServiceException
import io.kecsh.runtime.error.TransportException
import io.kecsh.runtime.model.ServiceModel
import spock.lang.Specification

/** The DSL's calls through its one seam, asserted with a Spock mock: batching and partial failure. */
class DslSeamSpec extends Specification {
    static final String ID = '48de6f74-e287-45df-b55e-94266d77483f'
    CloudOperations ops = Mock {
        getModel() >> ServiceModel.bundled()
        getRegion() >> 'cn-beijing-6'
        pages('DescribeInstances', _) >> { args -> [[InstancesSet: args[1].InstanceId.collect { [InstanceId: it, InstanceState: [Name: 'building']] }]] }
    }
    def defaults = new Defaults([:], { String key, String region -> [image: ID, subnet: ID, securityGroup: ID, chargeType: 'Daily'][key] } as Defaults.Source)
    def session = new KecshSession(ops, defaults, null)
    def context = new InstancesContext(session)

    private static Map created(int n, int from) {
        [InstancesSet: (from..<from + n).collect { [InstanceId: "i-${it}".toString(), InstanceName: "web-${it}".toString()] }]
    }

    def "count 120 becomes RunInstances calls of 50, 50 and 20"() {
        when:
        def group = session.enter { context.run(type: 'S4.2B', count: 120) }

        then:
        1 * ops.call('RunInstances', { it.MaxCount == 50 && it.MinCount == 50 && it.InstanceType == 'S4.2B' && it.ImageId == ID }) >> created(50, 0)
        1 * ops.call('RunInstances', { it.MaxCount == 50 }) >> created(50, 50)
        1 * ops.call('RunInstances', { it.MaxCount == 20 && it.MinCount == 20 }) >> created(20, 100)
        group.size() == 120
    }

    def "a failure part way reports what was created and what was not, and is not retried"() {
        when:
        session.enter { context.run(type: 'S4.2B', count: 70) }

        then:
        1 * ops.call('RunInstances', { it.MaxCount == 50 }) >> created(50, 0)
        1 * ops.call('RunInstances', { it.MaxCount == 20 }) >> { throw new ServiceException('RunInstances', 'cn-beijing-6', 'InvalidParameterValue', 'quota', 400, 'r', 'Sender') }
        0 * ops.call('RunInstances', _)
        BatchException e = thrown()
        e.succeeded.size() == 50
        e.notDone.keySet() == (51..70).collect { "instance #${it} of 70".toString() } as Set
        e.failed.containsKey('instance #51 of 70')
        e.unknown.isEmpty()
        e.message.startsWith('run: 50 done, 20 not done, 0 unknown; not done: instance #51 of 70, ')
    }

    def "a connection lost part way: unknown when the request may have been processed, not done when it cannot have been"() {
        when:
        session.enter { context.run(type: 'S4.2B', count: 120, name: 'web', suffix: 1) }

        then:
        1 * ops.call('RunInstances', { it.MaxCount == 50 && it.InstanceNameSuffix == 1 }) >> created(50, 0)
        1 * ops.call('RunInstances', { it.MaxCount == 50 && it.InstanceNameSuffix == 51 }) >> {
            throw new TransportException('connection reset', processed, null).about('RunInstances', true, 1)
        }
        0 * ops.call('RunInstances', _)
        BatchException e = thrown()
        e.done.size() == 50
        (processed ? e.unknown : e.notDone).keySet().containsAll((51..100).collect { "web-${it}".toString() })
        e.notDone.keySet().containsAll((101..120).collect { "web-${it}".toString() })
        e.unknown.size() == (processed ? 50 : 0)

        where:
        processed << [true, false]
    }

    def "the defaults fill what run leaves out, with the profile and sandbox behind the script's own"() {
        given:
        defaults.set('chargeType', 'Monthly')

        when:
        session.enter { context.run(type: 'S4.2B', count: 1, months: 12) }

        then:
        1 * ops.call('RunInstances', { it.ChargeType == 'Monthly' && it.PurchaseTime == 12 && it.SubnetId == ID }) >> created(1, 0)
    }

    def "no default anywhere: the error says where to set it"() {
        given:
        def bare = new KecshSession(ops, new Defaults([:], null), null)

        when:
        bare.enter { new InstancesContext(bare).run(type: 'S4.2B') }

        then:
        IllegalArgumentException e = thrown()
        e.message == "run: no image given and no default: pass image: to run, or set it with defaults { image '…' } in the script or default.image in ~/.kecsh/config"
        0 * ops.call(*_)
    }

    def "id lists over 100 are sent 100 at a time"() {
        given:
        List<String> ids = (1..250).collect { "i-${it}".toString() }

        when:
        session.enter {
            context.where(ids: ids)
            context.start()
        }

        then:
        3 * ops.call('StartInstances', { it.InstanceId.size() <= 100 }) >> { args -> [InstancesSet: args[1].InstanceId.collect { [InstanceId: it, Return: true] }] }
    }
}
