package io.kecsh.dsl

import io.kecsh.dsl.engine.internal.Batches
import io.kecsh.dsl.error.BatchException
import spock.lang.Unroll

/**
 * Every fleet verb at the sizes that cross the model's call limits (RunInstances and DescribePrice
 * MaxCount 50, DescribeInstances and the instance actions' InstanceId 100), against the sandbox over
 * HTTP: a launch numbers every name once, a wait sees every instance, a price counts every one, and
 * stop and terminate reach them all.
 */
class FleetSizesSandboxSpec extends KecshSandboxSpecification {

    @Unroll
    def "#size instances: launched with distinct names, waited for, priced, stopped and terminated"() {
        when: 'a launch of size instances named web-1 … web-size'
        def names = kecsh.eval("""
            instances { run type: 'S4.2B', count: ${size}, name: 'web', suffix: 1 }.waitUntil('active')*.name
        """) as List<String>

        then:
        names.size() == size
        names.toSet() == (1..size).collect { "web-${it}".toString() }.toSet()
        kecsh.eval("instances.list()*.state.countBy { it }") == [active: size]

        when: 'the same choice waited for again, through a where'
        def waited = kecsh.eval("instances { where name: ~/^web-/; waitUntil 'active' }.size()")

        then:
        waited == size

        when: 'the price of that many'
        def one = kecsh.eval("prices { instance type: 'S4.2B' }.instance") as Map
        def all = kecsh.eval("prices { instance type: 'S4.2B', count: ${size} }.instance") as Map

        then:
        (all.trade as BigDecimal) == (one.trade as BigDecimal) * size
        (all.original as BigDecimal) == (one.original as BigDecimal) * size
        all.unit == one.unit

        when:
        def stopped = kecsh.eval("instances { where name: ~/^web-/; stop() }.waitUntil('stopped').size()")

        then:
        stopped == size
        kecsh.eval("instances.list()*.state.countBy { it }") == [stopped: size]

        when:
        def gone = kecsh.eval("instances { where name: ~/^web-/; terminate force: true }.waitUntil('deleted').size()")

        then:
        gone == size
        kecsh.eval("instances.list().size()") == 0

        where:
        size << [1, 49, 50, 51, 100, 101, 120, 1000]
    }

    def "1000 instances: every other instance verb reaches them all"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 1000, name: 'web', suffix: 1 }.waitUntil('active')")

        when: 'the verbs that take a list of instances, on the whole fleet; those that take one a call, on 101 of it'
        Map done = kecsh.eval('''
            def done = [:]
            instances {
                where name: ~/^web-/
                done.monitor = monitor().size()
                done.unmonitor = unmonitor().size()
                done.autoDelete = autoDelete(at: '2099-01-01 00:00').size()
                done.reboot = reboot().size()
            }
            instances { where name: ~/^web-/; waitUntil 'active'; stop() }.waitUntil 'stopped'
            def some = instances.list().take(101)
            instances {
                where ids: some
                done.resize = resize(type: 'S4.4B').size()
                done.modify = modify(hostName: 'fleet').size()
                done.reinstall = reinstall(keepImageLogin: true).size()
                waitUntil 'stopped'
            }
            instances { where name: ~/^web-/; done.start = start().size() }
            done.active = instances { where name: ~/^web-/; waitUntil 'active' }.size()
            done.streamed = instances.stream(pageSize: 100).count { it.type == 'S4.4B' && it.state == 'active' }
            done.vnc = instances { where ids: some; vnc() }.size()   // it needs them running
            done
        ''') as Map

        then:
        done == [monitor: 1000, unmonitor: 1000, autoDelete: 1000, reboot: 1000,
                 resize: 101, modify: 101, reinstall: 101, start: 1000, active: 1000, streamed: 101, vnc: 101]
        statesAndTypes() == ['active S4.4B': 101, 'active S4.2B': 899]
    }

    private Map<String, Integer> statesAndTypes() {
        synchronized (kecsh.sandbox.state().lock()) {
            kecsh.sandbox.state().region('cn-beijing-6').instances.values().countBy { "${it.state} ${it.type}".toString() } as Map<String, Integer>
        }
    }

    def "calls are sized by the model's limit: #total by #perCall is #expected"() {
        expect:
        Batches.sizes(total, perCall) == expected

        where:
        total | perCall || expected
        0     | 50      || []
        1     | 50      || [1]
        49    | 50      || [49]
        50    | 50      || [50]
        51    | 50      || [50, 1]
        100   | 100     || [100]
        101   | 100     || [100, 1]
        120   | 50      || [50, 50, 20]
        1000  | 100     || [100] * 10
    }

    def "a failed chunk of a stop says which instances were done and which not, with the error code"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', count: 120, name: 'web', suffix: 1 }.waitUntil 'active'")
        kecsh.sandbox.faults().passNext('StopInstances', 1).throttleNext('StopInstances', 10)

        when:
        def e = kecsh.eval('''
            try { instances { where name: ~/^web-/; stop() }; null } catch (BatchException e) { e }
        ''') as BatchException

        then:
        e.verb == 'stop'
        e.done.size() == 100
        e.notDone.size() == 20
        e.unknown.isEmpty()
        e.code == 'LimitExceeded'
        (e.done + e.notDone.keySet()).toSet() == kecsh.eval("instances.list()*.id").toSet()
        kecsh.eval("instances.where(state: 'active')*.id").toSet() == e.notDone.keySet()
    }
}
