package io.kecsh.repl.shell

import io.kecsh.dsl.Kecsh
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Duration
import org.jline.reader.Candidate
import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The shell against a sandbox whose live catalogue differs from the model (it sells S6 and N3.1A;
 * issue 12, items 2 and 6): completion offers the catalogue's types with their vCPUs and memory,
 * {@code :help} names them, a line using one runs, and a typo is still refused with a did-you-mean.
 */
class LiveCatalogueShellSpec extends Specification {
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
        kecsh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).build()
        shell = new KecshShell(kecsh, ShellOptions.builder().historyFile(home.resolve('.kecsh/history')).build(), terminal)
        // the catalogue has been read in the background since the Kecsh started; wait for it here only
        assert kecsh.catalogues.awaitReads(Duration.ofSeconds(20))
    }

    def cleanup() {
        kecsh?.close()
        terminal?.close()
    }

    private String session(String... lines) {
        keys.write((lines.join('\n') + '\n').getBytes(StandardCharsets.UTF_8))
        keys.close()
        assert shell.run() == 0
        screen.toString(StandardCharsets.UTF_8)
    }

    private List<Candidate> complete(String buffer) {
        shell.completer().candidates(buffer, buffer.length())
    }

    def "types only the live catalogue lists complete with their vCPU and memory, and run"() {
        when:
        String out = session("web = instances { run type: 'S6.4B' }", 'web*.type')
        Candidate s62b = complete("instances { run type: 'S6.").find { it.displ() == 'S6.2B' }
        Candidate n31a = complete("instances { run type: 'N3.").find { it.displ() == 'N3.1A' }

        then:
        out.contains('S6.4B')
        !out.contains('error')
        !out.contains('warning')
        s62b.value() == "S6.2B'"
        s62b.descr() == '2 vCPU, 4 GiB'
        n31a.descr() == '1 vCPU, 1 GiB'
        complete("instances { run type: 'S4.").find { it.displ() == 'S4.2B' }.descr() == '2 vCPU, 4 GiB'
    }

    def "a typo is refused with a did-you-mean that knows the live catalogue, and nothing is sent"() {
        when:
        String out = session("instances { run type: 'S6.2X' }", "instances { run type: 'S4.2X' }", 'instances.list().size()')

        then:
        out.contains("run type: 'S6.2X' is not a valid InstanceType (did you mean S6.2A, S6.2B, S6.2C or S6.2D?)")
        out.contains("run type: 'S4.2X' is not a valid InstanceType (did you mean S4.2A, S4.2B, S4.2C or S4.2D?)")
        kecsh.eval('instances.list().size()') == 0
    }

    def ":help names what the live catalogue adds to an open enumeration, with the hints"() {
        when:
        String out = session(':help RunInstances')

        then:
        out =~ /and \d+ more the live catalogue lists: [A-Z0-9]+\.\w+ \(\d+ vCPU, \d+ GiB\)/
        out.contains('open: a value no source lists is sent with a warning when it has the usual form')
    }
}
