package io.kecsh.repl.shell

import io.kecsh.dsl.Kecsh
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal

/**
 * Completion latency, printed (a figure, not a test; run with bench/completion):
 * 1. in-process: the shell's completer at each position a user TABs in (warm, N runs each), p50/p99;
 * 2. TAB-to-screen: the launcher on a real pty (script(1)), time from the TAB key to the candidates
 *    on the terminal, p50/p99 (needs repl/target/kecsh.jar).
 */
class CompletionBench {
    static final List<String> POSITIONS = [
        'ins',
        'instances { ',
        'instances { run ',
        "instances { run type: 'S4.",
        "instances { where state: '",
        "instances { run type: 'S4.2B' }.waitUntil '",
        "instances { terminate '",
        "instances { where ids: ['",
        'kec.',
        'kec.RunInstances(',
    ]

    static void main(String[] args) {
        int runs = args.length > 0 ? args[0] as int : 2000
        int instances = args.length > 1 ? args[1] as int : 200
        inProcess(runs, instances)
        if (!(args as List).contains('--no-pty')) tabToScreen(args.length > 2 ? args[2] as int : 15)
        System.exit(0)
    }

    static void inProcess(int runs, int instances) {
        Path home = Files.createTempDirectory('kecsh-bench')
        Kecsh kecsh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).build()
        Terminal terminal = new DumbTerminal('bench', Terminal.TYPE_DUMB, new ByteArrayInputStream(new byte[0]), OutputStream.nullOutputStream(), StandardCharsets.UTF_8)
        terminal.setSize(new Size(160, 45))
        KecshShell shell = new KecshShell(kecsh, ShellOptions.builder().historyFile(home.resolve('history')).build(), terminal)
        shell.session()
        for (int i = 0; i < instances; i += 50) kecsh.eval("instances { run type: 'S4.2B', name: 'bench', suffix: ${i + 1}, count: ${Math.min(50, instances - i)} }")
        ShellCompleter completer = shell.completer()
        println "completion in-process: ${runs} runs a position after ${runs.intdiv(4)} warm-up, ${instances} live instances (embedded sandbox)"
        println String.format('%-48s %6s %9s %9s', 'position', 'offered', 'p50 ms', 'p99 ms')
        List<Long> all = []
        for (String buffer : POSITIONS) {
            for (int i = 0; i < runs.intdiv(4); i++) completer.candidates(buffer, buffer.length())
            shell.liveIds().settled().get(30, TimeUnit.SECONDS)
            List<Long> times = []
            int offered = 0
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime()
                offered = completer.candidates(buffer, buffer.length()).size()
                times << System.nanoTime() - t0
            }
            all.addAll(times)
            println String.format('%-48s %6d %9.3f %9.3f', buffer.inspect(), offered, pct(times, 50), pct(times, 99))
        }
        println String.format('%-48s %6s %9.3f %9.3f', 'all positions', '', pct(all, 50), pct(all, 99))
        kecsh.close()
    }

    /** The launcher on a pty: TAB after each position, time until its first candidate is on the screen. */
    static void tabToScreen(int reps) {
        Path root = Path.of('.').toAbsolutePath().normalize()
        Path launcher = root.resolve('kecsh')
        if (!Files.isRegularFile(root.resolve('repl/target/kecsh.jar'))) {
            println 'TAB-to-screen: skipped, build repl/target/kecsh.jar first (./mvnw -o -q -B -DskipTests package)'
            return
        }
        Path home = Files.createTempDirectory('kecsh-bench-pty')
        ProcessBuilder pb = new ProcessBuilder('script', '-qfec', "'${launcher}'".toString(), '/dev/null')
        // KECSH_NO_DAEMON: the first shell of a home runs in its own JVM anyway; without it, it would also
        // start a warm daemon left idling for half an hour on the cores the next benchmark measures
        pb.environment().putAll([HOME: home.toString(), KECSH_CACHE: home.resolve('cache').toString(), TERM: 'xterm-256color', LANG: 'C.UTF-8', SHELL: '/bin/sh',
                                 KECSH_NO_DAEMON: '1'])
        pb.environment().remove('KSYUN_ACCESS_KEY_ID')
        pb.redirectErrorStream(true)
        Process p = pb.start()
        Screen screen = new Screen(p.inputStream)
        screen.await('sandbox at', 120)
        Closure type = { String s -> p.outputStream.write(s.getBytes(StandardCharsets.UTF_8)); p.outputStream.flush() }
        type("instances { run type: 'S4.2B', name: 'web', suffix: 1, count: 5 }\r")
        screen.await('kecsh cn-beijing-6> ', 60)
        Map<String, String> shows = [
            "instances { run type: 'S4.2": 'vCPU',
            "instances { where state: '" : 'stopped',
            "instances { run type: 'S4.2B' }.waitUntil '": 'recycling',
            "instances { terminate '"   : 'web-',
        ]
        println "TAB-to-screen on a pty (launcher, embedded sandbox), ${reps} TABs a position after 3 warm-up"
        println String.format('%-48s %9s %9s', 'position', 'p50 ms', 'p99 ms')
        List<Long> all = []
        shows.each { String buffer, String appears ->
            List<Long> times = []
            for (int i = 0; i < reps + 3; i++) {
                type(buffer)
                Thread.sleep(150)
                screen.skip()
                long t0 = System.nanoTime()
                type('\t')
                screen.await(appears, 30)
                long took = System.nanoTime() - t0
                if (i >= 3) times << took
                type('\u0003')   // Ctrl-C: drop the line
                screen.await('kecsh cn-beijing-6> ', 30)
            }
            all.addAll(times)
            println String.format('%-48s %9.1f %9.1f', buffer.inspect(), pct(times, 50), pct(times, 99))
        }
        println String.format('%-48s %9.1f %9.1f', 'all positions', pct(all, 50), pct(all, 99))
        type(':quit\r')
        p.waitFor(30, TimeUnit.SECONDS)
        p.destroyForcibly()
        // the shell started this throw-away home's shared sandbox: stop it too
        ProcessBuilder stop = new ProcessBuilder(launcher.toString(), 'sandbox', 'stop').redirectErrorStream(true)
        stop.environment().putAll(pb.environment())
        Process q = stop.start()
        q.inputStream.text
        q.waitFor(30, TimeUnit.SECONDS)
    }

    static double pct(List<Long> nanos, int p) {
        List<Long> sorted = nanos.toSorted()
        sorted[Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)] / 1e6
    }

    /** The pty's output as it arrives; {@link #await} looks only at what came after the last {@link #skip}. */
    static final class Screen {
        private final StringBuffer seen = new StringBuffer()
        private volatile int from

        Screen(InputStream in) {
            Thread.startDaemon('bench-pty') {
                byte[] b = new byte[8192]
                int n
                while ((n = in.read(b)) >= 0) seen.append(new String(b, 0, n, StandardCharsets.UTF_8))
            }
        }

        void skip() {
            from = seen.length()
        }

        void await(String text, int seconds) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
            while (seen.indexOf(text, from) < 0) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("no '${text}' on the pty within ${seconds} s")
                Thread.onSpinWait()
            }
            from = seen.indexOf(text, from) + text.length()
        }
    }
}
