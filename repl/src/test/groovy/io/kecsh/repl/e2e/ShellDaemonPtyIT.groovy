package io.kecsh.repl.e2e

import static io.kecsh.repl.e2e.TheBuild.JAR
import static io.kecsh.repl.e2e.TheBuild.LAUNCHER
import static io.kecsh.repl.e2e.TheBuild.PROMPT

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The shell served by the warm daemon, as a user sees it: the real launcher on a real pty
 * (util-linux {@code script}), a home whose daemon a first {@code kecsh -e} started. What
 * {@link KecshPtyIT} checks of the shell in its own process must look the same: TAB completion, a
 * DSL line's table, Ctrl-C stopping a loop, Ctrl-D ending with exit 0, the history private. And what
 * only a client has to get right: the daemon runs the shell (its count moves), and a TERM of the
 * client gives the terminal its mode back and exits 143. The archive is off (KECSH_NO_CDS): its
 * training is another test's.
 */
class ShellDaemonPtyIT extends Specification {
    static final long DEADLINE_SECONDS = 90

    @TempDir
    Path home

    List<Process> processes = []

    def cleanup() {
        run(LAUNCHER.toString(), 'daemon', 'stop')
        processes.each { p ->
            p.descendants().forEach { it.destroyForcibly() }
            p.destroyForcibly()
        }
    }

    def "through the daemon: TAB completes, a DSL line prints its table, Ctrl-C stops a loop, the pager and :edit work, Ctrl-D exits 0; a TERM of the client restores the terminal and exits 143"() {
        given: 'the daemon of this home, started by a first -e and warm'
        assert Files.isRegularFile(JAR): "${JAR} is built in package; run mvn verify"
        // on a pty as the shells below: script(1)'s sh gives them all one environment, so one daemon key
        Process first = onPty("exec '${LAUNCHER}' -e 1")
        assert first.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS) && first.exitValue() == 0
        eventually { status().contains('run(s) served') }
        int servedBefore = served()

        when: 'the shell on a pty'
        Process shell = onPty("exec '${LAUNCHER}'")
        def pty = new KecshPtyIT.PtyTranscript(shell.inputStream, deadline())
        pty.await(PROMPT)
        pty.await('home sandbox at')

        then: 'the daemon runs it'
        status().contains('1 running')
        served() == servedBefore + 1

        when: 'TAB after a partial instance type, then the rest of the line'
        type(shell, "instances { run type: 'S4.2\t")
        String listed = pty.await(~/S4\.2D\s+\(2 vCPU, 16 GiB\)/)
        type(shell, "B\t")
        type(shell, ", count: 2 }\r")
        String launched = pty.await(PROMPT)

        then: 'the candidates with vCPU and memory; the two instances launched as table rows'
        listed =~ /S4\.2B\s+\(2 vCPU, 4 GiB\)/
        launched.readLines().count { it =~ /^\s*\p{XDigit}{8}-\S+\s+\S+\s+S4\.2B\s+\S+/ } == 2

        when: 'a loop that never ends, then Ctrl-C'
        type(shell, "println 'looping'; while (true) { }\r")
        pty.await(~/(?m)^looping$/)
        type(shell, '\u0003')
        String afterLoop = pty.await(PROMPT)
        type(shell, 'println 6 * 7\r')
        String answer = pty.await(PROMPT)

        then: 'cancelled in one line, and the shell still evaluates'
        afterLoop.readLines()*.replace('^C', '')*.trim().findAll { it } == ['error: cancelled', PROMPT.trim()]
        answer.contains('42')

        when: 'output longer than the screen, then :edit of the last line: the pager and the editor run on the client\'s terminal'
        type(shell, '(1..60).collect { it }\r')
        String paged = pty.await(PROMPT)
        type(shell, ':edit\r')
        String edited = pty.await(PROMPT)

        then: 'the pager numbered the lines; the editor changed the line, which ran; keys still reach the shell'
        paged =~ /\b60\t60\b/
        edited =~ /\b61\t61\b/

        when: 'Ctrl-D at the prompt'
        type(shell, '\u0004')

        then: 'the client exits 0; the history is private and holds the lines'
        shell.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        shell.exitValue() == 0
        Path history = home.resolve('.kecsh').resolve('history')
        PosixFilePermissions.toString(Files.getPosixFilePermissions(history)) == 'rw-------'
        Files.readAllLines(history).any { it.endsWith(":instances { run type: 'S4.2B', count: 2 }") }

        when: 'another shell, whose client gets a TERM at its prompt; the terminal is then asked for its mode'
        Process second = onPty("'${LAUNCHER}'; echo \"exit \$?\"; stty -a")
        def secondPty = new KecshPtyIT.PtyTranscript(second.inputStream, deadline())
        secondPty.await(PROMPT)
        ProcessHandle client = second.descendants().filter { it.info().command().orElse('').endsWith('java') }.findFirst().get()
        assert new ProcessBuilder('kill', '-TERM', "${client.pid()}").start().waitFor() == 0
        String exit = secondPty.await(~/exit \d+/)
        String mode = secondPty.await(~/(?s)icanon.*?echo\b/)

        then: 'the client exited 143 and left the terminal as it found it: line editing and echo on'
        exit.endsWith('exit 143')
        mode =~ /(?<!-)icanon/
        mode =~ /(?<!-)echo\b/
        second.waitFor(secondPty.secondsLeft(), TimeUnit.SECONDS)

        and: 'the daemon ended that shell: nothing of it still runs'
        eventually { status().contains('0 running') }
    }

    /** A command under script(1) on a fresh pty, with the environment of the daemon's first -e (the daemon's key). */
    private Process onPty(String command) {
        ProcessBuilder pb = new ProcessBuilder('script', '-qfec', command, '/dev/null')
        pb.environment().clear()
        pb.environment().putAll(environment())
        pb.directory(home.toFile())
        pb.redirectErrorStream(true)
        Process p = pb.start()
        processes << p
        p
    }

    private String run(String... command) {
        ProcessBuilder pb = new ProcessBuilder(command)
        pb.environment().clear()
        pb.environment().putAll(environment())
        pb.directory(home.toFile())
        pb.redirectErrorStream(true)
        Process p = pb.start()
        p.outputStream.close()
        String out = new String(p.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        assert p.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)
        out
    }

    private Map<String, String> environment() {
        [
            PATH        : System.getenv('PATH'),
            HOME        : home.toString(),                    // no credentials: the home sandbox
            JAVA_HOME   : System.getProperty('java.home'),
            TERM        : 'xterm-256color',
            LANG        : 'C.UTF-8',
            SHELL       : '/bin/sh',
            KECSH_NO_CDS: '1',
            KECSH_DAEMON_IDLE: '120',
            PAGER       : 'cat -n',                           // what the pager got is on the screen
            EDITOR      : "sed -i 's/60/61/'",
        ]
    }

    private String status() {
        run(LAUNCHER.toString(), 'daemon', 'status')
    }

    private int served() {
        def m = status() =~ /(\d+) run\(s\) served/
        m.find() ? m.group(1) as int : -1
    }

    private static long deadline() {
        System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS)
    }

    private static void type(Process p, String keys) {
        p.outputStream.write(keys.getBytes(StandardCharsets.UTF_8))
        p.outputStream.flush()
    }

    private static void eventually(Closure<Boolean> condition) {
        long deadline = deadline()
        while (!condition()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within ${DEADLINE_SECONDS} s")
            Thread.sleep(200)
        }
    }
}
