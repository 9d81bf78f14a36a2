package io.kecsh.repl.sandbox

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

/**
 * The home sandbox as a user meets it: each {@code kecsh} is a process of its own (the real entry
 * point, {@code io.kecsh.repl.Main}, on this build's class path) with no credentials and a home of
 * its own (a temporary one: nothing here touches the real ~/.kecsh), so that what one command
 * creates the next one sees through the background sandbox process they share.
 *
 * Its features are split over two specs ({@link HomeSandboxSpec}: one sandbox shared and found again;
 * {@link HomeSandboxLifecycleSpec}: reset, overlays, idle stop) so that the build's two test JVMs run
 * them side by side.
 */
@Timeout(300)
abstract class HomeSandboxSpecification extends Specification {
    @TempDir
    Path home

    Path getDir() { home.resolve('.kecsh/sandbox') }

    static String classpath() {
        System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
    }

    Process start(Map<String, String> env = [:], String input = '', String... args) {
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        ProcessBuilder pb = new ProcessBuilder([java, '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-cp', classpath(),
                                                'io.kecsh.repl.Main'] + (args as List))
        pb.environment().clear()
        pb.environment().putAll([HOME: home.toString(), PATH: '/usr/local/bin:/usr/bin:/bin', LANG: 'C.UTF-8'] + env)
        Process p = pb.start()
        p.outputStream.withCloseable { it.write(input.getBytes(StandardCharsets.UTF_8)) }
        p
    }

    Map<String, Object> finish(Process p) {
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        Thread o = Thread.start { p.inputStream.transferTo(out) }
        Thread e = Thread.start { p.errorStream.transferTo(err) }
        assert p.waitFor(120, TimeUnit.SECONDS)
        o.join(); e.join()
        [code: p.exitValue(), out: out.toString(StandardCharsets.UTF_8), err: err.toString(StandardCharsets.UTF_8)]
    }

    /** A kecsh that has made its call and then holds the home sandbox for a minute (a script still running). */
    Process startBusy() {
        Process busy = start([:], '', '-e', "instances.list().size(); Thread.sleep(60000)")
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (!Files.exists(dir.resolve('endpoint')) && System.nanoTime() < deadline) Thread.sleep(100)
        Thread.sleep(2000)
        busy
    }

    Map<String, Object> kecsh(Map<String, String> env = [:], String... args) {
        finish(start(env, '', args))
    }

    /** The processes serving a sandbox for this home (the test's own children, found by the home in their arguments). */
    List<ProcessHandle> sandboxProcesses() {
        ProcessHandle.allProcesses().filter { ProcessHandle p ->
            List<String> a = p.info().arguments().map { it as List }.orElse([])
            a.contains(HomeSandboxDaemon.name) && a.contains(home.toString())
        }.toList()
    }

    Properties endpoint() {
        Properties p = new Properties()
        Files.newBufferedReader(dir.resolve('endpoint')).withCloseable { p.load(it) }
        p
    }

    static String mode(Path p) {
        PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
    }

    def cleanup() {
        sandboxProcesses().each { it.destroyForcibly() }
    }
}
