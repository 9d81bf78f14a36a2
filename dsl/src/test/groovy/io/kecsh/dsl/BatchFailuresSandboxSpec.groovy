package io.kecsh.dsl


import io.kecsh.dsl.error.BatchException
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.error.ServiceException
import java.time.Duration
/**
 * Fleet-sized verbs against the sandbox over HTTP, with its fault plan: names number on across
 * RunInstances calls, a failure part way says per instance what was done (ids), not done or
 * unknown, and waits see every instance they name.
 */
class BatchFailuresSandboxSpec extends KecshSandboxSpecification {

    private Map names() {
        List<String> all = kecsh.eval("instances.list()*.name") as List<String>
        [count: all.size(), distinct: all.toSet().size(), all: all.toSet()]
    }

    private static Set<String> web(IntRange r) {
        r.collect { "web-${it}".toString() }.toSet()
    }

    def "run count 120 with name and suffix numbers web-1 … web-120 across its three calls"() {
        when:
        kecsh.eval("instances { run type: 'S4.2B', count: 120, name: 'web', suffix: 1, hostName: 'web' }")
        def hosts = kecsh.sandbox.state().region('cn-beijing-6').instances.values()*.hostName.toSet()

        then:
        names().all == web(1..120)
        hosts == (1..120).collect { "web-${it}".toString() }.toSet()
    }

    def "a later call whose answer is lost after it took effect: its instances unknown, the earlier ones done by id, the rest not done"() {
        given:
        kecsh.sandbox.faults().passNext('RunInstances', 1).dropAfterNext('RunInstances', 1)

        when:
        def e = kecsh.eval('''
            try { instances { run type: 'S4.2B', count: 120, name: 'web', suffix: 1 }; null } catch (BatchException e) { e }
        ''') as BatchException

        then:
        e.done.size() == 50
        e.done.toSet() == kecsh.eval("instances.where(name: ~/^web-([1-9]|[1-4][0-9]|50)\$/)*.id").toSet()
        e.unknown.keySet() == web(51..100)
        e.unknown['web-51'].contains('may or may not have taken effect')
        e.notDone.keySet() == web(101..120)
        e.notDone['web-101'] == 'not tried: an earlier call failed'
        e.failed.containsKey('web-120')
        e.message.startsWith('run: 50 done, 20 not done, 50 unknown; unknown (check before retrying): web-51, web-52, web-53, web-54 … web-100 (50) (RunInstances: ')
        !e.message.contains('\n')
        names().count == 100   // the lost answer's call did create its 50
    }

    def "a later call refused (throttled past every retry): it and the rest are not done"() {
        given:
        kecsh.sandbox.faults().passNext('RunInstances', 1).throttleNext('RunInstances', 10)

        when:
        def e = kecsh.eval('''
            try { instances { run type: 'S4.2B', count: 70, name: 'web', suffix: 1 }; null } catch (BatchException e) { e }
        ''') as BatchException

        then:
        e.done.size() == 50
        e.unknown.isEmpty()
        e.notDone.keySet() == web(51..70)
        e.notDone['web-51'].contains('LimitExceeded')
        names().count == 50
    }

    def "a later call answered with a 5xx: its instances unknown, since the service may have made them"() {
        given:
        kecsh.sandbox.faults().passNext('RunInstances', 1).failNext('RunInstances', 'ServiceUnavailable', 1)

        when:
        def e = kecsh.eval('''
            try { instances { run type: 'S4.2B', count: 60, name: 'web', suffix: 1 }; null } catch (BatchException e) { e }
        ''') as BatchException

        then:
        e.unknown.keySet() == web(51..60)
        e.unknown['web-51'].contains('check the resource\'s state before trying again')
        e.notDone.isEmpty()
    }

    def "the launch succeeds and reading it back fails: the error names the instances created"() {
        given:
        kecsh.sandbox.faults().failNext('DescribeInstances', 'ServiceUnavailable', 20)

        when:
        def e = kecsh.eval('''
            try { instances { run type: 'S4.2B', count: 3, name: 'web', suffix: 1 }; null } catch (BatchException e) { e }
        ''') as BatchException

        then:
        e.done.size() == 3
        e.notDone.isEmpty() && e.unknown.isEmpty()
        e.cause instanceof ServiceException
        e.message.startsWith('run: 3 done, 0 not done, 0 unknown; then DescribeInstances')
        e.message.contains(e.done[0])

        when:
        kecsh.sandbox.faults().clear()

        then:
        kecsh.eval("instances.list()*.id").toSet() == e.done.toSet()
    }

    def "stop over 150 instances whose second call gets a 5xx: 100 done, 50 unknown"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 150, name: 'web', suffix: 1 }.waitUntil 'active'")
        kecsh.sandbox.faults().passNext('StopInstances', 1).failNext('StopInstances', 'ServiceTimeout', 1)

        when:
        def e = kecsh.eval('''
            try { instances { where name: ~/^web-/; stop() }; null } catch (BatchException e) { e }
        ''') as BatchException

        then:
        e.done.size() == 100
        e.unknown.size() == 50
        e.notDone.isEmpty()
        (e.done + e.unknown.keySet()).toSet() == kecsh.eval("instances.list()*.id").toSet()
    }

    def "waitUntil sees every instance it names, past one page and past 100 ids"() {
        given: 'most instances active, the last ones still building'
        kecsh.eval("instances { run type: 'S4.2B', count: ${total - building}, name: 'old', suffix: 1 }")
        kecsh.sandbox.clock().advance(Duration.ofSeconds(10))
        kecsh.eval("instances { run type: 'S4.2B', count: ${building}, name: 'new', suffix: 1 }")

        when:
        def states = kecsh.eval("""
            def all = instances.list()
            assert all.size() == ${total}
            ${form}
            instances.list()*.state.countBy { it }
        """)

        then:
        states == [active: total]

        where:
        total | building | form
        30    | 20       | "instances { where ids: all; waitUntil 'active' }"
        150   | 40       | "instances { where ids: all; waitUntil 'active' }"
        150   | 40       | "all.waitUntil 'active'"
    }

    def "the group a wait returns holds every instance, fresh"() {
        when:
        def states = kecsh.eval("instances { run type: 'S4.2B', count: 120 }.waitUntil('active')*.state.countBy { it }")

        then:
        states == [active: 120]
    }

    def "waiting for active on stopped instances fails at once, naming the state"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 12, name: 'web', suffix: 1 }.waitUntil 'active'")
        kecsh.eval("instances { where name: ~/^web-1[12]\$/; stop() }.waitUntil 'stopped'")

        when:
        kecsh.eval("instances { where name: ~/^web-/; waitUntil 'active' }")

        then:
        KecshScriptException e = thrown()
        e.message.contains('InstanceActive: cannot succeed (a failure state): 2 in state stopped')
        e.message.contains('seen after 0s')
    }
}
