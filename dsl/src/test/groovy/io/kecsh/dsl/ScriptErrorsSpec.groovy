package io.kecsh.dsl

import io.kecsh.dsl.error.KecshScriptException
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

/** Failures while a script runs: one clear line with the script line, wherever they happen; the trace on request. */
class ScriptErrorsSpec extends Specification {
    @Shared
    @TempDir
    Path home
    @Shared
    Kecsh kecsh

    def setupSpec() {
        kecsh = KecshSandboxSpecification.hermetic(home).progress {}.build()
    }

    def cleanupSpec() {
        kecsh.close()
    }

    @Unroll
    def "a failure #where is one line naming script line #line"() {
        when:
        kecsh.eval(source)

        then:
        KecshScriptException e = thrown()
        e.message.startsWith("script.groovy:${line}: ${expected}")
        e.message.readLines().size() == 1
        e.line == line
        !e.message.contains('\tat ') && !e.message.contains('Possible solutions') && !e.message.contains('closure')

        where:
        where                               | line | expected                                                                                                   | source
        'in a result\'s method'             | 3    | "waitUntil: unknown state 'runing' (did you mean active?); states: active, stopped, recycling, deleted" | "def s = 'runing'\ndef web = instances { run type: 'S4.2B' }\nweb.waitUntil s"
        'in a closure inside a block'       | 5    | "StopInstances: StoppedMode: 'Keep' is not a valid StoppedMode (did you mean KeepCharging?); allowed: KeepCharging, StopCharging" | "def m = 'Keep'\ninstances {\n  [1].each {\n    where state: 'building'\n    stop mode: m\n  }\n}"
        'in a nested block'                 | 3    | "waitUntil: choose instances first, e.g. where state: 'active', name: ~/^ci-/"                              | "instances {\n  instances {\n    waitUntil 'active'\n  }\n}"
        'in a runtime-only value'           | 2    | "RunInstances: InstanceType: 'S4.2X' is not a valid InstanceType (did you mean S4.2A, S4.2B, S4.2C or S4.2D?); allowed S4 values: S4.1A" | "def t = 'S4.2X'\ninstances { run type: t }"
        'in a condition that never holds'   | 1    | 'waitUntil: the condition did not hold within 10s'                                                         | "waitUntil(timeout: 10) { false }"
        'for a misspelt block'              | 2    | 'instnces({ … }): no such method (did you mean instances?)'                                                | "region 'cn-beijing-6'\ninstnces { }"
        'for an unknown name'               | 1    | 'webb: no such property (not a variable of the script, nor a DSL name)'                                    | "println webb"
        'for a Groovy error'                | 2    | 'NullPointerException: Cannot invoke method foo() on null object'                                         | "def x = null\nx.foo()"
        'for a value with ESC and newline'  | 3    | "waitUntil: unknown state 'run\\e[2J\\ning'"                                                           | "def s = 'run\\u001b[2J\\ning'\ndef web = instances { run type: 'S4.2B' }\nweb.waitUntil s"
        'for a name with ESC and NUL'       | 1    | 'we\\e\\0bb: no such property'                                                                             | 'println this."we\\u001b\\u0000bb"'
        'for an unknown verb with named arguments' | 2 | "instances { } has no verb 'launch'; did you mean run?"                                      | "region 'cn-beijing-6'\ninstances { launch type: 'S4.2B' }"
        'for an unknown bare word in a block'  | 2    | "instances { } has no verb 'launch'; did you mean run?"                                                    | "instances {\n  launch\n}"
        'for a word no verb is close to'       | 1    | "instances { } has no verb 'xyzzy'; its words: autoDelete, modify, monitor"                                 | "instances { xyzzy() }"
        'for a verb given arguments it does not take' | 1 | "list: unknown option 'max'; list takes pageSize (or use where for criteria)"                        | "instances.list(max: 100)"
        'for a page size out of range (list)'   | 2 | 'list pageSize: 2 must be a whole number from 5 to 1000 (instances a call, MaxResults)'               | "def all = 0\nall = instances.list(pageSize: 2)"
        'for a page size out of range (stream)' | 1 | 'stream pageSize: 1001 must be a whole number from 5 to 1000 (instances a call, MaxResults)'         | "instances.stream(pageSize: 1001).each { }"
        'for a page size that is not a number'  | 1 | 'list pageSize: a String must be a whole number from 5 to 1000 (instances a call, MaxResults)'      | "instances.list(pageSize: '100')"
        'for a word the block keeps to itself' | 1    | "instances { } has no verb 'select'; did you mean where?"                                                  | "instances.select(name: 'web')"
        'for a verb that needs a name'         | 1    | "keys { } create(keyName: …): create takes ('…') or (name: value…, '…')"                                   | "keys { create keyName: 'x' }"
        'for an action named at run time'   | 2    | 'kec.DescribeRegionz: no such action (did you mean DescribeRegions?); kec has 47 actions, e.g. AddVmIntoDataGuard, AttachKey, AttachNetworkInterface, CopyImage, CreateDataGuardGroup, CreateImage…' | "def a = 'DescribeRegionz'\nkec.\"\$a\"()"
    }

    def "the trace is there on request, with the original failure"() {
        when:
        kecsh.eval("def s = 'runing'\ninstances.where(state: 'active').waitUntil(s)")

        then:
        KecshScriptException e = thrown()
        e.message.readLines().size() == 1
        e.cause != null
        e.trace().contains('IllegalArgumentException')
        e.trace().contains('\tat ')
        e.trace().contains('script.groovy:2')
    }
}
