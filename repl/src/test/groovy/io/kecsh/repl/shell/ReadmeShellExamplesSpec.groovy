package io.kecsh.repl.shell

import io.kecsh.dsl.Kecsh
import io.kecsh.repl.output.OutputFormat
import io.kecsh.repl.output.ResultRenderer
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.jline.reader.EOFError
import org.jline.reader.Parser
import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The issue's "done when": a person pastes every README example of "The DSL" line by line into the
 * shell and sees it work. Each ```groovy block goes into a shell on a fresh hermetic sandbox one line
 * at a time, as a person types it: the next line only once the shell waits for one (its prompt, or
 * the continuation of an open block, which a dumb terminal does not show: the shell's parser says
 * when a block is open), and y when it asks before a destructive call. No line may end in an error. (ReadmeDslExamplesSpec runs the same blocks as scripts.)
 */
class ReadmeShellExamplesSpec extends Specification {
    /** What the shell shows when it waits for the next line: its prompt, a continuation, or a question. */
    static final String WAITING = /(?s).*(kecsh [a-z0-9-]+( \[plan\])?> |Proceed\? \[y\/N\] )$/

    @TempDir
    Path home
    PipedOutputStream keys = new PipedOutputStream()
    ByteArrayOutputStream screen = new ByteArrayOutputStream()
    Terminal terminal
    Kecsh kecsh

    def setup() {
        terminal = new DumbTerminal('test', Terminal.TYPE_DUMB, new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8)
        terminal.setSize(new Size(160, 45))
    }

    def cleanup() {
        kecsh?.close()
        terminal?.close()
    }

    def "README example #index, typed line by line into the shell, shows no error: #firstLine"() {
        given: 'a fresh sandbox and the shell a person starts, printing as the real one does'
        kecsh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).build()
        KecshShell shell = new KecshShell(kecsh, ShellOptions.builder().historyFile(null).pager(null)
            .printer { v -> ResultRenderer.render(v, OutputFormat.TABLE, 160) }.build(), terminal)
        Thread runner = Thread.start { shell.run() }
        awaitWaiting()

        when: 'each line typed once the shell waits for it: at once within an open block, as it then shows no new prompt'
        String pending = ''
        for (String line : example.readLines()) {
            pending = pending ? pending + '\n' + line : line
            if (continues(pending)) {
                keys.write((line + '\n').getBytes(StandardCharsets.UTF_8))
                keys.flush()
            } else {
                type(line)
                pending = ''
            }
        }
        keys.close()
        runner.join(30_000)
        String shown = screen.toString(StandardCharsets.UTF_8).replace('\r', '')

        then:
        !runner.alive
        shown.readLines().findAll { it.contains('error: ') || it.contains('\tat ') } == []
        !shown.contains('not confirmed')

        where:
        [index, example] << examples().withIndex().collect { String e, int i -> [i + 1, e] }
        firstLine = example.readLines().find { it.trim() }
    }

    /** Whether the shell takes more lines before it runs this input (an open block): its own parser decides. */
    private static boolean continues(String input) {
        try {
            new ShellParser().parse(input, input.length(), Parser.ParseContext.ACCEPT_LINE)
            false
        } catch (EOFError open) {
            true
        }
    }

    /** Types one line and Enter, then waits until the shell waits again, answering y to its questions. */
    private void type(String line) {
        int before = shownLength()
        keys.write((line + '\n').getBytes(StandardCharsets.UTF_8))
        keys.flush()
        while (true) {
            awaitWaiting(before)
            String now = screen.toString(StandardCharsets.UTF_8)
            if (!now.endsWith('Proceed? [y/N] ')) return
            before = shownLength()
            keys.write('y\n'.getBytes(StandardCharsets.UTF_8))
            keys.flush()
        }
    }

    /** Waits until something was printed after {@code from} and the screen ends where the shell waits for input. */
    private void awaitWaiting(int from = 0) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30)
        while (true) {
            String now = screen.toString(StandardCharsets.UTF_8)
            if (now.length() > from && now.substring(from) ==~ WAITING) {
                Thread.sleep(20)   // a prompt followed by more output is no prompt: look again
                if (screen.toString(StandardCharsets.UTF_8) == now) return
            }
            assert System.nanoTime() < deadline: "the shell never waited for input again:\n${now.substring(Math.min(from, now.length()))}"
            Thread.sleep(10)
        }
    }

    private int shownLength() {
        screen.toString(StandardCharsets.UTF_8).length()
    }

    static List<String> examples() {
        Path dir = Path.of(System.getProperty('user.dir')).toAbsolutePath()
        while (dir != null && !Files.exists(dir.resolve('ARCHITECTURE.md'))) dir = dir.parent
        String readme = Files.readString(dir.resolve('README.md'))
        int start = readme.indexOf('\n## The DSL\n')
        int end = readme.indexOf('\n## ', start + 1)
        String section = readme.substring(start, end < 0 ? readme.length() : end)
        (section =~ /(?s)```groovy\n(.*?)```/).collect { it[1] as String }
    }
}
