package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.dsl.error.RefusedException
import java.nio.file.Path

/**
 * protect is checked over the whole script before its first call where the compiler can see both
 * the rule and what the destructive verb chooses, and still at each call: a script that launches
 * and then terminates what it protects launches nothing. A sandbox for each feature: a protect
 * rule that ran holds for the rest of the session.
 */
class ProtectBeforeFirstCallSandboxSpec extends KecshSandboxSpecification {

    /** Instances the sandbox holds that are not on their way out. */
    private int instanceCount() {
        synchronized (kecsh.sandbox.state().lock()) {
            kecsh.sandbox.state().region('cn-beijing-6').instances.values().count { !(it.state in ['deleting', 'recycling', 'deleted']) } as int
        }
    }

    def "a script that launches 5 and then terminates a protected choice is refused before the launch"() {
        when:
        kecsh.eval('''protect name: ~/^db-/, reason: 'the databases'
            def db = instances { run type: 'S4.2B', count: 5, name: 'db', suffix: 1 }
            db.waitUntil 'active'
            instances {
                where name: ~/^db-/, state: 'active'
                terminate force: true
            }
        ''')

        then:
        KecshScriptException e = thrown()
        e.cause instanceof RefusedException
        e.message == "script.groovy:6: terminate (kec.TerminateInstances) refused before the script's first call: every instance it chooses " +
            "(name: ~/^db-/) is protected by protect name: ~/^db-/ (the databases) (line 1). Nothing was sent."
        instanceCount() == 0
    }

    def "what the compiler can prove is protected is refused before the first call: #how"() {
        when:
        kecsh.eval("instances { run type: 'S4.2B', name: 'first' }\n" + source)

        then:
        KecshScriptException e = thrown()
        e.message.startsWith("script.groovy:${line}: ")
        e.message.contains("refused before the script's first call: every ${kind} it chooses${chosen} is protected by protect ${rule}")
        instanceCount() == 0

        where:
        how                                   | line | kind           | chosen                    | rule                         | source
        'a name the pattern finds'            | 3    | 'instance'     | " (name: 'db-1')"         | "name: ~/^db-/ (line 2)"     | "protect name: ~/^db-/\ninstances { where name: 'db-1'; terminate() }"
        'a narrower pattern'                  | 3    | 'instance'     | ' (name: ~/^db-prod-/)'   | "name: ~/db/ (line 2)"       | "protect name: ~/db/\ninstances { where name: ~/^db-prod-/; terminate() }"
        'every listed name'                   | 3    | 'instance'     | " (name: ['a', 'b'])"     | "name: ['a', 'b', 'c'] (line 2)" | "protect name: ['a', 'b', 'c']\ninstances { where name: ['a', 'b']; terminate() }"
        'a type'                              | 3    | 'instance'     | " (type: 'S4.2B')"        | "type: ~/^S4/ (line 2)"      | "protect type: ~/^S4/\ninstances { where type: 'S4.2B'; reinstall() }"
        'a kind: every instance'              | 3    | 'instance'     | ''                        | "kind: 'instance' (line 2)"  | "protect kind: 'instance'\ninstances { where name: 'db-' + 1; terminate() }"
        'list() chooses all'                  | 3    | 'instance'     | ''                        | "kind: 'instance' (line 2)"  | "protect kind: 'instance'\ninstances { list(); terminate() }"
        'an id in the fallback'               | 3    | 'instance'     | " (id: ['i-1'])"          | "id: 'i-1' (line 2)"         | "protect id: 'i-1'\nkec.TerminateInstances(InstanceId: ['i-1'])"
        'a plan of it'                        | 3    | 'instance'     | " (name: 'db-1')"         | "name: ~/^db-/ (line 2)"     | "protect name: ~/^db-/\nplan { instances { where name: 'db-1'; terminate() } }"
        'a kms instance by id, in its block'  | 3    | 'kms instance' | " (id: 'kms-1')"          | "id: 'kms-1' (line 2)"       | "protect id: 'kms-1'\nkms { ReleaseKmsInstance(KmsInstanceId: 'kms-1') }"
    }

    def "a rule from the run's settings counts from the start"() {
        given:
        Path other = home.resolve('other')
        Kecsh guarded = KecshSandboxSpecification.hermetic(other).progress {}.protect([name: ~/^prod-/]).build()

        when:
        guarded.eval("instances { run type: 'S4.2B', name: 'x' }\ninstances { where name: 'prod-db'; terminate() }")

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('script.groovy:2: terminate (kec.TerminateInstances) refused before the script\'s first call: every instance it chooses ' +
            "(name: 'prod-db') is protected by protect name: ~/^prod-/ (declared before this script)")
        guarded.eval('instances.list().size()') == 0

        cleanup:
        guarded?.close()
    }

    def "what the compiler cannot prove runs, and the check at the call still refuses what it reaches: #how"() {
        when:
        def outcome
        try {
            outcome = kecsh.eval("def made = instances { run type: 'S4.2B', name: 'db-1' }\n" + source + "\nmade*.name")
        } catch (KecshScriptException e) {
            outcome = e.message
        }
        int launched = instanceCount()

        then:
        launched == 1   // the launch happened: nothing was refused before the first call
        outcome instanceof String
        outcome.contains('kec.TerminateInstances refused: instance ')
        outcome.contains('(db-1, S4.2B) is protected by protect ')

        where:
        how                                   | source
        'a pattern wider than the rule'       | "protect name: ~/^db-1/\ninstances { where name: ~/^db-/; terminate() }"
        'a rule built from a variable'        | "def p = ~/^db-/\nprotect name: p\ninstances { where name: ~/^db-/; terminate() }"
        'a choice made in a condition'        | "protect name: ~/^db-/\ninstances { if (made) where name: 'db-1' else where name: 'other'; terminate() }"
        'a rule inside a block'               | "if (made) protect name: ~/^db-/\ninstances { where name: 'db-1'; terminate() }"
        'a computed name'                     | "protect name: ~/^db-/\ninstances { where name: 'db-' + 1; terminate() }"
    }

    def "a rule written after the destructive verb does not guard it before the first call"() {
        when:
        def names = kecsh.eval("def made = instances { run type: 'S4.2B', name: 'db-1' }\nmade.waitUntil 'active'\n" +
            "def names = instances { where name: 'db-1'; terminate force: true }*.name\n" +
            "protect name: ~/^db-/\nnames")

        then:
        names == ['db-1']
        instanceCount() == 0   // terminated: the rule came too late
    }
}
