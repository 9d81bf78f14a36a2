package io.kecsh.repl.cli

import picocli.CommandLine

/**
 * Only the subcommand a command line names is built (building all six was ≈ 0.2 s of every start);
 * what a user sees — help, usage errors, a subcommand's options — stays as it was.
 */
class SubcommandsSpec extends CommandSpecification {
    def "#args builds #built"() {
        given:
        def rootSpec = new CommandLine(new KecshCommand(context())).commandSpec

        expect:
        Subcommands.needed(rootSpec, args as String[]) == built

        where:
        args                                           || built
        ['-e', '1+1']                                  || []
        []                                             || []
        ['--endpoint', 'run', '-e', 'x']               || []
        ['--output=json', 'run', 'x.groovy']           || ['run']
        ['--region', 'cn-beijing-6', 'describe', 'X']  || ['describe']
        ['run', 'x.groovy', '--', 'plan']              || ['run']
        ['--', 'run']                                  || []
        ['rn', 'x.groovy']                             || ['run', 'plan', 'sandbox', 'daemon', 'describe', 'validate', 'models']
        ['--help']                                     || ['run', 'plan', 'sandbox', 'daemon', 'describe', 'validate', 'models']
    }

    def "a subcommand built alone still takes the inherited options and its own"() {
        expect:
        kecsh('--region', 'cn-beijing-6', 'describe', 'RunInstances') == 0
        stdout.contains('InstanceType')
        kecsh('validate', '--debug', 'RunInstances', 'InstanceType=S4.2X', 'MinCount=1', 'MaxCount=1') == ExitCodes.VALIDATION
        stderr.contains('did you mean S4.2A')
    }
}
