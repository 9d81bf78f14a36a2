package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.waiter.WaiterException

/**
 * Waits that know their states (issue 14 item 5): a state the waiter's model counts as failed ends
 * the wait at once, naming the resources; the progress line shows the timeout (30 minutes unless
 * given); running out of time says which resources are not there yet.
 */
class WaitsSandboxSpec extends KecshSandboxSpecification {

    def "waitUntil 'active' on a stopped instance fails at once, naming the instance and its state"() {
        given:
        def web = kecsh.eval("instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')")
        kecsh.eval("instances { where name: 'web'; stop() }.waitUntil 'stopped'")
        progress.clear()

        when:
        kecsh.eval("instances { where name: 'web' }.waitUntil 'active'")

        then:
        KecshScriptException e = thrown()
        e.cause instanceof WaiterException
        !((WaiterException) e.cause).timedOut()
        e.message.contains("1 in state stopped (${web[0].id} (web) stopped), which does not lead there by itself")
        progress.findAll { it.contains('InstanceActive:') }.isEmpty()   // no poll after the first look
    }

    def "the progress line shows the timeout: the default 30 minutes, or the one the script gives"() {
        when:
        kecsh.eval("instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')")
        kecsh.eval("instances { where name: 'web'; stop() }.waitUntil(timeout: '10m', 'stopped')")
        kecsh.eval("waitUntil(timeout: 60) { instances.where(name: 'web')[0].state == 'active' }")

        then:
        progress.any { it =~ /\bInstanceActive: attempt \d+, \d+s of 1800s: / }   // after the time and region stamp
        progress.any { it =~ /\bInstanceStopped: attempt \d+, \d+s of 600s: / }
        progress.any { it =~ /\bwaitUntil: attempt \d+, \d+s of 60s$/ }
        thrown(KecshScriptException)
    }

    def "a wait that runs out of time names what is not there yet instead of only advising a longer timeout"() {
        given:
        def web = kecsh.eval("instances { run type: 'S4.2B', count: 2, name: 'web', suffix: 1 }.waitUntil('active')")

        when:
        kecsh.eval("instances { where name: ~/^web-/ }.waitUntil(timeout: 20, 'stopped')")

        then:
        KecshScriptException e = thrown()
        ((WaiterException) e.cause).timedOut()
        e.message.contains('InstanceStopped: not done within its timeout of 20s (seen: active ×2)')
        e.message.contains("not stopped yet: ${web[0].id} (web-1) active, ${web[1].id} (web-2) active")
        !e.message.contains('larger timeout')
    }
}
