package io.kecsh.repl;

import io.kecsh.repl.cli.CommandContext;
import io.kecsh.repl.cli.KecshCommand;
import io.kecsh.repl.shell.ShellLauncher;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fixed workload the launcher trains the class-data-sharing / AOT archive on, in a JVM of its
 * own before the user's command runs: an archive dumped at the exit of a user's run would keep the
 * string constants of the user's script (an instance password typed in {@code -e}). Nothing here
 * comes from the user: an embedded sandbox ({@code --sandbox}, no environment, a throw-away home,
 * so no configuration, credentials or history of theirs is read or written), a fixed expression
 * through the command line (picocli, Groovy's compiler, the DSL's compile-time checks, the
 * validator, one client call over HTTP, the table renderer), an offline validation with its
 * did-you-mean, and the shell on a dumb terminal fed a few fixed lines (JLine, the shell's parser, :help).
 * Its output goes nowhere; it always exits 0, since a failed training only means a smaller archive.
 * Not a command: {@code java -cp kecsh.jar io.kecsh.repl.Training}.
 */
public final class Training {
    static final String EXPRESSION = "instances { run type: 'S4.2B', count: 2, name: 'training' }; instances.list()";
    static final String SHELL_INPUT = String.join(
            "\n", "instances { run type: 'S4.2B', count: 1 }", "kec.DescribeRegions()", ":help run", ":quit", "");

    /** Instances become active at once: the training waits for nothing. */
    private static final Duration TRANSITION = Duration.ofMillis(1);

    private Training() {}

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("kecsh-training");
        try (PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            CommandContext context = CommandContext.builder()
                    .out(nowhere)
                    .err(nowhere)
                    .environment(Map.of())
                    .home(home)
                    .width(CommandContext.DEFAULT_WIDTH)
                    .sandboxOptions(SandboxOptions.interactive().withClock(SandboxClock.interactive(TRANSITION)))
                    .build();
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
        } catch (RuntimeException | LinkageError ignored) {
            // A training that fails part-way still leaves an archive of what it loaded.
        } finally {
            delete(home);
        }
        System.exit(0);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
