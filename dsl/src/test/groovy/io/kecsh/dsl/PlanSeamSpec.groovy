package io.kecsh.dsl

import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.plan.Plan
import io.kecsh.dsl.engine.plan.PlanningOperations
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.validate.ValidationException
import spock.lang.Specification

/** PlanningOperations on a Spock mock of the seam: what reaches the real operations and what does not. */
class PlanSeamSpec extends Specification {
    static final String ID = '48de6f74-e287-45df-b55e-94266d77483f'
    CloudOperations ops = Mock {
        getModel() >> ServiceModel.bundled()
        getRegion() >> 'cn-beijing-6'
    }
    Plan plan = new Plan()
    PlanningOperations planning = new PlanningOperations(ops, plan)

    def "#action is #what"() {
        when:
        planning.call(action, params)

        then:
        sent * ops.call(action, _) >> [:]
        plan.calls.size() == 1 - sent

        where:
        action            | params                                  | sent
        'DescribeRegions' | [:]                                     | 1
        'StopInstances'   | [InstanceId: [ID]]                      | 0
        'DeleteKey'       | [KeyId: ID]                             | 0
        what = sent ? 'sent (a read)' : 'recorded, not sent (mutating)'
    }

    def "a planned state change answers one placeholder item per instance asked for"() {
        when:
        def r = planning.call('TerminateInstances', [InstanceId: [ID, 'planned-7']])

        then:
        r.InstancesSet == [[InstanceId: ID, Return: true], [InstanceId: 'planned-7', Return: true]]
        r.RequestId == 'planned'
        0 * ops.call('TerminateInstances', _)
    }

    def "a mutating call the validator refuses is neither recorded nor sent"() {
        when:
        planning.call('StopInstances', [InstanceId: ['not-an-id']])

        then:
        thrown(ValidationException)
        plan.calls.isEmpty()
        0 * ops.call(*_)
    }

    def "planned instances are described from the plan; real IDs still ask the cloud"() {
        when:
        def run = planning.call('RunInstances', [ImageId: ID, SubnetId: ID, SecurityGroupId: ID, ChargeType: 'Daily',
                                                 InstanceType: 'S4.2B', MaxCount: 2, MinCount: 2, InstanceName: 'db'])
        def pages = planning.pages('DescribeInstances', [InstanceId: run.InstancesSet*.InstanceId + [ID]]) as List

        then:
        1 * ops.call('DescribePrice', { it.MaxCount == 2 && it.InstanceType == 'S4.2B' && !it.containsKey('SubnetId') }) >>
            [PriceInfo: [InstancePrice: [TradePrice: 1.5, PriceUnit: 'Day']]]
        1 * ops.pages('DescribeInstances', [InstanceId: [ID]]) >> [[InstancesSet: [[InstanceId: ID]]]]
        pages*.InstancesSet.flatten()*.InstanceId == [ID, 'planned-1', 'planned-2']
        pages*.InstancesSet.flatten().findAll { it.InstanceId.startsWith('planned-') }*.InstanceState.Name == ['pending', 'pending']
        plan.calls[0].estimate.toString() == '1.5 per day'
        plan.calls[0].planned == ['planned-1', 'planned-2']
    }

    def "waits never poll in plan mode"() {
        when:
        def r = planning.waitFor('InstanceActive', [InstanceId: ['planned-1']], null)

        then:
        0 * ops.waitFor(*_)
        0 * ops.pages(*_)
        r.InstancesSet == []
        plan.notes == ['InstanceActive on 1 resource(s): not waited (plan mode); taken to be active']
    }
}
