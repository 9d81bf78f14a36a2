package io.kecsh.repl.e2e

import static io.kecsh.repl.e2e.TheBuild.JAR
import static io.kecsh.repl.e2e.TheBuild.LAUNCHER
import static io.kecsh.repl.e2e.TheBuild.PROMPT

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir

/**
 * TAB inside strings on a real pty (the launcher under script(1), the embedded sandbox): after a
 * block's {@code .waitUntil '} the instance states, inside {@code terminate '} the live ids found by
 * name, never a DSL word put into the string; and the help line below the input while typing a
 * parameter's value. Bound to integration-test, after package has built the jar.
 */
class CompletionPtyIT extends Specification {

    @TempDir
    Path home

    KecshPtyIT.PtyTranscript pty
    Process process

    def cleanup() {
        if (process?.alive) {
            process.descendants().forEach { it.destroyForcibly() }
            process.destroyForcibly()
        }
    }

    def "TAB after a block's .waitUntil ' lists the instance states; inside terminate ' a name completes to its id"() {
        given:
        launch()
        pty.await(PROMPT)
        pty.await('home sandbox at')

        when: 'the states of what the block returns, not the script words'
        type("instances { run type: 'S4.2B', name: 'web-1' }.waitUntil '\t")
        String listed = pty.await(~/stopped/)   // JLine lists column by column: the last state drawn is the last in order

        then:
        listed.contains('active') && listed.contains('stopped') && listed.contains('deleted')
        !listed.contains('networkInterfaces')   // no script word listed
        !listed.contains('currentRegion')

        when: 'a unique prefix completes the state and closes the string; the line runs and waits for it'
        type("ac\t\r")
        String ran = pty.await(PROMPT)
        String id = (ran =~ /(\p{XDigit}{8}-[\p{XDigit}-]{27})\s+web-1\s+S4\.2B\s+active/).with { it.find() ? it.group(1) : null }

        then:
        id != null
        !ran.contains('error:')

        when: 'the instance\'s name, typed inside terminate \', completes to its id (JLine redraws the word: the id follows)'
        type("instances { terminate 'web\t")
        String completed = pty.await(id)
        type("\u0003")   // Ctrl-C: drop the line (the completion is what is tested)
        pty.await(PROMPT)

        then: 'an id, never a DSL word, inside the string'
        !(completed =~ /'(run|stop|where|instances|currentRegion)/)

        when:
        type(":quit\r")

        then:
        process.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        process.exitValue() == 0
    }

    def "after :region the first TAB for ids completes them, or says in a line that they are being read: never a silent nothing"() {
        given: 'an instance in cn-shanghai-2, ids never asked for before (the cold case: nothing read ahead)'
        launch()
        pty.await(PROMPT)
        pty.await('home sandbox at')
        type(":region cn-shanghai-2\r")
        pty.await('kecsh cn-shanghai-2> ')
        type("instances { run type: 'S4.2B', name: 'sh-1' }\r")
        String ran = pty.await('kecsh cn-shanghai-2> ')
        String id = (ran =~ /(\p{XDigit}{8}-[\p{XDigit}-]{27})\s+sh-1/).with { it.find() ? it.group(1) : null }

        when: 'the first TAB in the new region, on a name'
        type("instances { terminate 'sh\t")
        String first = pty.await(~/${id}|TAB again lists them/)
        if (!first.contains(id)) {
            type('\t')
            pty.await(id)
        }
        type("\u0003")
        pty.await('kecsh cn-shanghai-2> ')
        type(":quit\r")

        then: 'the id came (at once, or at the TAB the line asked for)'
        id != null
        process.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        process.exitValue() == 0
    }

    def "the help line below the input names the parameter under the cursor, its type, default and values"() {
        given:
        launch()
        pty.await(PROMPT)
        pty.await('home sandbox at')

        when:
        typeKeys("instances { stop mode: '")
        String help = pty.await(~/mode → StoppedMode: string/)

        then:
        pty.await('one of KeepCharging, StopCharging')

        when: 'Ctrl-C drops the line; then quit'
        type("\u0003")
        pty.await(PROMPT)
        type(":quit\r")

        then:
        process.waitFor(pty.secondsLeft(), TimeUnit.SECONDS)
        process.exitValue() == 0
    }

    private void launch() {
        assert Files.isRegularFile(JAR): "${JAR} is built in package; run mvn verify"
        Path script = System.getenv('PATH').split(File.pathSeparator).collect { Path.of(it, 'script') }.find { Files.isExecutable(it) }
        assert script != null: "'script' (util-linux) is not on PATH: the pty test needs it to give kecsh a terminal"
        // exec: no sh -c left waiting in the pty's foreground group, which Ctrl-C would end with 130 once kecsh exits
        ProcessBuilder pb = new ProcessBuilder(script.toString(), '-qfec', "exec '${LAUNCHER}'".toString(), '/dev/null')
        pb.environment().clear()
        pb.environment().putAll([
            PATH       : System.getenv('PATH'),
            HOME       : home.toString(),
            KECSH_CACHE: home.resolve('cache').toString(),
            JAVA_HOME  : System.getProperty('java.home'),
            TERM       : 'xterm-256color',
            LANG       : 'C.UTF-8',
            SHELL      : '/bin/sh',
            KECSH_NO_DAEMON: '1',                            // the shell in its own JVM (ShellDaemonPtyIT: through the daemon)
        ])
        pb.redirectErrorStream(true)
        process = pb.start()
        pty = new KecshPtyIT.PtyTranscript(process.inputStream, System.nanoTime() + TimeUnit.SECONDS.toNanos(KecshPtyIT.DEADLINE_SECONDS))
    }

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
}
