package io.kecsh.repl.cli

import io.kecsh.repl.shell.ShellLauncher
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Runs the kecsh command in-process, hermetically: a temporary home, an explicit environment,
 * captured stdout and stderr, a fixed width, and test sandboxes (manual clock: waits move it).
 */
abstract class CommandSpecification extends Specification {
    @TempDir
    Path home
    Map<String, String> env = [:]
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream()
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream()
    InteractiveShell shell = new ShellLauncher()
    /** What the shell reads when a feature starts it. */
    String input = '1 + 1\n:quit\n'

    CommandContext context() {
        CommandContext.builder()
            .out(new PrintStream(outBytes, true, StandardCharsets.UTF_8))
            .err(new PrintStream(errBytes, true, StandardCharsets.UTF_8))
            .in(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)))
            .environment(env).home(home).width(100)
            .sandboxOptions(SandboxOptions.forTests())
            .shell(shell)
            .build()
    }

    int kecsh(String... args) {
        KecshCommand.execute(args, context())
    }

    String getStdout() {
        outBytes.toString(StandardCharsets.UTF_8)
    }

    String getStderr() {
        errBytes.toString(StandardCharsets.UTF_8)
    }

    Path script(String name = 'test.groovy', String text) {
        Path file = home.resolve(name)
        Files.writeString(file, text)
        file
    }
}
