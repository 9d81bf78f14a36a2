package io.kecsh.scripts.jenkins

import io.kecsh.scripts.CloudUnderTest
import io.kecsh.scripts.KecshCommand
import java.nio.file.Files
import java.nio.file.Path
import org.codehaus.groovy.ast.CodeVisitorSupport
import org.codehaus.groovy.ast.expr.MapExpression
import org.codehaus.groovy.ast.expr.MethodCallExpression
import org.codehaus.groovy.control.CompilationUnit
import org.codehaus.groovy.control.Phases
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The shared library in scripts/jenkins, its steps called as a pipeline would call them, through
 * {@link PipelineHarness}: {@code sh} runs the real kecsh command (KecshCommand's shim on PATH)
 * against a fresh sandbox, with keys only from withCredentials.
 */
class JenkinsLibrarySpec extends Specification {
    static final Path LIBRARY = Path.of('jenkins')
    static final Map<String, List<String>> CREDENTIALS = [
        'ksyun-deploy'  : [CloudUnderTest.SANDBOX_KEYS.KSYUN_ACCESS_KEY, CloudUnderTest.SANDBOX_KEYS.KSYUN_SECRET_KEY],
        'alibaba-deploy': [CloudUnderTest.SANDBOX_KEYS.ALIBABA_CLOUD_ACCESS_KEY_ID, CloudUnderTest.SANDBOX_KEYS.ALIBABA_CLOUD_ACCESS_KEY_SECRET],
    ]

    @TempDir
    Path temp
    CloudUnderTest cloud
    PipelineHarness pipeline
    Closure kecsh, kecshPlan

    def setup() {
        Path home = Files.createDirectories(temp.resolve('home'))
        Path bin = Files.createDirectories(temp.resolve('bin'))
        Path workspace = Files.createDirectories(temp.resolve('workspace'))
        copyExamples(workspace.resolve('ops'))
        KecshCommand.shim(bin)
        cloud = new CloudUnderTest(home)
        // The agent's environment: a HOME with the team's profile (defaults, no keys) and kecsh on PATH.
        pipeline = new PipelineHarness(LIBRARY, workspace, [HOME: home.toString(), PATH: "${bin}:/usr/bin:/bin".toString(), LANG: 'C.UTF-8'], CREDENTIALS)
        kecsh = pipeline.load('kecsh')
        kecshPlan = pipeline.load('kecshPlan')
    }

    def cleanup() {
        cloud?.close()
    }

    private static void copyExamples(Path ops) {
        Files.createDirectories(ops)
        Files.list(Path.of('examples')).withCloseable { files -> files.each { Files.copy(it, ops.resolve(it.fileName)) } }
    }

    /** The options every call here shares: the sandbox as the endpoint, the Kingsoft credential. */
    private Map<String, Object> on(Map<String, Object> options) {
        [endpoint: cloud.sandbox.endpoint().toString(), region: CloudUnderTest.REGION, credentialsId: 'ksyun-deploy'] + options
    }

    private List<Map> named(String pattern) {
        cloud.instances().findAll { it.InstanceName ==~ pattern }
    }

    private void noSecretInTheLog() {
        String everything = pipeline.log.toString() + pipeline.shScripts.join('\n')
        CREDENTIALS.values().flatten().each { String s -> assert !everything.contains(s): "the log shows ${s}:\n${everything}" }
    }

    def "a script runs on the agent with the credential's keys and its result comes back as plain maps and lists"() {
        when:
        def tier = kecsh(on(script: 'ops/provision-web-tier.groovy', args: ['2', 'S4.2B', 'web']))

        then: 'the cloud has the tier, and the step returned it'
        named(/web-\d/)*.InstanceName.sort() == ['web-1', 'web-2']
        tier instanceof List
        tier*.name.sort() == ['web-1', 'web-2']
        tier.every { it instanceof Map && it.state == 'active' && it.type == 'S4.2B' }
        pipeline.log.contains('launching 2 × S4.2B as web-1')   // the script's println reached the build log

        when: 'an inline DSL block, with arguments that a shell would split or expand, or kecsh would take as its options'
        def back = kecsh(on(dsl: "[names: instances.where(name: ~/^web-/)*.name.sort(), args: args.toList()]",
                            args: ['it\'s', 'two words', '$HOME', '"quoted"; rm -rf /', '--output', 'text']))

        then:
        back == [names: ['web-1', 'web-2'], args: ['it\'s', 'two words', '$HOME', '"quoted"; rm -rf /', '--output', 'text']]
        noSecretInTheLog()
        Files.list(pipeline.workspace.resolve('.kecsh')).withCloseable { it.toList()*.fileName*.toString() }.every { it.endsWith('.json') }
    }

    def "kecshPlan sends nothing that changes the cloud, prints the plan and returns it"() {
        given:
        def before = cloud.fingerprint()

        when:
        def plan = kecshPlan(on(script: 'ops/provision-web-tier.groovy', args: ['3', 'S4.2B', 'web']))

        then:
        cloud.fingerprint() == before
        plan.calls*.action == ['RunInstances']
        plan.calls[0].params.MaxCount == 3
        pipeline.log.contains('Plan: 1 call(s) would be sent')
        pipeline.log.contains('RunInstances [cn-beijing-6]')
        pipeline.shScripts.every { it.contains("'plan' 'ops/provision-web-tier.groovy'") }
        noSecretInTheLog()
    }

    def "a destructive operation is refused unless the step says allowDestructive: true"() {
        given:
        def old = cloud.launch('old-api')
        def terminate = "instances { where name: 'old-api'; terminate() }"

        when:
        kecsh(on(dsl: terminate))

        then:
        def refused = thrown(PipelineHarness.PipelineError)
        refused.message.startsWith('kecsh run (inline DSL) failed (exit 6, refused by the safety policy')
        refused.message.readLines().size() == 1
        cloud.instances()*.InstanceId == old

        when: 'a plan follows the same rule'
        kecshPlan(on(dsl: terminate))

        then:
        thrown(PipelineHarness.PipelineError)
        cloud.instances()*.InstanceId == old

        when:
        kecsh(on(dsl: terminate, allowDestructive: true))

        then:
        cloud.instances().isEmpty()
        cloud.instances('recycling')*.InstanceId == old
        pipeline.shScripts[0].contains('--refuse-destructive')
        !pipeline.shScripts[2].contains('--refuse-destructive')
    }

    def "both clouds' keys come only from withCredentials, and withEnv reaches the script"() {
        given:
        String id = 'kst-yrs9l4p0npp4xd0kdjgnl'

        when:
        pipeline.withEnv(['KECSH_CHANGE_ID=CHG-2001']) {
            kecsh(on(script: 'ops/kms-upgrade-and-renew.groovy', args: [id, '2000', '2000', '12'], alibabaCredentialsId: 'alibaba-deploy'))
        }

        then:
        cloud.kms(id).Spec == 2000
        noSecretInTheLog()

        when: 'without the Alibaba credential the call cannot be signed for the sandbox'
        kecsh(on(script: 'ops/kms-upgrade-and-renew.groovy', args: [id, '3000', '3000', '12']))

        then:
        thrown(PipelineHarness.PipelineError)
        cloud.kms(id).Spec == 2000

        when: 'an unknown credential fails as Jenkins does, before kecsh starts'
        kecsh(on(script: 'ops/cost-report.groovy', credentialsId: 'nope'))

        then:
        def e = thrown(PipelineHarness.PipelineError)
        e.message.contains("'nope'")
        pipeline.shScripts.size() == 2
    }

    def "a failing script fails the step with error and one line: kecsh's own"() {
        when:
        kecsh(on(dsl: "instances { run type: 'S4.2X' }"))

        then:
        def e = thrown(PipelineHarness.PipelineError)
        // A literal caught by the DSL's compile-time check: nothing was sent, a validation error (3).
        e.message ==~ /kecsh run \(inline DSL\) failed \(exit 3, validation error\): inline-\w+\.groovy:1:\d+: run type: 'S4\.2X' is not a valid InstanceType .*/
        e.message.readLines().size() == 1
        pipeline.log.contains("'S4.2X'")   // kecsh's stderr is in the build log too

        when:
        kecsh(on(script: 'ops/no-such-script.groovy'))

        then:
        def usage = thrown(PipelineHarness.PipelineError)
        usage.message.startsWith('kecsh run ops/no-such-script.groovy failed (exit 2, usage error): ')
    }

    def "mistaken options stop the step before anything runs"() {
        when:
        kecsh(options)

        then:
        def e = thrown(PipelineHarness.PipelineError)
        e.message.contains(expected)
        pipeline.shScripts.isEmpty()

        where:
        options                                                       | expected
        [script: 'ops/x.groovy', allowDestructve: true]               | "unknown option 'allowDestructve'"
        [script: 'ops/x.groovy', allowDestructive: 'false']           | "allowDestructive: must be true or false, not 'false'"
        [script: 'ops/x.groovy', dsl: 'instances.list()']             | 'exactly one of script:'
        [:]                                                           | 'exactly one of script:'
        [script: 'ops/x.groovy', args: '3 S4.2B']                     | 'args: must be a list'
        [script: 'ops/x.groovy', region: '']                          | 'region: must not be empty'
    }
    def "the example Jenkinsfile parses, and calls the steps only with options they take"() {
        given: 'the Jenkinsfile up to conversion: Groovy syntax, without resolving Jenkins\' own classes'
        def unit = new CompilationUnit()
        unit.addSource(LIBRARY.resolve('Jenkinsfile').toFile())
        unit.compile(Phases.CONVERSION)
        List<Map> calls = []
        def visitor = new CodeVisitorSupport() {
            @Override
            void visitMethodCallExpression(MethodCallExpression call) {
                if (call.methodAsString in ['kecsh', 'kecshPlan']) {
                    def named = call.arguments.expressions.find { it instanceof MapExpression }
                    calls << [step: call.methodAsString, options: named.mapEntryExpressions*.keyExpression*.text]
                }
                super.visitMethodCallExpression(call)
            }
        }
        unit.iterator().each { it.AST.statementBlock.visit(visitor) }
        List<String> known = pipeline.shell.classLoader.loadClass('io.kecsh.jenkins.KecshInvocation').OPTIONS

        expect:
        calls*.step.sort() == ['kecsh', 'kecsh', 'kecsh', 'kecshPlan']
        calls.every { known.containsAll(it.options) && (it.options.contains('script') ^ it.options.contains('dsl')) }
        calls.find { it.options.contains('allowDestructive') }.options.contains('script')
    }
}
