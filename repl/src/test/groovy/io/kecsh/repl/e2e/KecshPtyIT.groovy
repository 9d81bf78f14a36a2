package io.kecsh.repl.e2e

import static io.kecsh.repl.e2e.TheBuild.JAR
import static io.kecsh.repl.e2e.TheBuild.LAUNCHER
import static io.kecsh.repl.e2e.TheBuild.PROMPT

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import java.util.regex.Matcher
import java.util.regex.Pattern
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What a user does first, end to end: the real launcher script {@code ./kecsh} on a real
 * pseudo-terminal (util-linux {@code script}), no credentials so the home sandbox (in the test's own home) answers,
 * keystrokes through the pty: the design-card line with TAB completing the instance type, then
 * the instance table. Bound to integration-test (maven-failsafe), after package has built the jar
 * the launcher runs. Every wait reads the stream until the text appears, under one deadline.
 */
class KecshPtyIT extends Specification {
    /**
     * What every start runs before anything else (Main asks the warm daemon's client first): classes the training
     * never loaded would be read from the jar and verified again on each start, most of the client's CPU.
     */
    static final List<String> FIRST_CLASSES =
        ['io.kecsh.repl.Main', 'io.kecsh.repl.daemon.DaemonClient', 'io.kecsh.repl.daemon.Eligibility']
    /** The first run trains the start-up archive (10-25 s) before the prompt. */
    static final long DEADLINE_SECONDS = 90

    @TempDir
    Path home

    PtyTranscript pty
    Process process

    def cleanup() {
        if (process?.alive) {
            process.descendants().forEach { it.destroyForcibly() }
            process.destroyForcibly()
        }
    }

    def "the launcher on a pty: TAB lists instance types with vCPU and memory and completes one, the run's instances list as a table"() {
        given:
        launch()

        expect: 'the prompt comes up at once; the banner follows above it when the sandbox answers'
        pty.await(PROMPT)
        pty.await('home sandbox at')

        when: 'TAB after a partial instance type'
        type("instances { run type: 'S4.2\t")
        String listed = pty.await(~/S4\.2D\s+\(2 vCPU, 16 GiB\)/)

        then: 'the candidates show, each with its vCPU and memory from the model'
        listed =~ /S4\.2B\s+\(2 vCPU, 4 GiB\)/
        listed =~ /S4\.2A\s+\(2 vCPU, 2 GiB\)/

        when: 'one more letter makes it unique: TAB completes it and closes the string; the rest of the line and Enter'
        type("B\t")
        type(", count: 3 }\r")
        String launched = pty.await(PROMPT)

        then: 'the three instances it launched'
        rows(launched).size() == 3

        when:
        type("instances.list()\r")
        String table = pty.await(PROMPT)

        then: 'the region\'s instances as an aligned table: header and three rows of S4.2B'
        table.readLines().any { it ==~ /\s*id\s+name\s+type\s+state\b.*/ }
        rows(table).size() == 3
        rows(table).every { it.type == 'S4.2B' }

        when:
        type(":quit\r")

        then: 'the launcher exits 0'
        process.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        process.exitValue() == 0

        and: 'the history is private and holds the line as TAB completed it: the type and its closing quote'
        Path history = home.resolve('.kecsh').resolve('history')
        PosixFilePermissions.toString(Files.getPosixFilePermissions(history)) == 'rw-------'
        // exactly as typed: no space after the completed value, the one before the closing brace kept
        Files.readAllLines(history).any { it.endsWith(":instances { run type: 'S4.2B', count: 3 }") }

        and: 'the archive the launcher trained holds the classes every start runs first: main and the warm daemon\'s client'
        loadedFromArchive(home.resolve('cache')).containsAll(FIRST_CLASSES)
    }

    def "a line typed key by key is kept as typed: spaces before } and ], no extra space after a completed word; history and :save hold it"() {
        given:
        launch()
        Path saved = home.resolve('session.groovy')

        expect:
        pty.await(PROMPT)
        pty.await('home sandbox at')

        when: 'TAB completes a word; the rest of the line comes one key at a time, as a person types it'
        type('inst\t')
        pty.await('instances')
        typeKeys(" { run type: 'S4.2B', count: 2 }\r")
        String launched = pty.await(PROMPT)
        typeKeys("names = [ 'a', 'b' ]\r")
        pty.await(PROMPT)
        typeKeys(":save ${saved}\r")
        pty.await(PROMPT)
        type(":quit\r")

        then:
        rows(launched).size() == 2
        process.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        process.exitValue() == 0

        and: 'the history and the saved script hold the lines exactly as typed'
        List<String> history = Files.readAllLines(home.resolve('.kecsh').resolve('history')).collect { it.substring(it.indexOf(':') + 1) }
        history.containsAll(["instances { run type: 'S4.2B', count: 2 }", "names = [ 'a', 'b' ]"])
        Files.readAllLines(saved).containsAll(["instances { run type: 'S4.2B', count: 2 }", "names = [ 'a', 'b' ]"])
    }

    def "Ctrl-C on a pty stops a busy loop and Groovy's sleep: one line each, the shell stays and prompts again"() {
        given:
        launch()

        expect:
        pty.await(PROMPT)
        pty.await('home sandbox at')

        when: 'a loop that never ends, then Ctrl-C (the terminal\'s INT)'
        type("println 'looping'; while (true) { }\r")
        pty.await(~/(?m)^looping$/)
        type('\u0003')
        String afterLoop = pty.await(PROMPT)

        and: 'a long sleep, then Ctrl-C'
        type("println 'sleeping'; sleep 600000\r")
        pty.await(~/(?m)^sleeping$/)
        type('\u0003')
        String afterSleep = pty.await(PROMPT)

        and: 'the shell still evaluates'
        type('println 6 * 7\r')
        String answer = pty.await(PROMPT)
        type(':quit\r')

        then: 'each was cancelled in one line, no stack trace'
        shownLines(afterLoop) == ['error: cancelled', PROMPT.trim()]
        shownLines(afterSleep) == ['error: cancelled', PROMPT.trim()]
        answer.contains('42')
        process.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        process.exitValue() == 0
    }

    /** The non-empty lines shown, the terminal's own echo of Ctrl-C (^C) left aside. */
    private static List<String> shownLines(String text) {
        text.readLines()*.replace('^C', '')*.trim().findAll { it }
    }

    /**
     * The classes a short start ({@code --version}) takes from the archive in {@code cache}, with the launcher's flags
     * for it (bench/README.md, "The shell's prompt"): one JVM of a second or less.
     */
    private Set<String> loadedFromArchive(Path cache) {
        Path archive = Files.list(cache).withCloseable { files ->
            files.filter { it.fileName.toString() ==~ /kecsh-jdk\d+\.(jsa|aot)/ }.findFirst().orElse(null)
        }
        assert archive != null: "the launcher trained no archive in ${cache}"
        String use = archive.toString().endsWith('.aot') ? "-XX:AOTCache=${archive}" : "-XX:SharedArchiveFile=${archive}"
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        ProcessBuilder pb = new ProcessBuilder(java, use, '-XX:+UseSerialGC', '-Xms16m', '-Xlog:class+load', '-jar',
            JAR.toString(), '--version')
        pb.environment().putAll([HOME: home.toString(), KECSH_NO_DAEMON: '1'])
        pb.redirectErrorStream(true)
        Process start = pb.start()
        List<String> lines = start.inputStream.readLines()
        assert start.waitFor(60, TimeUnit.SECONDS)
        lines.collect { it =~ /\] (\S+) source: shared objects file/ }
            .findAll { Matcher m -> m.find() }
            .collect { Matcher m -> m.group(1) } as Set
    }

    /** The launcher under script(1) on a fresh pty, with no credentials: the home sandbox of the test's home. */
    private void launch() {
        assert Files.isRegularFile(JAR): "${JAR} is built in package; run mvn verify" // else ./kecsh would build it
        Path script = onPath('script')
        Path cache = home.resolve('cache')
        // exec: no sh -c left waiting in the pty's foreground group, which Ctrl-C would end with 130 once kecsh exits
        ProcessBuilder pb = new ProcessBuilder(script.toString(), '-qfec', "exec '${LAUNCHER}'".toString(), '/dev/null')
        pb.environment().clear()
        pb.environment().putAll([
            PATH       : System.getenv('PATH'),
            HOME       : home.toString(),                    // no ~/.kecsh/config, no KSYUN_*: the home sandbox
            KECSH_CACHE: cache.toString(),                   // the class-data-sharing archive goes here, not in ~
            JAVA_HOME  : System.getProperty('java.home'),    // the JDK running the build
            TERM       : 'xterm-256color',
            LANG       : 'C.UTF-8',
            SHELL      : '/bin/sh',                          // what script(1) runs the command with
            KECSH_NO_DAEMON: '1',                            // the shell in its own JVM (ShellDaemonPtyIT: through the daemon)
        ])
        pb.redirectErrorStream(true)
        process = pb.start()
        pty = new PtyTranscript(process.inputStream, System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS))
    }

    /** One key at a time, a little apart, so each is read and handled as a key press on its own. */
    private void typeKeys(String keys) {
        for (char c : keys.toCharArray()) {
            type(String.valueOf(c))
            Thread.sleep(15)
        }
    }

    private void type(String keys) {
        process.outputStream.write(keys.getBytes(StandardCharsets.UTF_8))
        process.outputStream.flush()
    }

    /** Table rows of instances: id, name, type, state. */
    private static List<Map<String, String>> rows(String text) {
        text.readLines().collect { it =~ /^\s*(\p{XDigit}{8}-[\p{XDigit}-]{27})\s+(\S+)\s+(\S+)\s+(\S+)/ }
            .findAll { Matcher m -> m.find() }
            .collect { Matcher m -> [id: m.group(1), name: m.group(2), type: m.group(3), state: m.group(4)] }
    }

    /** The test needs a real pty; without script(1) it says so instead of passing without one. */
    private static Path onPath(String command) {
        Path found = System.getenv('PATH').split(File.pathSeparator).collect { Path.of(it, command) }
            .find { Files.isExecutable(it) }
        assert found != null: "'${command}' (util-linux) is not on PATH: the pty end-to-end test needs it to give kecsh a terminal"
        found
    }

    /**
     * The pty's output as it arrives, ANSI escape sequences and carriage returns stripped; {@link #await}
     * returns what came since the previous await, up to and including the text waited for.
     */
    static final class PtyTranscript {
        private static final Pattern ANSI = ~/\u001B(?:\[[0-?]*[ -\/]*[@-~]|\][^\u0007\u001B]*(?:\u0007|\u001B\\)|[()][0-9A-Za-z]|[=>78DEHMc])|[\r\u0007\x08]/
        private final ByteArrayOutputStream raw = new ByteArrayOutputStream()
        private final long deadline
        private int consumed
        private boolean closed

        PtyTranscript(InputStream in, long deadlineNanos) {
            deadline = deadlineNanos
            Thread reader = new Thread({ pump(in) } as Runnable, 'pty-reader')
            reader.daemon = true
            reader.start()
        }

        private void pump(InputStream in) {
            byte[] buffer = new byte[8192]
            int n
            try {
                while ((n = in.read(buffer)) >= 0) {
                    synchronized (this) {
                        raw.write(buffer, 0, n)
                        notifyAll()
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            } finally {
                synchronized (this) {
                    closed = true
                    notifyAll()
                }
            }
        }

        String await(String text) {
            await(Pattern.compile(Pattern.quote(text)))
        }

        synchronized String await(Pattern pattern) {
            while (true) {
                String seen = text()
                Matcher m = pattern.matcher(seen)
                if (m.find(consumed)) {
                    String since = seen.substring(consumed, m.end())
                    consumed = m.end()
                    return since
                }
                long left = deadline - System.nanoTime()
                if (closed || left <= 0) {
                    throw new AssertionError("waited for /${pattern}/ ${closed ? 'until the pty closed' : "${DEADLINE_SECONDS} s"}; after it last matched the pty showed:\n" + seen.substring(consumed))
                }
                TimeUnit.NANOSECONDS.timedWait(this, left)
            }
        }

        long secondsLeft() {
            Math.max(1, TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime()))
        }

        private String text() {
            raw.toString(StandardCharsets.UTF_8).replaceAll(ANSI, '')
        }
    }
}
