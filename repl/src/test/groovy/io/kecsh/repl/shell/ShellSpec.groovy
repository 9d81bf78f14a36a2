package io.kecsh.repl.shell

import io.kecsh.dsl.Kecsh
import io.kecsh.repl.output.OutputFormat
import io.kecsh.repl.output.ResultRenderer
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.sandbox.SandboxOptions
import io.kecsh.runtime.sandbox.state.SandboxClock
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.Duration
import java.util.concurrent.TimeUnit
import java.util.function.Function
import org.jline.reader.Candidate
import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification
import spock.lang.TempDir

/** The shell on a dumb 120×40 terminal with piped streams, against an embedded test sandbox. */
class ShellSpec extends Specification {
    @TempDir
    Path home
    PipedOutputStream keys = new PipedOutputStream()
    ByteArrayOutputStream screen = new ByteArrayOutputStream()
    Terminal terminal
    Kecsh kecsh
    KecshShell shell

    def setup() {
        terminal = new DumbTerminal('test', Terminal.TYPE_DUMB, new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8)
        terminal.setSize(new Size(120, 40))
    }

    def cleanup() {
        kecsh?.close()
        terminal?.close()
    }

    private KecshShell start(SandboxOptions sandbox = SandboxOptions.forTests(), Map options = [:]) {
        kecsh = Kecsh.builder().environment([:]).home(home).sandboxOptions(sandbox).build()
        ShellOptions.Builder b = ShellOptions.builder().historyFile(home.resolve('.kecsh/history'))
        if (options.printer) b.printer(options.printer as Function)
        if (options.editor) b.editor(options.editor as String)
        shell = new KecshShell(kecsh, b.build(), terminal)
    }

    /** Types the lines, then Ctrl-D (end of input), and runs the shell to its end. */
    private String session(String... lines) {
        keys.write((lines.join('\n') + '\n').getBytes(StandardCharsets.UTF_8))
        keys.close()
        assert shell.run() == 0
        screen.toString(StandardCharsets.UTF_8)
    }

    private List<Candidate> complete(String buffer) {
        shell.completer().candidates(buffer, buffer.length())
    }

    def "the prompt shows the region, and the plan flag in plan mode"() {
        given:
        start()

        expect:
        shell.prompt() == 'kecsh cn-beijing-6> '

        when:
        String out = session(':plan on', "instances { run type: 'S4.2B' }", ':plan off')

        then:
        out.contains('kecsh cn-beijing-6 [plan]> ')
        out.contains('Plan: 1 call would be sent')
        kecsh.eval('instances.list().size()') == 0
    }

    def "variables persist from line to line and results go through the printer"() {
        given:
        start(SandboxOptions.forTests(), [printer: { v -> "<<${v}>>".toString() }])

        when:
        String out = session("web = instances { run type: 'S4.2B', name: 'web' }", 'web[0].name')

        then:
        out.contains('<<web>>')
    }

    def "an empty list prints nothing, not a blank line, and the next prompt follows at once"() {
        given: 'the printer the real shell uses'
        start(SandboxOptions.forTests(), [printer: { v -> ResultRenderer.render(v, OutputFormat.TABLE, 120) }])

        when:
        String out = session('instances.list()', '1')

        then: 'the empty answer is followed by the next prompt, with no empty line between'
        out.replace('\r', '').contains('instances.list()\nkecsh cn-beijing-6> ')
        !out.replace('\r', '').contains('\n\nkecsh cn-beijing-6> 1')
    }

    def "raw API answers print as readable tables: #line"() {
        given: 'the printer the real shell uses'
        start(SandboxOptions.forTests(), [printer: { v -> ResultRenderer.render(v, OutputFormat.TABLE, 160) }])
        kecsh.eval("instances { run type: 'S4.2B', name: 'web' }")

        when:
        String out = session(line)
        List<String> shown = out.replace('\r', '').readLines()
        String header = shown.find { it.startsWith(columns[0]) }

        then:
        header != null && header.split(/\s+/).toList().subList(0, columns.size()) == columns
        shown.any { it =~ row }
        shown.any { it ==~ /\(\d+ rows?; not shown: .*; --output json shows the whole answer\)/ }

        where:
        line                               | columns                                                              | row
        'kec.DescribeInstances()'          | ['InstanceId', 'InstanceName', 'InstanceType', 'InstanceState', 'VCPU', 'MemoryGb', 'PrivateIpAddress'] | ~/\s+web\s+S4\.2B\s+[a-z]+\s+2\s+4\s+\d+\.\d+\.\d+\.\d+/
        'kec.DescribeInstanceTypeConfigs()' | ['InstanceType', 'InstanceFamilyName', 'InstanceFamily']            | ~/^S4\.2B\s.*\bcn-beijing-6\w(, cn-beijing-6\w)*/
    }

    def "variables declared with def or a type persist from line to line, as in groovysh"() {
        given:
        start()

        when:
        String out = session('def a = 5', 'println a', "def web = instances { run type: 'S4.2B', name: 'web' }",
            "web.waitUntil 'active'", "String s = 'x'", 'println s * 3')

        then:
        !out.contains('error:')
        out.contains('\n5\n')
        out.contains('xxx')
        out.contains("name:web, type:S4.2B, state:active")
    }

    def "a validation error with several problems shows each problem, one line each, without :trace"() {
        given:
        start()

        when:
        // counts through a variable: literal zeros are refused at compile time, before the validator's listing
        String out = session("def n = 0; kec.RunInstances(MaxCount: n, MinCount: n, ImageId: 'x')")

        then:
        out.contains('error: shell:1: RunInstances: ')
        out =~ /(?m)^  - MaxCount: '0' must be at least 1/
        out =~ /(?m)^  - MinCount: '0' must be at least 1/
        out =~ /(?m)^  - ImageId: 'x' must be an ID/
    }

    def "an unknown verb in a block is one line naming the block's word, with a did-you-mean: #source"() {
        given:
        start()

        when:
        String out = session(source)

        then:
        out.contains("error: shell:1: ${says}")
        !out.contains('InstancesContext') && !out.contains('simpleName')

        where:
        source                                | says
        "instances { launch type: 'S4.2B' }" | "instances { } has no verb 'launch'; did you mean run?"
        'instances { launch }'                | "instances { } has no verb 'launch'; did you mean run?"
        "instances.select(name: 'web')"       | "instances { } has no verb 'select'; did you mean where?"
    }

    def "a line with a space before } and ] is kept as typed, and a completed word takes no space after it"() {
        given:
        start()

        when:
        session("instances { run type: 'S4.2B', count: 2 }", "names = [ 'a', 'b' ]")

        then:
        shell.reader().history.collect { it.line() } == ["instances { run type: 'S4.2B', count: 2 }", "names = [ 'a', 'b' ]"]

        and: 'TAB on a word gives the word alone: the user types " {" next'
        !complete('inst').find { it.value() == 'instances' }.complete()
    }

    def "input with an open brace continues on the next line"() {
        given: 'a printer that marks results, so the screen\'s echo of the typed name cannot pass for one'
        start(SandboxOptions.forTests(), [printer: { v -> "<<${v}>>".toString() }])

        when:
        String out = session('instances {', "    run type: 'S4.2B', name: 'multi'", '}', 'instances.list()*.name')

        then:
        out.contains('<<[multi]>>')
        kecsh.eval('instances.list()*.name') == ['multi']
    }

    def "an error prints as one line and :trace shows its stack"() {
        given:
        start()

        when:
        String out = session("instances { run type: 'S4.2X' }", ':trace')

        then:
        String error = out.readLines().find { it.contains('error: ') }
        error.contains('S4.2X')
        out.contains('\tat ')
    }

    def "completion offers #what"() {
        given:
        start()

        when:
        List<Candidate> found = complete(buffer)

        then:
        found*.value().containsAll(expected)

        where:
        what                                | buffer                              || expected
        'the script words'                  | 'ins'                               || ['instances', 'images', 'keys', 'kms', 'region']
        'the verbs of the block'            | 'instances { '                      || ['run', 'stop', 'where', 'terminate']
        'the actions of a proxy'            | 'kec.'                              || ['RunInstances', 'DescribeInstances']
        'a context property\'s verbs'       | 'instances.'                        || ['where', 'list']
        'named parameters of the verb'      | 'instances { run ty'                || ['type: ', 'count: ', 'image: ']
        'API parameter names of an action'  | 'kec.RunInstances('                 || ['InstanceType: ', 'MaxCount: ']
        'a selection\'s filters'            | 'instances { where '                || ['state: ', 'zone: ', 'name: ']
        'StoppedMode values'                | "instances { stop mode: '"          || ["KeepCharging'", "StopCharging'"]
        'charge types, quoted'              | 'instances { run chargeType: '      || ["'Daily'"]
        'states of a filter'                | "instances.where(state: '"          || ["active'", "stopped'"]
        'shell commands'                    | ':'                                 || [':help', ':region', ':quit']
        'help topics'                       | ':help Ru'                          || ['RunInstances', 'run']
        'regions for :region'               | ':region '                          || ['cn-beijing-6', 'cn-shanghai-2']
        'the verbs of every block'          | 'images { '                         || ['create', 'copy', 'share', 'remove']
        'the instance changes'              | 'instances { '                      || ['resize', 'reinstall', 'modify', 'vnc']
        'the states an instance wait takes' | "instances { waitUntil '"           || ["active'", "stopped'", "deleted'"]
        'every state on a variable'         | "web.waitUntil '"                   || ["active'", "available'", "ready'", "connected'"]
        'the quota words of a KMS verb'     | "kms { upgrade 'kst-1', "           || ['spec: ', 'keyNum: ']
    }

    def "a verb that takes only its own words offers only those, and a block's wait only its states"() {
        given:
        start()

        expect:
        !complete("kms { upgrade 'kst-1', ")*.value().contains('ProductCode: ')
        !complete("images { waitUntil '")*.value().contains("stopped'")
    }

    def "instance types complete with their vCPU and memory beside them"() {
        given:
        start()

        when:
        Candidate s42b = complete("instances { run type: 'S4.").find { it.displ() == 'S4.2B' }

        then:
        s42b.value() == "S4.2B'"
        s42b.descr() == '2 vCPU, 4 GiB'
    }

    def "live instance ids come from the background cache, with their names"() {
        given:
        start()
        kecsh.eval("instances { run type: 'S4.2B', name: 'live-one' }")
        String id = kecsh.eval('instances.list()[0].id')

        when: 'the first TAB finds the cache empty and starts a refresh; typing is never held up'
        complete("instances { where id: '")
        shell.liveIds().settled().get(10, TimeUnit.SECONDS)
        List<Candidate> found = complete("instances { where id: '")

        then:
        Candidate c = found.find { it.displ() == id }
        c != null
        c.descr() == 'live-one'
    }

    def "the design line after :region to every region: runs where the region sells S4.2B, one clear line where it does not"() {
        given:
        start()
        List<String> regions = ServiceModel.bundled().requireService('kec').requireEnum('Region').names() as List<String>

        when:
        String out = session(*regions.collectMany { [":region ${it}", "instances { run type: 'S4.2B' }"] })

        then: 'S4 is sold (the sandbox catalogue) in cn-beijing-6 and cn-shanghai-2: one instance each, in a zone that sells it'
        Map<String, List<String>> zones = regions.collectEntries { r -> [r, kecsh.sandbox.state().region(r).instances.values()*.zone] }
        zones['cn-beijing-6'].size() == 1 && zones['cn-beijing-6'][0] in ['cn-beijing-6a', 'cn-beijing-6c']
        zones['cn-shanghai-2'] == ['cn-shanghai-2b']

        and: 'elsewhere one line before anything is sent, never a stack trace'
        ['cn-guangzhou-1', 'cn-hongkong-2', 'ap-singapore-1', 'eu-east-1'].every { r ->
            zones[r].isEmpty() && out.contains("S4.2B is not sold in any zone of ${r}") &&
                out.contains("sold here with the same vCPUs and memory: ")
        }
        !out.contains('\tat ')
        !out.contains('not sold in cn-shanghai-2a')
    }

    def ":region refuses a misspelt region in one line with a did-you-mean, and stays where it was"() {
        given:
        start()

        when:
        String out = session(':region cn-bejing-6', ':region')

        then:
        out.contains("unknown region 'cn-bejing-6' (did you mean cn-beijing-6?)")
        out.contains('region cn-beijing-6')
        !out.contains('\tat ')
    }

    def "subnet:, securityGroup: and key: complete with the region's subnets (name and zone), groups and keys, read lazily per region"() {
        given:
        start()
        kecsh.eval("keys { create 'laptop' }")
        def beijing = kecsh.sandbox.state().region('cn-beijing-6')
        String subnet6c = beijing.subnets.values().find { it.zone == 'cn-beijing-6c' }.id

        when:
        complete("instances { run type: 'S4.2B', subnet: '")
        shell.liveIds().settled().get(10, TimeUnit.SECONDS)
        List<Candidate> subnets = complete("instances { run type: 'S4.2B', subnet: '")

        then: 'each subnet by id (name · zone beside it) and by name'
        subnets.find { it.displ() == subnet6c }.descr() == 'default-cn-beijing-6c · cn-beijing-6c'
        subnets.find { it.displ() == 'default-cn-beijing-6c' }.value() == "default-cn-beijing-6c'"
        subnets.findAll { it.group() == 'name' }*.displ() as Set == ['default-cn-beijing-6a', 'default-cn-beijing-6b', 'default-cn-beijing-6c'] as Set

        when:
        complete("instances { run type: 'S4.2B', securityGroup: '")
        complete("instances { run type: 'S4.2B', key: '")
        shell.liveIds().settled().get(10, TimeUnit.SECONDS)

        then:
        complete("instances { run type: 'S4.2B', securityGroup: '").find { it.displ() == 'default' }.descr() == beijing.defaultSecurityGroupId
        complete("instances { run type: 'S4.2B', key: '").find { it.displ() == 'laptop' } != null

        when: 'another region: its own subnets, never the previous region\'s'
        shell.session().session.region('cn-shanghai-2')   // what :region does (session() would end the shell)
        complete("instances { run type: 'S4.2B', subnet: '")
        shell.liveIds().settled().get(10, TimeUnit.SECONDS)
        Set<String> shanghai = complete("instances { run type: 'S4.2B', subnet: '").findAll { it.group() == 'name' }*.displ() as Set

        then:
        shanghai == ['default-cn-shanghai-2a', 'default-cn-shanghai-2b'] as Set

        and: 'a name completed is a name run takes'
        kecsh.eval("instances { run type: 'S4.2B', subnet: 'default-cn-beijing-6c', securityGroup: 'default', key: 'laptop' }")[0].zone == 'cn-beijing-6c'
    }

    def "history is 0600 in a 0700 directory, with passwords masked in the file and in :history"() {
        given:
        start()

        when:
        String out = session("instances { run type: 'S4.2B', password: 'Hunter2Secret!' }", ':history')
        Path file = home.resolve('.kecsh/history')

        then:
        Files.getPosixFilePermissions(file) == PosixFilePermissions.fromString('rw-------')
        Files.getPosixFilePermissions(file.parent) == PosixFilePermissions.fromString('rwx------')
        !Files.readString(file).contains('Hunter2Secret!')
        Files.readString(file).contains("password: '***'")
        out.readLines().any { it.contains(":history") } && out.readLines().findAll { it ==~ /\s+\d+\s+.*/ }.every { !it.contains('Hunter2') }
    }

    def "a secret assigned to a variable not named like one is masked once the variable is passed as a password: history, file, :save, errors, :trace"() {
        given:
        start()
        Path script = home.resolve('saved.groovy')
        Path file = home.resolve('.kecsh/history')

        when:
        String out = session("x = 'InstPwd9Xy7Kq'", "y = x", "note = 'kept'",
            "instances { run type: 'S4.2B', password: y }",
            "instances { run type: 'S4.2X', password: x }",
            "println 'again InstPwd9Xy7Kq'.size()",
            ':trace', ':history', ":save ${script}")
        String saved = Files.readString(script)

        then: 'the file, rewritten, holds the lines with the literal masked, :save reads it from the environment; the rest is kept'
        !Files.readString(file).contains('InstPwd9Xy7Kq')
        Files.readString(file).contains("x = '***'")
        Files.readString(file).contains("note = 'kept'")
        Files.getPosixFilePermissions(file) == PosixFilePermissions.fromString('rw-------')
        !saved.contains('InstPwd9Xy7Kq')
        saved.contains("x = System.getenv('KECSH_X')") && saved.contains('y = x') && saved.contains("note = 'kept'")

        and: 'what the shell printed once it knew the secret, but the lines it echoed: the error line, :trace, :history'
        String shown = out.substring(out.indexOf('password: y }')).readLines().findAll { !it.startsWith('kecsh cn-beijing-6> ') }.join('\n')
        !shown.contains('InstPwd9Xy7Kq')
        shown.contains("x = '***'")
        files(home).every { !Files.readString(it).contains('InstPwd9Xy7Kq') }
    }

    def "the secret rule reads assignments and sensitive values, not other literals"() {
        given:
        SecretLiterals s = new SecretLiterals()

        when:
        s.learn("a = 'alpha1'; b = ['beta22', 'gamma3']; c = a")
        s.learn("kec.RunInstances(InstancePassword: c, InstanceType: 'S4.2B')")
        s.learn("'password': b[0]")

        then:
        s.secrets() == ['alpha1', 'beta22', 'gamma3'] as Set
        s.maskLiterals("z = 'alpha1' + 'S4.2B' + \"x-beta22\"") == "z = '***' + 'S4.2B' + '***'"
        s.mask("Unexpected input: alpha1 at 'beta22'") == "Unexpected input: *** at '***'"
    }

    private static List<Path> files(Path dir) {
        Files.walk(dir).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }
    }

    def "the redactor masks sensitive parameters under every spelling and leaves others alone"() {
        given:
        SecretRedactor r = new SecretRedactor(ServiceModel.bundled())

        expect:
        r.redact(input) == masked

        where:
        input                                               || masked
        "run password: 'p4ss', type: 'S4.2B'"               || "run password: '***', type: 'S4.2B'"
        'kec.RunInstances(InstancePassword: "x\\"y")'       || "kec.RunInstances(InstancePassword: '***')"
        "run instancePassword: 'p'"                         || "run instancePassword: '***'"
        "x = [apiSecret: 'abc']"                            || "x = [apiSecret: '***']"
        'InstancePassword=Secret1 InstanceType=S4.2B'       || 'InstancePassword=*** InstanceType=S4.2B'
        "run type: 'S4.2B'"                                 || "run type: 'S4.2B'"
    }

    def ":save writes the lines that ran, and the script re-runs"() {
        given:
        start()
        Path script = home.resolve('saved.groovy')

        when:
        session("instances { run type: 'S4.2B', name: 'saved' }", 'nosuchthing()', ":save ${script}")

        then:
        String text = Files.readString(script)
        text.contains("instances { run type: 'S4.2B', name: 'saved' }")
        !text.contains('nosuchthing')

        when:
        Kecsh fresh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).build()
        fresh.evalFile(script)

        then:
        fresh.eval('instances.list()*.name') == ['saved']

        cleanup:
        fresh?.close()
    }

    def ":save writes what happened: a region switch as code, planned lines as comments, secrets from the environment; it replays to the same cloud"() {
        given:
        start()
        Path script = home.resolve('faithful.groovy')

        when:
        String out = session(':region cn-shanghai-2',
            "instances { run type: 'S4.2B', name: 'kept', password: 'Hunter2Secret!' }",
            ':plan on', "instances { run type: 'S4.2B', name: 'planned' }", ':plan off',
            "instances { run type: 'S4.2B', name: 'second' }",
            ":save ${script}")
        String text = Files.readString(script)

        then: 'the switch is the script word; the planned line sent nothing, so it is a comment; the password is read, not masked'
        out.contains("saved 3 inputs to ${script}")
        text.contains("region 'cn-shanghai-2'")
        text.readLines().contains("// instances { run type: 'S4.2B', name: 'planned' }")
        !text.contains('***') && !text.contains('Hunter2Secret!')
        text.contains("password: System.getenv('KECSH_PASSWORD')")
        text.contains('set KECSH_PASSWORD before running')

        when: 'the script runs in a fresh sandbox'
        Kecsh fresh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).build()
        fresh.evalFile(script)

        then: 'the same instances in the same regions as the session made'
        instancesByRegion(fresh) == instancesByRegion(kecsh)
        instancesByRegion(fresh) == ['cn-shanghai-2': ['kept', 'second']]

        cleanup:
        fresh?.close()
    }

    private static Map<String, List<String>> instancesByRegion(Kecsh k) {
        List<String> regions = ServiceModel.bundled().requireService('kec').requireEnum('Region').names() as List<String>
        regions.collectEntries { r -> [r, k.sandbox.state().region(r).instances.values()*.name.sort()] }.findAll { r, names -> names } as Map<String, List<String>>
    }

    def ":vars lists the session's variables with their types, secrets masked"() {
        given:
        start()

        when:
        String out = session('def a = 5', "greeting = 'hello'", "password = 'Hunter2Secret!'", ':vars')

        then:
        out =~ /(?m)^  a\s+Integer\s+5$/
        out =~ /(?m)^  greeting\s+String\s+hello$/
        out =~ /(?m)^  password\s+String\s+\*\*\*$/
        !out.substring(out.indexOf(':vars')).contains('Hunter2')
    }

    def ":edit opens the editor on the last input and runs what it saves, kept in history"() {
        given: 'an editor that changes 41 into 42 in the file it is given'
        Path editor = home.resolve('editor.sh')
        Files.writeString(editor, '#!/bin/sh\nsed -i s/41/42/ "$1"\n')
        editor.toFile().setExecutable(true)
        start(SandboxOptions.forTests(), [editor: editor.toString()])

        when:
        String out = session('println 6 * 41', ':edit')

        then:
        out.contains('\n246\n') && out.contains('\n252\n')
        shell.reader().history.collect { it.line() }.contains('println 6 * 42')
    }

    def ":load runs a script in the session, its variables stay"() {
        given:
        start()
        Path script = home.resolve('load.groovy')
        Files.writeString(script, "loaded = instances { run type: 'S4.2B', name: 'loaded' }\n")

        when:
        String out = session(":load ${script}", 'println loaded[0].name')

        then:
        out.readLines().any { it.trim() == 'loaded' }
    }

    def "an unknown command says what was meant"() {
        given:
        start()

        when:
        String out = session(':hlep')

        then:
        out.contains('error: unknown command :hlep (did you mean :help?)')
    }

    def ":help Action shows the English summary, the Chinese title and the parameters"() {
        given:
        start()

        when:
        String out = session(':help RunInstances', ':help stop')

        then:
        out.contains('kec.RunInstances — ')
        out.contains('创建实例') || out =~ /[\u4e00-\u9fff]/
        out.contains('InstanceType (string')
        out.contains('StoppedMode')
    }

    def ":help answers for a block, and for a verb with the words a user types, the defaults the DSL fills and the call it makes"() {
        given:
        start()

        when:
        String out = session(':help instances', ':help run', ':help where')

        then: 'the block lists its verbs and their calls'
        !out.contains('did you mean')
        out =~ /(?m)^  run\s+kec\.RunInstances — /
        out =~ /(?m)^  terminate\s+kec\.TerminateInstances — /

        and: 'run: the words, a count that fills MaxCount; a type or an image the DSL defaults is not required'
        out =~ /(?m)^  type:\s+InstanceType \(string\), default: defaults \{ instanceType '…' \} or default\.instance_type in ~\/\.kecsh\/config/
        out =~ /(?m)^  count:\s+how many: fills MaxCount, split into calls of at most \d+/
        out =~ /(?m)^  image:\s+ImageId \(string\), default: defaults \{ image '…' \} or default\.image in ~\/\.kecsh\/config/
        !(out =~ /(?m)^  (type|image|count|maxCount|minCount):.*required/)
        out.contains('Calls kec.RunInstances (:help RunInstances for every API parameter)')

        and: 'where: its criteria, the filters they become'
        out =~ /(?m)^  state:\s+filter instance-state\.name/
        out =~ /(?m)^  name:\s+handled by where itself/
    }

    def ":help #verb says the instances come from the selection, not that instanceId is required"() {
        given:
        start()

        when:
        String out = session(":help ${verb}")

        then:
        out =~ /(?m)^  instanceId:\s+InstanceId \((list|string)\), from the selection \(where …\)/
        !(out =~ /(?m)^  instanceId:.*required/)

        where:
        verb << ['stop', 'terminate', 'resize']
    }

    def "a destructive call asks, listing what it affects: #answer"() {
        given:
        start()
        kecsh.eval("instances { run type: 'S4.2B', name: 'doomed' }")

        when:
        String out = session("instances { where name: 'doomed'; terminate() }", answer)

        then:
        out.contains('kec.TerminateInstances will affect 1 resource:')
        out =~ /instance \S+ \(doomed, S4\.2B\)/
        out.contains('Proceed? [y/N]')
        !out.contains("not confirmed") == !kept
        out.contains("not confirmed") == kept

        and: 'the answer is not input: not in the history, nor in the file'
        shell.reader().history.collect { it.line() } == ["instances { where name: 'doomed'; terminate() }"]
        Files.readAllLines(home.resolve('.kecsh/history')).every { !it.endsWith(":${answer}") }

        where:
        answer || kept
        'n'    || true
        'y'    || false
    }

    def "Ctrl-C during a long wait cancels it and the shell goes on"() {
        given: 'a sandbox on real time, so the wait really sleeps'
        start(SandboxOptions.forTests().withClock(SandboxClock.interactive(Duration.ofSeconds(3))))
        Thread runner = Thread.start { shell.run() }

        when:
        keys.write("waitUntil(timeout: '1h', interval: 600) { false }\n".bytes)
        keys.flush()
        waitForScreen('waitUntil: attempt 1')
        terminal.raise(Terminal.Signal.INT)
        waitForScreen('error: cancelled')
        keys.write('println 6 * 7\n'.bytes)
        keys.close()
        runner.join(20_000)

        then:
        !runner.alive
        screen.toString(StandardCharsets.UTF_8).contains('42')
    }

    def "Ctrl-C stops a line that never looks up: #what; one line, and the next prompt"() {
        given:
        start()
        Thread runner = Thread.start { shell.run() }

        when: 'the line says it has started, then runs on'
        keys.write("println 'started'; ${source}\n".bytes)
        keys.flush()
        waitForScreen('started\n')
        terminal.raise(Terminal.Signal.INT)
        waitForScreen('error: cancelled')
        keys.write('println 6 * 7\n'.bytes)
        keys.close()
        runner.join(20_000)

        then: 'the shell is alive: it ran the next line and ended at Ctrl-D'
        !runner.alive
        String after = screen.toString(StandardCharsets.UTF_8).replace('\r', '')
        after.substring(after.indexOf('started\n')).readLines().findAll { !it.startsWith('kecsh ') }.take(2) == ['started', 'error: cancelled']
        after.contains('42')

        where:
        what                      | source
        'a busy loop'             | 'while (true) { }'
        "Groovy's sleep"          | 'sleep 600000'
        'a sleep inside a block'  | "instances { [1].each { sleep(600_000) } }"
    }

    /** Waits for output the shell is about to print (a condition, not a clock: bounded only as a safety net). */
    private void waitForScreen(String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20)
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            assert System.nanoTime() < deadline: "the shell never printed '${text}':\n${screen}"
            Thread.sleep(10)
        }
    }
}
