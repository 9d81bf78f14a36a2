package io.kecsh.repl.e2e

import static io.kecsh.repl.e2e.TheBuild.JAR
import static io.kecsh.repl.e2e.TheBuild.LAUNCHER

import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * {@code kecsh -e} and {@code kecsh run} through the warm daemon, with the real launcher, against a
 * sandbox over real HTTP: each command is run once in-process ({@code KECSH_NO_DAEMON=1}) and once
 * served by the daemon (its count of runs served must move), and stdout, stderr and the exit code
 * must be the same bytes. Then two clients at once, Ctrl-C and SIGTERM on the client, a jar
 * rebuilt under a running daemon, status, a run and a stop while a daemon still starts, the modes of its files and a password typed in a script searched
 * for in every file under ~/.kecsh. The archive is off (KECSH_NO_CDS): its training is
 * KecshSecretsIT's, and would only slow these runs down.
 */
class KecshDaemonIT extends Specification {
    static final long HANG_SECONDS = 180

    @Shared
    @AutoCleanup
    Sandbox sandbox = Sandbox.start(SandboxOptions.interactive())

    /**
     * One home and one working directory (both are in the daemon's key), so one daemon serves every
     * feature but the rebuilt jar's, and each feature counts the runs it adds: a daemon's start and
     * warm-up per feature was most of this spec's time.
     */
    @TempDir
    @Shared
    Path home
    @TempDir
    @Shared
    Path work

    /** Where each started process's stderr goes (shared: cleanupSpec runs a kecsh too). */
    @Shared
    private Map<Process, Path> errFiles = [:]

    def cleanupSpec() {
        kecsh([:], 'daemon', 'stop')
    }

    def "a success, a validation error, a script error, stderr, the environment, the directory and the arguments are the same through the daemon"() {
        given:
        Files.writeString(work.resolve('data.txt'), 'read from the working directory')
        Files.writeString(work.resolve('list.groovy'), '''
            println "args: ${args.toList()}"
            println new File('data.txt').text
            System.err.println "to stderr: ${System.getenv('KECSH_IT_VALUE')}"
            [regions: regions()*.id.contains('cn-beijing-6'), region: kec.region]
            '''.stripIndent())
        String endpoint = sandbox.endpoint().toString()
        List<List<String>> commands = [
            ['--endpoint', endpoint, '-e', "println 'out'; System.err.println 'err'; kec.DescribeRegions().RegionSet.size() > 0"],
            ['--endpoint', endpoint, '--output', 'json', '-e', "[a: 1, b: 'two']"],
            ['--endpoint', endpoint, '-e', "kec.RunInstances(InstanceType: 'S4.2X', MinCount: 1, MaxCount: 1, ImageId: 'x')"],
            ['--endpoint', endpoint, '-e', "println 'before'; throw new IllegalStateException('boom')"],
            ['--endpoint', endpoint, '-e', "System.getenv('KECSH_IT_VALUE') + ' ' + new File('data.txt').exists()"],
            ['--endpoint', endpoint, '--region', 'cn-shanghai-2', '--output', 'json', 'run', 'list.groovy', 'one', 'two'],
            ['--endpoint', endpoint, '--region', 'cn-nowhere-9', '-e', '1'],
        ]
        startDaemon()

        int before = served()

        expect:
        commands.each { List<String> args ->
            def inProcess = kecsh([KECSH_NO_DAEMON: '1'], *args)
            def daemon = kecsh([:], *args)
            assert daemon == inProcess
        }
        served() == before + commands.size()
    }

    def "the daemon runs what it is sent in its own JVM, kept warm and with C2; --no-daemon and KECSH_NO_DAEMON run in the client's, C1 only"() {
        given: 'a script that says which JVM runs it and whether that JVM was started C1 only (the launcher\'s one-shot JIT)'
        startDaemon()
        long daemonPid = (status() =~ /daemon (\d+)/)[0][1] as long
        String which = "ProcessHandle.current().pid() + ' ' + ProcessHandle.current().info().arguments().get().contains('-XX:TieredStopAtLevel=1')"

        expect:
        kecsh([:], '-e', which).out.trim() == "${daemonPid} false"
        kecsh([:], '--no-daemon', '-e', which).out.trim() ==~ /(?!${daemonPid} )\d+ true/
        kecsh([KECSH_NO_DAEMON: '1'], '-e', which).out.trim() ==~ /(?!${daemonPid} )\d+ true/
    }

    def "a script reading stdin gets the client's stdin through the daemon"() {
        given:
        startDaemon()
        int before = served()

        when:
        def r = run([:], 'first line\nsecond line\n', ['-e', "System.in.newReader().readLines().collect { it.toUpperCase() }.join('|')"])

        then:
        r.code == 0
        r.out == 'FIRST LINE|SECOND LINE\n'
        served() == before + 1
    }

    def "two clients at once are both served, and a script's variables and classes are its own"() {
        given:
        startDaemon()
        int before = served()

        when:
        Process slow = start([:], ['-e', "class Shared { static String who = 'slow' }; Thread.sleep(3000); Shared.who"])
        Thread.sleep(500)
        def quick = kecsh([:], '-e', "class Shared { static String who = 'quick' }; Shared.who")
        def slowResult = finish(slow)

        then:
        quick.code == 0 && quick.out == 'quick\n'
        slowResult.code == 0 && slowResult.out == 'slow\n'
        served() == before + 2
        status().contains('0 running')
    }

    def "Ctrl-C and SIGTERM on the client stop the script in the daemon: the client exits 130 and 143"() {
        given:
        startDaemon()

        when:
        // SIGINT at its default, as at a terminal, even when this suite runs with it ignored (a background job): env execs the launcher
        Process interrupted = start(['env', '--default-signal=INT', LAUNCHER.toString()], [:], ['-e', "println 'started'; System.out.flush(); Thread.sleep(120000); println 'not reached'"])
        awaitLine(interrupted, 'started')
        signal(interrupted, 'INT')
        def intResult = finish(interrupted)
        Process terminated = start([:], ['-e', "println 'started'; System.out.flush(); Thread.sleep(120000); println 'not reached'"])
        awaitLine(terminated, 'started')
        signal(terminated, 'TERM')
        def termResult = finish(terminated)

        then:
        intResult.code == 130
        termResult.code == 143
        !intResult.out.contains('not reached')
        eventually { status().contains('0 running') }
    }

    def "a rebuilt jar never reaches the daemon of the old one, which ends"() {
        given: 'a copy of the jar run as java -jar, with its daemon warm, in a home of its own (so its daemon is the one there)'
        Map<String, String> own = [HOME: Files.createDirectories(work.resolve('home')).toString()]
        Path jar = work.resolve('kecsh.jar')
        Files.copy(JAR, jar)
        List<String> java = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-jar', jar.toString()]
        runCommand(java, own, '', ['-e', '1'])
        eventually { status(own).contains('run(s) served') }
        long oldPid = (status(own) =~ /daemon (\d+)/)[0][1] as long

        when: 'the jar is rebuilt (here: a new modification time)'
        Files.setLastModifiedTime(jar, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000))
        def after = runCommand(java, own, '', ['-e', 'ProcessHandle.current().pid()'])

        then: 'the command ran (in its own JVM: no daemon of this jar yet), and the old daemon went away'
        after.code == 0
        after.out.trim() != "${oldPid}"
        eventually(30) { !ProcessHandle.of(oldPid).map { it.alive }.orElse(false) }

        cleanup:
        kecsh(own, 'daemon', 'stop')
    }

    def "a daemon still starting is named by status and stopped by stop at once; a run meanwhile is served in its own JVM"() {
        given: 'a first -e in a home of its own, still running (in its own JVM): the daemon it started waits for it to end'
        // a short name: the socket's path must stay within the 107 bytes of a Unix socket's address
        Map<String, String> own = [HOME: Files.createDirectories(work.resolve('warm')).toString()]
        Path dir = Path.of(own.HOME).resolve('.kecsh').resolve('daemon')
        Process first = start(own, ['-e', 'System.in.newReader().readLine().toUpperCase()'])
        def startingLine = /daemon (\d+) in .*, starting since /

        when: 'status while it starts, a run while it starts, then the first -e ends and a stop comes at once'
        String starting = null
        eventually(60) { (starting = status(own)) =~ startingLine }
        long pid = (starting =~ startingLine)[0][1] as long
        def meanwhile = kecsh(own, '-e', "ProcessHandle.current().pid() + ' ' + 6 * 7")
        List<Path> sockets = Files.list(dir).withCloseable { it.filter { it.fileName.toString().endsWith('.sock') }.toList() }
        first.outputStream.withCloseable { it.write('first\n'.getBytes(StandardCharsets.UTF_8)) }
        def firstResult = finish(first)
        def stop = kecsh(own, 'daemon', 'stop')

        then: 'the run was not kept waiting for the warm-up nor given to a second daemon, and the daemon ends without its warm-up'
        meanwhile.code == 0
        meanwhile.out ==~ /(?!${pid} )\d+ 42\n/
        sockets.size() == 1
        firstResult.code == 0 && firstResult.out == 'FIRST\n'
        stop.code == 0
        stop.out == "kecsh: stopping ${pid}\n"
        eventually(60) { !ProcessHandle.of(pid).map { it.alive }.orElse(false) }
        Files.list(dir).withCloseable { it.noneMatch { it.fileName.toString().endsWith('.sock') } }

        cleanup:
        first?.destroyForcibly()
    }

    def "the daemon's directory is 0700, its files 0600, and a password typed in a script is in none of them"() {
        given:
        String password = 'KnownDaemonPassword7'
        startDaemon()

        when:
        int before = served()
        def r = kecsh([:], '--endpoint', sandbox.endpoint().toString(), '-e',
            "def password = '${password}'; kec.DescribeRegions(); password.size()")
        Path dir = home.resolve('.kecsh').resolve('daemon')

        then:
        r.code == 0
        r.out == "${password.size()}\n"
        served() == before + 1
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)) == 'rwx------'
        List<Path> files = Files.list(dir).withCloseable { it.toList() }
        files.any { it.fileName.toString().endsWith('.sock') }
        files.every { PosixFilePermissions.toString(Files.getPosixFilePermissions(it)) == 'rw-------' }
        Files.walk(home.resolve('.kecsh')).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }.every {
            !new String(Files.readAllBytes(it), StandardCharsets.ISO_8859_1).contains(password)
        }
        !r.err.contains(password)
    }

    // --- helpers

    /** The first -e starts the daemon in the background (and runs in-process); waits until it listens. */
    private void startDaemon() {
        if (status().contains('run(s) served')) return // an earlier feature's, still warm
        assert kecsh([:], '-e', '1').code == 0
        eventually { status().contains('run(s) served') }
    }

    private String status(Map<String, String> env = [:]) {
        kecsh(env, 'daemon', 'status').out
    }

    private int served() {
        def m = status() =~ /(\d+) run\(s\) served/
        m.find() ? m.group(1) as int : -1
    }

    private static void eventually(int seconds = HANG_SECONDS as int, Closure<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds)
        while (!condition()) {
            if (System.nanoTime() > deadline) throw new AssertionError("not within ${seconds} s")
            Thread.sleep(250)
        }
    }

    private Map<String, String> environment(Map<String, String> extra) {
        [
            PATH            : System.getenv('PATH'),
            HOME            : home.toString(),
            JAVA_HOME       : System.getProperty('java.home'),
            LANG            : 'C.UTF-8',
            KECSH_NO_CDS    : '1',
            KECSH_DAEMON_IDLE: '300',
            KECSH_IT_VALUE  : 'visible-in-the-script',
            KSYUN_ACCESS_KEY: sandbox.credentials().kingsoft().accessKeyId(),
            KSYUN_SECRET_KEY: sandbox.credentials().kingsoft().secret(),
        ] + extra
    }

    private Map<String, Object> kecsh(Map<String, String> env, String... args) {
        run(env, '', args as List<String>)
    }

    private Map<String, Object> run(Map<String, String> env, String stdin, List<String> args) {
        runCommand([LAUNCHER.toString()], env, stdin, args)
    }

    private Map<String, Object> runCommand(List<String> command, Map<String, String> env, String stdin, List<String> args) {
        Process p = start(command, env, args)
        p.outputStream.withCloseable { it.write(stdin.getBytes(StandardCharsets.UTF_8)) }
        finish(p)
    }

    private Process start(Map<String, String> env, List<String> args) {
        start([LAUNCHER.toString()], env, args)
    }

    private Process start(List<String> command, Map<String, String> env, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder(command + args)
        pb.environment().clear()
        pb.environment().putAll(environment(env))
        pb.directory(work.toFile())
        pb.redirectError(Files.createTempFile(work, 'stderr', '.txt').toFile())
        Process p = pb.start()
        errFiles[p] = pb.redirectError().file().toPath()
        p
    }

    private Map<String, Object> finish(Process p) {
        String out = new String(p.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        if (!p.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new AssertionError("kecsh hung for ${HANG_SECONDS} s")
        }
        Path err = errFiles.remove(p)
        String errText = Files.readString(err)
        Files.delete(err)
        [code: p.exitValue(), out: out, err: errText]
    }

    /** Reads stdout up to the line (the rest stays for finish). */
    private static void awaitLine(Process p, String line) {
        StringBuilder seen = new StringBuilder()
        while (!seen.toString().contains(line + '\n')) {
            int c = p.inputStream.read()
            if (c < 0) throw new AssertionError("ended before '${line}': ${seen}")
            seen.append((char) c)
        }
    }

    private static void signal(Process p, String name) {
        assert new ProcessBuilder('kill', "-${name}", "${p.pid()}").start().waitFor() == 0
    }
}
