package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.error.RefusedException
import io.kecsh.dsl.error.Target
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/** protect, the confirmer and refuseDestructive against a sandbox: a refused call sends nothing. */
class SafetySandboxSpec extends Specification {
    @TempDir
    Path home
    Kecsh kecsh
    Map<String, String> ids

    private Kecsh build(Closure configure = {}) {
        Kecsh.Builder b = KecshSandboxSpecification.hermetic(home).progress {}
        configure(b)
        kecsh = b.build()
        def made = kecsh.eval('''
            def all = instances { run type: 'S4.2B', count: 1, name: 'prod-db' } + instances { run type: 'S4.2B', count: 1, name: 'web' }
            new io.kecsh.dsl.result.InstanceGroup(all).waitUntil 'active'
        ''')
        ids = made.collectEntries { [it.name, it.id] }
        kecsh
    }

    def cleanup() {
        kecsh?.close()
    }

    private String state(String name) {
        synchronized (kecsh.sandbox.state().lock()) {
            kecsh.sandbox.state().region('cn-beijing-6').instances[ids[name]].state
        }
    }

    def "protect refuses a destructive call on a protected target, whichever way it is reached: #how"() {
        given:
        build()

        when:
        kecsh.eval("protect name: ~/^prod-/, reason: 'production'\n" + source.replace('ID', ids['prod-db']))

        then:
        KecshScriptException e = thrown()
        e.message == "script.groovy:2: kec.TerminateInstances refused: instance ${ids['prod-db']} (prod-db, S4.2B) is protected by " +
            "protect name: ~/^prod-/ (production). Nothing was sent."
        state('prod-db') == 'active'

        where:
        how                 | source
        'the curated verb'  | "instances { where name: ~/db/; terminate() }"
        'the fallback'      | "kec.TerminateInstances(InstanceId: ['ID'], ForceDelete: true)"
        'a planned script'  | "plan { instances { where name: ~/db/; terminate() } }"   // a choice only the call can judge (see ProtectBeforeFirstCallSandboxSpec)
    }

    def "protect by #criteria guards only what it names"() {
        given:
        build { Kecsh.Builder b -> b.protect(criteria) }

        when:
        def result = kecsh.eval("instances { where name: 'web'; terminate() }*.name")

        then:
        result == ['web']
        state('web') in ['deleting', 'recycling']
        state('prod-db') == 'active'

        where:
        criteria << [[name: ~/^prod-/], [name: 'prod-db', kind: 'instance'], [type: 'C4.2B']]
    }

    def "protect from the builder and by id refuses too"() {
        given:
        build()

        when:
        kecsh.eval("protect id: '${ids.web}'\ninstances { where name: 'web'; terminate() }")

        then:
        KecshScriptException e = thrown()
        e.message.contains("instance ${ids.web} (web, S4.2B) is protected by protect id: '${ids.web}'")
        state('web') == 'active'
    }

    def "an unknown protect criterion says which ones exist"() {
        given:
        build()

        when:
        kecsh.eval("protect nam: ~/x/")

        then:
        KecshScriptException e = thrown()
        e.message.contains("protect: unknown criterion 'nam' (did you mean name?)")
    }

    def "a confirmer is asked with the verb and the targets; #answer decides"() {
        given:
        List asked = []
        build { Kecsh.Builder b -> b.confirmer { String verb, List<Target> targets -> asked << [verb, targets*.name]; answer } }
        asked.clear()

        when:
        def outcome
        try {
            outcome = kecsh.eval("instances { where name: 'web'; terminate() }*.name")
        } catch (KecshScriptException e) {
            outcome = e.message
        }

        then:
        asked == [['kec.TerminateInstances', ['web']]]
        outcome == (expected instanceof String ? expected.replace('ID', ids.web) : expected)
        state('web') in after

        where:
        answer | expected                                                                                      | after
        true   | ['web']                                                                                       | ['deleting', 'recycling']
        false  | 'script.groovy:1: kec.TerminateInstances not confirmed for instance ID (web, S4.2B). Nothing was sent.' | ['active']
    }

    def "a confirmer is never asked in plan mode; the plan notes it would ask"() {
        given:
        boolean asked = false
        build { Kecsh.Builder b -> b.confirmer { String verb, List<Target> targets -> asked = true; false } }

        when:
        def plan = kecsh.eval("plan { instances { where name: 'web'; terminate() } }")

        then:
        !asked
        plan.calls*.action == ['TerminateInstances']
        plan.notes == ["kec.TerminateInstances would ask for confirmation for instance ${ids.web} (web, S4.2B)".toString()]
        state('web') == 'active'
    }

    def "refuseDestructive fails every destructive call and lets the others through"() {
        given:
        build { Kecsh.Builder b -> b.refuseDestructive(true) }

        when: 'a destructive verb the compiler cannot see (a computed name) is refused when it is called'
        def stopped = kecsh.eval("instances { where name: 'web'; stop() }*.name")
        kecsh.eval("def verb = 'term' + 'inate'\ninstances { where name: 'web'; \"\${verb}\"() }")

        then:
        stopped == ['web']
        KecshScriptException e = thrown()
        e.message == "script.groovy:2: kec.TerminateInstances refused: destructive actions are not allowed in this run (refuseDestructive); " +
            "it would affect instance ${ids.web} (web, S4.2B). Nothing was sent."
        state('web') in ['stopping', 'stopped']
    }

    def "refuseDestructive refuses a script that shows a destructive call before its first call: it launches nothing"() {
        given:
        build { Kecsh.Builder b -> b.refuseDestructive(true) }
        int before = instanceCount()

        when:
        kecsh.eval("""
            def batch = instances { run type: 'S4.2B', count: 5, name: 'tmp', suffix: 1 }
            batch.waitUntil 'active'
            instances { where name: ~/^tmp-/; terminate() }
            kec.TerminateInstances(InstanceId: ['${ids.web}'])
        """)

        then:
        KecshScriptException e = thrown()
        e.cause instanceof RefusedException
        e.message == "script.groovy:4: terminate (kec.TerminateInstances) refused before the script's first call: destructive actions are " +
            "not allowed in this run (refuseDestructive) (also: kec.TerminateInstances (kec.TerminateInstances) at line 5). Nothing was sent."
        instanceCount() == before
    }

    def "a plan with refuseDestructive is refused the same way, before its first read"() {
        given:
        kecsh = KecshSandboxSpecification.hermetic(home).progress {}.refuseDestructive(true).plan(true).build()

        when:
        kecsh.eval("instances { run type: 'S4.2B', name: 'tmp' }\ninstances { where name: 'tmp'; terminate() }")

        then:
        KecshScriptException e = thrown()
        e.message.startsWith("script.groovy:2: terminate (kec.TerminateInstances) refused before the script's first call")
    }

    private int instanceCount() {
        synchronized (kecsh.sandbox.state().lock()) {
            kecsh.sandbox.state().region('cn-beijing-6').instances.size()
        }
    }
}
