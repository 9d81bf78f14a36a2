package io.kecsh.dsl

import io.kecsh.runtime.sandbox.server.RandomFaults

/**
 * The rollout of a careful script (chaos/careful-rollout.groovy) through the DSL against the
 * sandbox under seeded random faults — 30 % throttling, 10 % 5xx, 5 % dropped connections (half
 * before, half after the call took effect) on every instance action — must end exact: every name
 * made once, none lost, nothing left running, and every failure the script saw named each resource
 * as done, not done or unknown. A CI size; bench/ChaosRollout.java runs 1,000 instances over several seeds.
 */
class ChaosRolloutSpec extends KecshSandboxSpecification {
    static final Set<String> ACTIONS = ['RunInstances', 'DescribeInstances', 'StopInstances', 'StartInstances', 'TerminateInstances'] as Set

    def "a careful 150-instance rollout under seeded faults ends with exact counts and every failure named"() {
        given:
        int size = 150
        def faults = new RandomFaults(seed, ACTIONS, 0.30, 0.10, 0.025, 0.025)
        kecsh.sandbox.faults().random(faults)
        String script = getClass().getResource('/chaos/careful-rollout.groovy').text

        when:
        Map seen = kecsh.eval(script, [size: size]) as Map
        kecsh.sandbox.faults().clear()
        def made = kecsh.sandbox.state().region('cn-beijing-6').instances.values()

        then: 'each name made once, none lost'
        made.size() == size
        made*.name.toSet() == (1..size).collect { "web-${it}".toString() }.toSet()

        and: 'nothing left running: every instance went to the recycle bin'
        made*.state.toSet() == ['recycling'] as Set
        kecsh.eval('instances.list()').isEmpty()

        and: 'the faults happened, and every failure the script saw named each resource'
        faults.played().LimitExceeded > 0 && faults.played().DROP_AFTER > 0
        !seen.failures.isEmpty()
        seen.failures.every { it.named }
        seen.failures.every { it.done + it.notDone + it.unknown == it.asked }
        seen.failures.any { it.unknown > 0 }

        where:
        seed << [20261202L]
    }
}
