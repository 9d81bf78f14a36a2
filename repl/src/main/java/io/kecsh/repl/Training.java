package io.kecsh.repl;

import io.kecsh.repl.cli.CommandContext;
import io.kecsh.repl.cli.FixedWorkload;
import io.kecsh.repl.cli.KecshCommand;
import io.kecsh.repl.daemon.ClientRehearsal;
import io.kecsh.repl.shell.ShellLauncher;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The fixed workload the launcher trains the class-data-sharing / AOT archive on, in a JVM of its
 * own before the user's command runs: an archive dumped at the exit of a user's run would keep the
 * string constants of the user's script (an instance password typed in {@code -e}). Nothing here
 * comes from the user: an embedded sandbox ({@code --sandbox}, no environment, a throw-away home,
 * so no configuration, credentials or history of theirs is read or written), a fixed expression
 * through the command line (picocli, Groovy's compiler, the DSL's compile-time checks, the
 * validator, one client call over HTTP, the table renderer), an offline validation with its
 * did-you-mean, the shell on a dumb terminal fed a few fixed lines (JLine, the shell's parser, :help), and the
 * client of the warm daemon, which every start runs first ({@link ClientRehearsal}).
 * Its output goes nowhere; it always exits 0, since a failed training only means a smaller archive.
 * Not a command: {@code java -cp kecsh.jar io.kecsh.repl.Training}.
 */
public final class Training {
    static final String EXPRESSION = "instances { run type: 'S4.2B', count: 2, name: 'training' }; instances.list()";
    static final String SHELL_INPUT = String.join(
            "\n", "instances { run type: 'S4.2B', count: 1 }", "kec.DescribeRegions()", ":help run", ":quit", "");

    private Training() {}

    public static void main(String[] args) throws IOException {
        // A training that fails part-way still leaves an archive of what it loaded.
        FixedWorkload.run(context -> {
            KecshCommand.execute(new String[] {"--sandbox", "-e", EXPRESSION}, context);
            KecshCommand.execute(
                    new String[] {"validate", "RunInstances", "InstanceType=S4.2X", "MinCount=1", "MaxCount=1"},
                    context);
            KecshCommand.execute(new String[] {"describe", "RunInstances"}, context);
            CommandContext shell = context.toBuilder()
                    .in(new ByteArrayInputStream(SHELL_INPUT.getBytes(StandardCharsets.UTF_8)))
                    .shell(new ShellLauncher())
                    .build();
            KecshCommand.execute(new String[] {"--sandbox"}, shell);
        });
        // every start runs the client first: Main, and the client of the warm daemon for -e and for the shell
        Main.class.getName();
        ClientRehearsal.run();
        System.exit(0);
    }
}
