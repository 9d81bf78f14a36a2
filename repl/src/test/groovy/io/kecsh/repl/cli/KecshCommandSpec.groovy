package io.kecsh.repl.cli

import com.fasterxml.jackson.databind.ObjectMapper
import io.kecsh.dsl.Kecsh
import io.kecsh.repl.output.OutputFormat
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.config.Settings
import java.util.concurrent.CompletableFuture

class KecshCommandSpec extends CommandSpecification {

    def "run gives the script its arguments and its println goes to stdout"() {
        given:
        def file = script('''
            def web = instances { run type: 'S4.2B', name: args[0] }
            println "launched ${web[0].name} ${args.length} ${args[1]}"
        ''')

        when:
        int code = kecsh('run', file.toString(), 'web-1', '--not-an-option')

        then:
        code == ExitCodes.OK
        stdout == 'launched web-1 2 --not-an-option\n'
        !stderr.contains('Exception')
    }

    def "kecsh's own options after the script's name are kecsh's (#how); after -- every word is the script's"() {
        given:
        def file = script("println 'args ' + args.toList()\n[count: args.length]")

        when:
        int code = kecsh(['run', file.toString()] + after as String[])

        then:
        code == 0
        new ObjectMapper().readValue(stdout, Map) == [count: scriptArgs.size()]
        stderr.contains('args ' + scriptArgs)

        when: 'after --, the same words go to the script'
        outBytes.reset(); errBytes.reset()
        code = kecsh(['--output', 'json', 'run', file.toString(), '--'] + after as String[])

        then:
        code == 0
        stderr.contains('args ' + after)

        where:
        how                          | after                                                 || scriptArgs
        'as the README shows'        | ['--output', 'json']                                  || []
        'between script arguments'   | ['web', '--output=json', '--region', 'cn-beijing-6', '3'] || ['web', '3']
    }

    def "a misspelt --region is refused before anything is sent: one line, a did-you-mean, exit 2 (#command)"() {
        when:
        def line = [run: ['run', script('instances.list()').toString()], '-e': ['-e', 'instances.list()'], shell: []][command]
        int code = kecsh(['--region', 'cn-bejing-6'] + line as String[])

        then:
        code == ExitCodes.USAGE
        stderr.readLines().size() == 1
        stderr.startsWith("kecsh: --region: unknown region 'cn-bejing-6' (did you mean cn-beijing-6?)")
        stdout == ''

        where: 'the shell says it at start, before it takes the terminal, not at the first input'
        command << ['-e', 'run', 'shell']
    }

    def "a misspelt region in a catalogue read (QueryImageList's Region) is refused in one line with a did-you-mean, never sent"() {
        when:
        int code = kecsh('-e', "market.QueryImageList(Region: 'cn-bejing-6')")

        then:
        code == ExitCodes.VALIDATION
        stderr.readLines().size() == 1
        stderr.contains("'cn-bejing-6'")
        stderr.contains('did you mean cn-beijing-6?')

        when: '--debug logs every request on the wire: the read is not among them'
        errBytes.reset()
        kecsh('--debug', '-e', "market.QueryImageList(Region: 'cn-bejing-6')")

        then:
        stderr.contains('did you mean cn-beijing-6?')
        !stderr.contains('Action=QueryImageList')
    }

    def "terminate prints the instances as they are after the call, not their old state"() {
        when:
        int code = kecsh('-e', "instances { run type: 'S4.2B', name: 'gone' }.waitUntil 'active'; instances { where name: 'gone'; terminate() }")

        then:
        code == ExitCodes.OK
        stdout.contains('gone')
        !(stdout =~ /gone.*\bactive\b/)
        stderr.contains('terminate: 1 instance(s)')
    }

    def "run prints the script's value only when --output is given"() {
        given:
        def file = script("instances { run type: 'S4.2B', name: 'api' }")

        expect:
        kecsh('run', file.toString()) == 0
        stdout == ''

        when:
        outBytes.reset()
        int code = kecsh('--output', 'json', 'run', file.toString())

        then:
        code == 0
        stdout.contains('"name" : "api"')
        stdout.contains('"type" : "S4.2B"')
    }

    def "with --output json stdout is the result alone; the script's println goes to stderr"() {
        given:
        def file = script("println 'launching'\n[count: 2]")

        when:
        int code = kecsh('--output', 'json', 'run', file.toString())

        then:
        code == 0
        new ObjectMapper().readValue(stdout, Map) == [count: 2]
        stderr.contains('launching')

        when: "a table is for people: the script's lines and the result share stdout"
        outBytes.reset()
        kecsh('run', file.toString())

        then:
        stdout == 'launching\n'
    }

    def "plan prints the calls with secrets masked and a price, and launches nothing"() {
        given:
        def file = script('''
            instances { run type: 'S4.2B', count: 2, name: 'web', password: 'Passw0rd!x' }
        ''')

        when:
        int code = kecsh('plan', file.toString())

        then:
        code == 0
        stdout.startsWith('Plan: 1 call would be sent')
        stdout.contains('InstancePassword=****')
        stdout.contains('Estimated price')
        !stdout.contains('Passw0rd!x')
        !stderr.contains('Passw0rd!x')
    }

    def "-e prints the value of the expression in the format asked for"() {
        expect:
        kecsh(*args) == 0
        stdout == expected

        where:
        args                                                        || expected
        ['-e', '1+1']                                               || '2\n'
        ['-e', 'null']                                              || ''
        ['--output', 'json', '-e', "'x'"]                           || '"x"\n'
        ['--output', 'text', '-e', "[[a: 1, b: 'x'], [a: 2, b: 'y']]"] || '1\tx\n2\ty\n'
        ['-e', "[[a: 1, b: 'x'], [a: 22, b: 'y']]"]                 || 'a   b\n1   x\n22  y\n'
    }

    def "failures are one line on stderr and an exit code a CI job can rely on"() {
        given:
        def file = script('job.groovy', source)

        when:
        int code = kecsh(*(options + ['run', file.toString()]))

        then:
        code == expected
        stdout == ''
        stderr.startsWith('kecsh: ')
        stderr.contains(says)
        !stderr.contains('\tat ')
        stderr.readLines().size() == 1

        where:
        source                                                                  | options    || expected                | says
        "throw new IllegalStateException('boom')"                               | []         || ExitCodes.SCRIPT_ERROR  | 'job.groovy:1: boom'
        "instances { run type: 'S4.2X' }"                                      | []         || ExitCodes.VALIDATION    | 'did you mean S4.2A, S4.2B, S4.2C or S4.2D?'
        "def t = 'S4.2' + 'X'\ninstances { run type: t }"                       | []         || ExitCodes.VALIDATION    | "job.groovy:2: RunInstances: InstanceType: 'S4.2X' is not a valid InstanceType"
        "kec.StopInstances(InstanceId: ['5f2ae6a4-0000-4000-8000-000000000000'])" | []       || ExitCodes.SERVICE       | 'InvalidParameterValue'
        REFUSED                                                                 | []         || ExitCodes.REFUSED       | 'is protected by protect name'
        "instances { run type: 'S4.2B', name: 'ci' }\ninstances { where name: 'ci'; terminate() }" | ['--refuse-destructive'] || ExitCodes.REFUSED | 'destructive actions are not allowed in this run'
        "println 'never'"                                                       | ['--profile', 'nope'] || ExitCodes.USAGE | "nope"
        "region 'cn-beijing-6'\ninstances { launch type: 'S4.2B' }"             | []         || ExitCodes.SCRIPT_ERROR  | "job.groovy:2: instances { } has no verb 'launch'; did you mean run?"
        "instances.list(max: 100)"                                              | []         || ExitCodes.SCRIPT_ERROR  | "job.groovy:1: list: unknown option 'max'; list takes pageSize"
    }

    static final String REFUSED = '''
        protect name: ~/^prod-/, reason: 'production'
        instances { run type: 'S4.2B', name: 'prod-db' }
        instances { where name: 'prod-db'; terminate() }
    '''

    def "--debug adds the stack trace to the one line"() {
        given:
        def file = script('job.groovy', "throw new IllegalStateException('boom')")

        when:
        int code = kecsh('--debug', 'run', file.toString())

        then:
        code == ExitCodes.SCRIPT_ERROR
        stderr.contains('kecsh: job.groovy:1: boom')
        stderr.contains('\tat ')
    }

    def "--debug masks typed secrets in compile errors, their echo of the source and the stack trace"() {
        when: 'a syntax error, whose trace echoes the line; a compile-time check, with the password in a variable'
        int syntax = kecsh('--debug', '-e', "instances { run type: 'S4.2B', password: 'InstPwd9Xy7Kq' ")
        int checked = kecsh('--debug', 'run', script("p = 'VarPwd9Xy7Kq'; instances { run type: 'S4.2X', password: p }\n").toString())

        then:
        syntax == ExitCodes.VALIDATION && checked == ExitCodes.VALIDATION
        stderr.contains('Unexpected input') && stderr.contains('S4.2X')
        stderr.contains("password: '***'") && stderr.contains("p = '***'")
        !stderr.contains('InstPwd9Xy7Kq') && !stderr.contains('VarPwd9Xy7Kq')
    }

    def "the cloud cannot be reached: transport error"() {
        given: 'credentials, so no sandbox, and an endpoint nobody listens on'
        env += [KSYUN_ACCESS_KEY: 'AKLTEXAMPLE0000000001', KSYUN_SECRET_KEY: 'example-secret-0001']
        def closed = new ServerSocket(0)
        int port = closed.localPort
        closed.close()
        def file = script("println regions()")

        when:
        int code = kecsh('--endpoint', "http://127.0.0.1:${port}".toString(), 'run', file.toString())

        then:
        code == ExitCodes.TRANSPORT
        stderr.startsWith('kecsh: ')
        !stderr.contains('example-secret-0001')
    }

    def "--debug logs the wire to stderr with signatures, key ids and passwords masked"() {
        given:
        def file = script("instances { run type: 'S4.2B', name: 'web', password: 'Passw0rd!x' }; println 'done'")

        when:
        int code = kecsh('--debug', 'run', file.toString())

        then:
        code == 0
        stdout == 'done\n'
        stderr.contains('debug: → GET http://127.0.0.1')       // reads
        stderr.contains('debug: → POST http://127.0.0.1')      // the launch, as a form
        stderr.contains('Action=RunInstances')
        stderr.contains('InstancePassword=****')
        stderr.contains('Signature=****')
        stderr.contains('embedded sandbox at http://127.0.0.1:')
        !stderr.contains('Passw0rd')
        !stderr.contains('sandbox-kingsoft-secret')
        !stderr.contains('AKLTSANDBOXKINGSOFT01')
    }

    def "no command starts the interactive shell with the banner: sandbox, region, profile"() {
        when:
        int code = kecsh()

        then:
        code == 0
        stdout.contains('embedded sandbox at http://127.0.0.1:')
        stdout.contains('(no credentials configured); region cn-beijing-6; profile \'default\'')
        stdout.contains("profile 'default'; no credentials (sandbox)")
        stdout.contains('kecsh cn-beijing-6> ')
    }

    def "with no credentials and KSYUN_REGION the shell, its prompt and both banner lines say that region"() {
        given:
        env += [KSYUN_REGION: 'cn-shanghai-2']
        input = '1 + 1\n:region\n:quit\n'   // the first line waits for the Kecsh, whose banner follows

        when:
        int code = kecsh()

        then:
        code == 0
        stdout.contains('(no credentials configured); region cn-shanghai-2; profile \'default\'')
        stdout.contains("Kingsoft Cloud: cn-shanghai-2, no credentials")
        stdout.contains('kecsh cn-shanghai-2> ')
        stdout.contains('region cn-shanghai-2\n')
        !stdout.contains('cn-beijing-6')
    }

    def "the shell is handed a Kecsh and the global options"() {
        given:
        Kecsh seen = null
        GlobalOptions options = null
        shell = { CompletableFuture<Kecsh> k, Settings s, GlobalOptions o, CommandContext c ->
            seen = k.join(); options = o; 7 } as InteractiveShell

        when:
        int code = kecsh('--region', 'cn-shanghai-2', '--output', 'json')

        then:
        code == 7
        seen.usesSandbox()
        seen.client.region(Cloud.KINGSOFT) == 'cn-shanghai-2'
        options.output() == OutputFormat.JSON
    }

    def "with credentials the banner names the cloud, the masked key and where it came from"() {
        given:
        env += [KSYUN_ACCESS_KEY: 'AKLTEXAMPLE0000000001', KSYUN_SECRET_KEY: 'example-secret-0001', KSYUN_REGION: 'cn-shanghai-2']

        when:
        int code = kecsh('--endpoint', 'http://127.0.0.1:9')

        then:
        code == 0
        stdout.contains("cloud at http://127.0.0.1:9; region cn-shanghai-2; profile 'default'")
        stdout.contains('KSYUN_ACCESS_KEY')
        !stdout.contains('AKLTEXAMPLE0000000001')
        !stdout.contains('example-secret-0001')
    }

    def "usage errors: exit code 2 and one line with a suggestion"() {
        expect:
        kecsh(*args) == ExitCodes.USAGE
        stderr.readLines().size() == 1
        stderr.contains(says)

        where:
        args                          || says
        ['rn', 'x.groovy']            || 'did you mean run'
        ['--output', 'yaml', '-e', '1'] || "'yaml' is not an output format (table, json or text)"
        ['run']                       || 'Missing required parameter'
        ['run', 'missing.groovy']     || 'missing.groovy: no such script'
        ['help']                      || "unknown command 'help' (did you mean --help?)"
        ['--regin', 'x', '-e', '1']   || 'did you mean --region?'
        ['describe', 'run']           || 'did you mean RunInstances?'
        ['--fresh', '--state', 's.json', '-e', '1'] || '--fresh and --state contradict each other'
        ['run', '--state', 's.json', 'x.groovy', '--fresh'] || '--fresh and --state contradict each other'
        ['sandbox', 'status', '--fresh', '--state', 's.json'] || '--fresh and --state contradict each other'
    }

    def "--version and --help"() {
        expect:
        kecsh('--version') == 0
        stdout.startsWith('kecsh ')

        when:
        outBytes.reset()
        kecsh('--help')

        then:
        ['run', 'plan', 'sandbox', 'describe', 'validate', '--profile', '--region', '--endpoint', '--sandbox', '--output', '--debug',
         'Exit codes'].every { stdout.contains(it) }
    }

    def "describe and validate answer from the model"() {
        expect:
        kecsh('describe', 'RunInstances') == 0
        stdout.contains('InstanceType')

        when:
        int code = kecsh('validate', 'RunInstances', 'InstanceType=S4.2X', 'MinCount=1', 'MaxCount=1')

        then:
        code == ExitCodes.VALIDATION
        stderr.contains('did you mean S4.2A, S4.2B, S4.2C or S4.2D?')
        stderr.contains('ImageId: required')

        when:
        errBytes.reset()
        code = kecsh('describe', 'RunInstance')

        then:
        code == ExitCodes.USAGE
        stderr.contains('did you mean RunInstances?')
    }

    def "models lists the APIs"() {
        expect:
        kecsh('models') == 0
        stdout.contains('63 actions, 199 instance types')
        stdout.contains('kec           2016-03-04  47')
    }
}
