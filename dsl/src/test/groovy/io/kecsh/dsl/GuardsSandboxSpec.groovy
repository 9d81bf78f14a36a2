package io.kecsh.dsl


import io.kecsh.dsl.error.ExpectationException
import io.kecsh.dsl.error.KecshScriptException
/** Guards: a selection checked before the verbs after it act; a miss says what was found and stops. */
class GuardsSandboxSpec extends KecshSandboxSpecification {

    def setup() {
        kecsh.eval("instances { run type: 'S4.2B', count: 2, name: 'web', suffix: 1 }.waitUntil('active')")
    }

    def "expect count: 3 on two instances fails naming them, and nothing after it is done"() {
        when:
        kecsh.eval("""
            instances {
                where name: ~/^web-/
                expect count: 3
                stop()
            }
        """)

        then:
        KecshScriptException e = thrown()
        e.message.contains('script.groovy:4')
        e.message.contains('expect count: 3: found 2 instance(s): web-1 (')
        e.message.contains('web-2 (')
        kecsh.eval("instances.list()*.state.unique()") == ['active']
    }

    def "a guard that holds lets the block go on"() {
        expect:
        kecsh.eval("instances { where name: ~/^web-/; expect count: 2, atLeast: 1, nonEmpty: true; stop() }.size()") == 2
    }

    def "an empty selection fails when the script asks; a script can catch it as ExpectationException"() {
        expect:
        kecsh.eval("""
            try { instances.where(name: 'nothing').expect(nonEmpty: true); 'went on' }
            catch (ExpectationException e) { e.message + ' | ' + e.found.size() }
        """) == 'expect nonEmpty: true: found 0 instance(s); nothing after the guard was done | 0'
        kecsh.eval("instances.where(name: 'nothing').expect(nonEmpty: false).size()") == 0
    }

    def "a misspelt guard is one line with a did-you-mean"() {
        when:
        kecsh.eval("instances { where name: ~/^web-/; expect cout: 2 }")

        then:
        KecshScriptException e = thrown()
        e.message.contains("expect: unknown word 'cout' (did you mean count?)")
    }
}
