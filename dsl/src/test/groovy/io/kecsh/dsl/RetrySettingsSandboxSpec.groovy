package io.kecsh.dsl

import io.kecsh.dsl.check.ScriptErrors
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.error.ServiceException

/** retry settings in a script reach the client's policy; they never make a non-idempotent mutation repeat. */
class RetrySettingsSandboxSpec extends KecshSandboxSpecification {

    def "retry attempts: 1 sends a read once: a throttled read fails"() {
        given:
        kecsh.sandbox.faults().throttleNext('DescribeInstances', 1)

        when:
        kecsh.eval("retry attempts: 1; instances.list()")

        then:
        KecshScriptException e = thrown()
        ScriptErrors.unwrap(e.cause) instanceof ServiceException
        e.message.contains('LimitExceeded')
    }

    def "retry attempts: 4, maxPause: '1ms' rides out three throttled reads"() {
        given:
        kecsh.sandbox.faults().throttleNext('DescribeInstances', 3)

        expect:
        kecsh.eval("retry attempts: 4, maxPause: '1ms'; instances.list().size()") == 0
    }

    def "the standard policy is back in the next script; more attempts than faults are needed"() {
        given:
        kecsh.sandbox.faults().throttleNext('DescribeInstances', 3)

        when:
        kecsh.eval("retry attempts: 3, maxPause: '1ms'; instances.list()")

        then:
        thrown(KecshScriptException)
    }

    def "a mutation without a ClientToken is sent once, whatever the attempts, when it may have taken effect"() {
        given:
        kecsh.eval("instances { run type: 'S4.2B', name: 'web' }.waitUntil('active')")
        kecsh.sandbox.faults().failNext('StopInstances', 'ServiceTimeout', 1)

        when:
        kecsh.eval("retry attempts: 10, maxPause: '1ms'; instances { where name: 'web'; stop() }")

        then:
        KecshScriptException e = thrown()
        e.message.contains('ServiceTimeout')
        kecsh.eval("instances.list()*.state") == ['active']
    }

    def "a wrong setting is one line with what is allowed"() {
        when:
        kecsh.eval(script)

        then:
        KecshScriptException e = thrown()
        e.message.contains(expected)

        where:
        script                      || expected
        "retry atempts: 3"          || "retry: unknown setting 'atempts' (did you mean attempts?)"
        "retry attempts: 0"         || 'retry attempts: 0 is not allowed; give a whole number 1-20'
        "retry maxPause: 'soon'"    || 'retry maxPause: '
    }
}
