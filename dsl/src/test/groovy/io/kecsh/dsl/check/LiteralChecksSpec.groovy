package io.kecsh.dsl.check

import io.kecsh.dsl.CloudScript
import io.kecsh.dsl.ScriptRunner
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.TakesActions
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.model.Service
import io.kecsh.runtime.model.ServiceModel
import java.lang.reflect.Method
import spock.lang.Specification
import spock.lang.Unroll

/** Literal values and names the model does not know fail compilation, all at once, at their line:col. */
class LiteralChecksSpec extends Specification {
    ScriptRunner runner

    def setup() {
        CloudOperations ops = Stub(CloudOperations) { getModel() >> ServiceModel.bundled() }
        runner = new ScriptRunner(new KecshSession(ops, new Defaults([:], null), null))
    }

    @Unroll
    def "the literal in '#source' compiles"() {
        when:
        runner.check(source, 'ok.groovy')

        then:
        noExceptionThrown()

        where:
        source << [
            "instances { run type: 'S4.2B', count: 3, name: 'web', suffix: 1, image: 'centos-7.6' }",
            "instances { run type: 'S4.2B', chargeType: 'HourlyInstantSettlement' }",
            "instances { where state: 'active', zone: ['cn-beijing-6a', 'cn-beijing-6b']; stop mode: 'StopCharging', force: true }",
            "instances { where name: ~/^ci-/, type: 'anything goes client-side'; terminate force: true }",
            "instances.where(state: 'stopped')*.privateIp",
            "kec.RunInstances(InstanceType: 'S4.2B', MaxCount: 1)",
            "kec.DescribeRegions()",
            "kms { upgrade 'kst-1', spec: 2000, keyNum: 2000; renew 'kst-1', months: 12, secretNum: 1000; release 'kst-1', force: false }",
            "images { copy 'img-1', to: ['cn-shanghai-2'], name: 'web_v1'; waitUntil 'available' }",
            "snapshots { snapshot 'vol-1', name: 'nightly', description: 'kept 7 days'; waitUntil 'ready' }",
            "def web = instances { run type: 'S4.2B' }; web.waitUntil 'active', timeout: '5m'",
            "instances { where state: 'stopped'; waitUntil 'deleted' }",
            "def s = 'activ'; instances { waitUntil s }",                   // a variable: checked when it runs
            "class Probe { def waitUntil(String s) { s } }; new Probe().waitUntil('whenever')",   // not the DSL
            "def t = 'S4.2X'; instances { run type: t }",                 // a variable: the runtime validator's job
            "def n = 2; instances { run type: \"S4.\${n}X\" }",           // a GString likewise
            "def m = [type: 'S4.2X']; instances { run m }",               // a computed map likewise
            "def instances = [where: { Map m -> m }]; instances.where(state: 'nope')",   // a local, not the DSL
            "class Helper { def where(Map m) { m } }; new Helper().where(state: 'nope')",
        ]
    }

    @Unroll
    def "#source fails at #at with '#expected'"() {
        when:
        runner.check(source, 'deploy.groovy')

        then:
        KecshScriptException e = thrown()
        e.problems.size() == 1
        e.message.startsWith("deploy.groovy:${at}: ")
        e.message.contains(expected)
        !e.message.contains('\tat ')

        where:
        source                                                          | at     | expected
        "instances { run type: 'S4.2X' }"                               | '1:23' | "run type: 'S4.2X' is not a valid InstanceType (did you mean S4.2A, S4.2B, S4.2C or S4.2D?)"
        "instances { run type: 'S4.2X' }"                               | '1:23' | 'allowed S4 values: S4.1A, S4.1B'
        "instances { run type: 's4.2b' }"                               | '1:23' | "run type: 's4.2b' is not a valid InstanceType (did you mean S4.2B?)"
        "instances { run type: 'S4.2B', chargeType: 'Monthy' }"         | '1:44' | "run chargeType: 'Monthy' is not a valid ChargeType (did you mean Monthly?); allowed: Monthly, Daily"
        "instances { run typ: 'S4.2B' }"                                | '1:17' | "run: unknown parameter 'typ' (did you mean type?); run takes type, image"
        "instances {\n  where state: 'actve'\n}"                        | '2:16' | "where state: 'actve' is not a valid InstanceStateName (did you mean active?)"
        "instances { where zone: ['cn-beijing-6a', 'cn-beijing-6Z'] }"  | '1:43' | "where zone: 'cn-beijing-6Z' is not a valid AvailabilityZone (did you mean cn-beijing-6a, cn-beijing-6b or cn-beijing-6c?)"
        "instances { where colour: 'red' }"                             | '1:19' | "where: unknown criterion 'colour'; criteria: id, ids"
        "instances { where state: 'active'; stop mode: 'Keep' }"        | '1:47' | "stop mode: 'Keep' is not a valid StoppedMode (did you mean KeepCharging?); allowed: KeepCharging, StopCharging"
        "instances { where state: 'active'; reboot forse: true }"       | '1:43' | "reboot: unknown parameter 'forse' (did you mean force?)"
        "instances { [1, 2].each { run type: 'S4.2X' } }"               | '1:37' | "run type: 'S4.2X'"
        "instances.where(state: 'actve')"                               | '1:24' | "where state: 'actve'"
        "this.instances.where(state: 'actve')"                          | '1:29' | "where state: 'actve'"
        "kec.DescribeRegionz()"                                         | '1:5'  | 'kec.DescribeRegionz: no such action (did you mean DescribeRegions?); kec has 47 actions, e.g. '
        "kec.RunInstances(InstanceType: 'N3.2X')"                       | '1:32' | "kec.RunInstances InstanceType: 'N3.2X' is not a valid InstanceType (did you mean N3.2B or N3.2C?)"
        "kec.RunInstances(instanceTyp: 'N3.2B')"                        | '1:18' | "kec.RunInstances: unknown parameter 'instanceTyp' (did you mean instanceType?)"
        "images { copy 'img-1', to: ['cn-shanghai-2'], nme: 'v1' }"     | '1:47' | "copy: unknown parameter 'nme' (did you mean name?)"
        "kms { upgrade 'kst-1', spc: 2000 }"                            | '1:24' | "upgrade: unknown parameter 'spc' (did you mean spec?)"
        "snapshots { snapshot 'vol-1', name: 'n', descripton: 'd' }"    | '1:42' | "snapshot: unknown parameter 'descripton' (did you mean description?)"
        "prices { instance type: 'S4.2X' }"                             | '1:25' | "instance type: 'S4.2X' is not a valid InstanceType"
        "keys { attach 'key-1', too: 'i-1' }"                           | '1:24' | "attach: unknown parameter 'too' (did you mean to?)"
        "instances { where state: 'active'; waitUntil 'activ' }"        | '1:46' | "waitUntil: unknown state 'activ' (did you mean active?); states: active, stopped"
        "def web = instances { run type: 'S4.2B' }\nweb.waitUntil 'runing'" | '2:15' | "waitUntil: unknown state 'runing' (did you mean active?)"
        "images { waitUntil 'availble' }"                               | '1:20' | "waitUntil: unknown state 'availble' (did you mean available?); states: available, active"
        "kms { waitUntil 'conected', 'kst-1' }"                         | '1:17' | "waitUntil: unknown state 'conected' (did you mean connected?); states: connected"
        // issue 14 item 7: the same words, the same answers, everywhere
        "instances { waitUntil 'running' }"                             | '1:23' | "waitUntil: unknown state 'running' (did you mean active?); states: active, stopped, recycling, deleted"
        "instances { where state: 'running' }"                          | '1:26' | "where state: 'running' is not a valid InstanceStateName (did you mean active?)"
        "instances.where(state: 'terminated')"                          | '1:24' | "where state: 'terminated' is not a valid InstanceStateName (did you mean deleted?)"
        "kms.GetKmsInstance(KmsInstanceI: 'kst-1')"                     | '1:20' | "kms.GetKmsInstance: unknown parameter 'KmsInstanceI' (did you mean kmsInstanceId?)"
        "kms.GetKmsInstanc(KmsInstanceId: 'kst-1')"                     | '1:5'  | "kms.GetKmsInstanc: no such action (did you mean GetKmsInstance?)"
        // a bare action inside kms { } is the same fallback, checked the same way
        "kms { GetKmsInstanc(KmsInstanceId: 'kst-1') }"                 | '1:7'  | "kms.GetKmsInstanc: no such action (did you mean GetKmsInstance?)"
        "kms { GetKmsInstance(KmsInstanceI: 'kst-1') }"                 | '1:22' | "kms.GetKmsInstance: unknown parameter 'KmsInstanceI' (did you mean kmsInstanceId?)"
        "instances { run type: 'S4.2B', count: 0 }"                     | '1:39' | "run count: 0 must be at least 1 (MaxCount, split into calls of at most 50)"
        "instances { run type: 'S4.2B', count: -3 }"                    | '1:39' | "run count: -3 must be at least 1"
        "instances { run type: 'S4.2B', count: 120, min: 0 }"           | '1:49' | "run min: 0 must be at least 1 (MinCount, split into calls of at most 50)"
        "kec.RunInstances(InstanceType: 'S4.2B', MaxCount: 0)"          | '1:51' | "kec.RunInstances MaxCount: '0' must be at least 1 (1-50)"
        "instances { where state: 'active'; terminate force: false }"   | '1:53' | "terminate force: ForceDelete=false is ambiguous"
        "instances { run type: 'S4.2B', chargeType: 'Monthly', months: 99 }" | '1:63' | "run months: '99' must be at most 36 (1-36)"
    }

    def "every service in the model is reached by a script name whose actions are checked at compile time"() {
        given: 'the script names that take any action of a service, and the service each stands for'
        CloudScript script = new CloudScript() {
            Object run() { null }
            KecshSession getKecshSession() { null }
        }
        Map<String, String> nameOf = CloudScript.methods
            .findAll { Method m -> m.name.startsWith('get') && m.parameterCount == 0 && TakesActions.isAssignableFrom(m.returnType) }
            .collectEntries { Method m -> [((TakesActions) m.invoke(script)).serviceName, m.name.substring(3).uncapitalize()] }

        expect:
        ServiceModel.bundled().services().each { Service service ->
            String name = nameOf[service.name()]
            assert name != null: "no script name takes ${service.name()} actions"
            try {
                runner.check("${name}.NoSuchAction(Anything: 'x')", 'all.groovy')
                assert false: "${name}.NoSuchAction compiled"
            } catch (KecshScriptException e) {
                assert e.message.startsWith('all.groovy:1:') && e.message.contains("${service.name()}.NoSuchAction: no such action")
            }
        }
    }

    def "every problem in the script is reported at once, one line each, in script order"() {
        when:
        runner.check('''\
            region 'cn-beijing-6'
            instances { run type: 'S4.2X', count: 3, chargeType: 'Monthy' }
            instances {
                where state: 'actve', colour: 'red'
                stop mode: 'Keep'
            }
            kec.DescribeRegionz()
            '''.stripIndent(), 'deploy.groovy')

        then:
        KecshScriptException e = thrown()
        e.problems.collect { it.substring(0, it.indexOf(': ')) } ==
            ['deploy.groovy:2:23', 'deploy.groovy:2:54', 'deploy.groovy:4:18', 'deploy.groovy:4:27', 'deploy.groovy:5:16', 'deploy.groovy:7:5']
        e.message.readLines().size() == 6
        e.line == 2
        e.column == 23
    }

    def "a run reports the problems before anything is called"() {
        given:
        CloudOperations ops = Mock(CloudOperations) { getModel() >> ServiceModel.bundled() }
        ScriptRunner checked = new ScriptRunner(new KecshSession(ops, new Defaults([:], null), null))

        when:
        checked.run("kec.DescribeRegions()\ninstances { run type: 'S4.2X' }", 'deploy.groovy')

        then:
        KecshScriptException e = thrown()
        e.message.startsWith('deploy.groovy:2:23: ')
        0 * ops.call(_, _)
    }

    def "a syntax error is still one located line"() {
        when:
        runner.check("instances { run type: 'S4.2B' ", 'broken.groovy')

        then:
        KecshScriptException e = thrown()
        e.message ==~ /broken\.groovy:1:\d+: .*/
    }
}
