package io.kecsh.repl.e2e

import static io.kecsh.repl.e2e.TheBuild.JAR
import static io.kecsh.repl.e2e.TheBuild.LAUNCHER
import static io.kecsh.repl.e2e.TheBuild.PROMPT

import io.kecsh.runtime.auth.Credentials
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.client.CloudClient
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions
import io.kecsh.runtime.sandbox.auth.SandboxCredentials
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import org.opentest4j.TestAbortedException
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Known secrets through everything a user does with the real {@code ./kecsh} launcher, in a fresh
 * home: the first run (which trains the class-data-sharing / AOT archive), later runs of a script,
 * its plan, a compile error under {@code --debug}, a call to an endpoint that does not answer, and
 * the shell fed on stdin; then every file under {@code ~/.kecsh} (bytes, the archive included: as
 * UTF-8 and UTF-16), what {@code :save} wrote, and every stdout and stderr are searched for each
 * secret, and {@code ~/.kecsh} must be 0700 directories and 0600 files. Once with the JDK running
 * the build, once with a JDK 25+ (the AOT cache) when one is installed. Bound to integration-test
 * (maven-failsafe), after package has built the jar the launcher runs.
 */
class KecshSecretsIT extends Specification {
    /** The repository's launcher; -Dkecsh.launcher=… runs another one (an older one, to see this test fail). */
    static final long HANG_SECONDS = 120

    @Shared
    @AutoCleanup
    Sandbox sandbox = Sandbox.start(SandboxOptions.interactive()   // real time: the other JVM signs with its own clock
        // a key of the test's own: the default sandbox secret is a constant of kecsh's classes, in any archive of them
        .withCredentials(new SandboxCredentials(new Credentials('AKLTSECRETSIT0001', 'KnownSecretAccessKey6'), SandboxCredentials.DEFAULT_ALIBABA)))

    @TempDir
    Path home
    @TempDir
    Path work

    def "no secret reaches a file under ~/.kecsh, the archive, stdout or stderr, and ~/.kecsh is private (#jdkName)"() {
        given:
        assert Files.isRegularFile(JAR): "${JAR} is built in package; run mvn verify" // else ./kecsh would build it
        if (jdk == null) throw new TestAbortedException('no JDK 25 or later in /usr/lib/jvm or $JAVA25_HOME: the AOT-cache variant needs one')
        String accessSecret = sandbox.credentials().kingsoft().secret()
        Map<String, String> secrets = [
            first    : 'KnownSecretFirstRun1',
            script   : 'KnownSecretScriptVar2',
            debug    : 'KnownSecretDebugCompile3',
            failure  : 'KnownSecretUnreachable4',
            shell    : 'KnownSecretShellVar5',
            accessKey: accessSecret,
        ]
        String endpoint = sandbox.endpoint().toString()
        writeProfile()
        Path script = work.resolve('deploy.groovy')
        Files.writeString(script, "pw = '${secrets.script}'\ninstances { run type: 'S4.2B', name: 'secret-test', password: pw }\n")
        Path saved = work.resolve('saved.groovy')
        List<Map> runs = []

        when: 'the first run: the launcher trains its archive, then runs the command with a password in it'
        runs << kecsh(jdk, '--endpoint', endpoint, '-e', "instances { run type: 'S4.2B', password: '${secrets.first}' }")

        then:
        runs[-1].code == 0
        archives().size() == 1

        when: 'a later run: a script passing a password through a variable (it runs with the archive)'
        runs << kecsh(jdk, '--endpoint', endpoint, 'run', script.toString())

        then:
        runs[-1].code == 0

        when: 'the JVM-independent rest, once: the plan, a compile error and an unreachable endpoint under --debug'
        if (everything) {
            runs << kecsh(jdk, '--endpoint', endpoint, 'plan', script.toString())
            runs << kecsh(jdk, '--debug', '--endpoint', endpoint, '-e', "instances { run type: 'S4.2B', password: '${secrets.debug}' ")
            runs << kecsh(jdk, '--debug', '--endpoint', 'http://127.0.0.1:9', '-e', "instances { run type: 'S4.2B', password: '${secrets.failure}' }")
        }

        then:
        !everything || runs*.code == [0, 0, 0, 3, 5]
        !everything || runs[2].out.contains('****')                        // the plan shows the password masked
        !everything || runs[3].err.contains("password: '***'")             // the compiler's echo of the line, masked
        !everything || runs[4].err.readLines().size() > 1                   // the --debug stack trace is there, masked

        when: 'the shell, on stdin: a password in a variable named like anything else, then passed as one'
        Map shell = !everything ? null : run(jdk, "x = '${secrets.shell}'; 'set'\ninstances { run type: 'S4.2B', password: x }\n:history\n:save ${saved}\n:quit\n",
            ['--endpoint', endpoint])
        if (shell != null) runs << shell

        then:
        !everything || shell.code == 0
        !everything || shell.out.contains('x = \'***\'')                // :history shows the line masked

        and: 'no secret in any file under the home (the archive included), in :save, or in any output'
        List<Path> files = Files.walk(home).withCloseable { it.filter { Files.isRegularFile(it) }.toList() }
        files.any { it.fileName.toString() ==~ /kecsh-jdk\d+\.(jsa|aot)/ }
        !everything || files.any { it.fileName.toString() == 'history' }
        secrets.each { String which, String secret ->
            (files + (everything ? [saved] : [])).each { Path f -> boolean leaked = contains(Files.readAllBytes(f), secret); assert !leaked: "${which} secret in ${home.relativize(f.toAbsolutePath())}" }
            runs.eachWithIndex { Map run, int i ->
                assert !run.err.contains(secret): "${which} secret on the stderr of run ${i}:\n${run.err}"
                // The shell echoes what is typed on its input; what it prints besides must not show the secret.
                String printed = run.is(shell) ? run.out.readLines().findAll { !it.startsWith(PROMPT) && !it.startsWith('x = ') }.join('\n') : run.out
                assert !printed.contains(secret): "${which} secret on the stdout of run ${i}:\n${printed}"
            }
        }

        and: '~/.kecsh: directories 0700, files 0600'
        Files.walk(home.resolve('.kecsh')).withCloseable { it.toList() }.each { Path p ->
            String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p))
            assert mode == (Files.isDirectory(p) ? 'rwx------' : 'rw-------'): "${home.relativize(p)} is ${mode}"
        }

        where: 'the AOT cache on JDK 25+ is another archive format: its first and later runs; the rest does not depend on the JVM'
        jdkName       | jdk                                        | everything
        'build JDK'   | Path.of(System.getProperty('java.home'))   | true
        'JDK 25+ AOT' | jdk25()                                    | false
    }

    /**
     * A profile as an operations team would keep it (the sandbox's image, subnet and security group,
     * as kecsh needs them outside its embedded sandbox), private as kecsh asks.
     */
    private void writeProfile() {
        CloudClient client = new CloudClient(ClientConfig.builder().endpoint(sandbox.endpoint())
            .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft()).build())
        String image
        try {
            client.call('DescribeAvailabilityZones', [:])   // a region is seeded on first use
            image = (client.call('DescribeImages', [:]).ImagesSet as List<Map>).find { it.Platform == 'centos-7.6' && it.IsPublic }.ImageId
        } finally {
            client.close()
        }
        def region
        synchronized (sandbox.state().lock()) {
            region = sandbox.state().regions['cn-beijing-6']
        }
        Path dir = Files.createDirectories(home.resolve('.kecsh'), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rwx------')))
        Path config = Files.createFile(dir.resolve('config'), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString('rw-------')))
        Files.writeString(config, """\
            [default]
            default.image = ${image}
            default.subnet = ${region.defaultSubnetId}
            default.security_group = ${region.defaultSecurityGroupId}
            default.charge_type = HourlyInstantSettlement
            """.stripIndent())
    }

    def "a half-written archive of a launcher killed while training is removed at the next start; a running one's is kept"() {
        given: 'training already failed for this jar (so nothing trains now), and two leftovers: a dead launcher\'s and a live one\'s'
        assert Files.isRegularFile(JAR): "${JAR} is built in package; run mvn verify"
        Path cache = Files.createDirectories(home.resolve('.kecsh/cache'))
        Files.writeString(cache.resolve('kecsh-jdk17.jsa.failed'), '')
        Files.writeString(cache.resolve('kecsh-jdk25.aot.failed'), '')
        long dead = (4_000_000L..4_100_000L).find { !ProcessHandle.of(it).isPresent() }
        Path orphan = cache.resolve("kecsh-jdk17.jsa.${dead}")
        Path orphanAot = cache.resolve("kecsh-jdk25.aot.${dead}")
        Path training = cache.resolve("kecsh-jdk17.jsa.${ProcessHandle.current().pid()}")
        [orphan, orphanAot, training].each { Files.write(it, new byte[1024]) }

        when:
        Map version = run(Path.of(System.getProperty('java.home')), '', ['--version'])

        then:
        version.code == 0
        !Files.exists(orphan)
        !Files.exists(orphanAot)
        Files.exists(training)   // its launcher may still be writing it
        Files.exists(cache.resolve('kecsh-jdk17.jsa.failed'))
    }

    /** The launcher as a user runs it, with only this environment: credentials for the sandbox, the JDK, a fresh home. */
    private Map<String, Object> run(Path javaHome, String stdin, List<String> args) {
        ProcessBuilder pb = new ProcessBuilder([LAUNCHER.toString()] + args)
        pb.environment().clear()
        pb.environment().putAll([
            PATH            : System.getenv('PATH'),
            HOME            : home.toString(),
            JAVA_HOME       : javaHome.toString(),
            LANG            : 'C.UTF-8',
            KSYUN_ACCESS_KEY: sandbox.credentials().kingsoft().accessKeyId(),
            KSYUN_SECRET_KEY: sandbox.credentials().kingsoft().secret(),
        ])
        pb.directory(work.toFile())
        Path err = Files.createTempFile(work, 'stderr', '.txt')
        pb.redirectError(err.toFile())
        long started = System.nanoTime()
        Process p = pb.start()
        p.outputStream.withCloseable { it.write(stdin.getBytes(StandardCharsets.UTF_8)) }
        String out = new String(p.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        if (!p.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
            p.destroyForcibly()
            throw new AssertionError("kecsh ${args} hung for ${HANG_SECONDS} s")
        }
        System.out.printf('%6d ms  kecsh %s%n', TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), args.take(3).join(' '))
        String errText = Files.readString(err)
        Files.delete(err)
        [code: p.exitValue(), out: out, err: errText]
    }

    private Map<String, Object> kecsh(Path javaHome, String... args) {
        run(javaHome, '', args as List<String>)
    }

    private List<Path> archives() {
        Path cache = home.resolve('.kecsh').resolve('cache')
        Files.isDirectory(cache) ? Files.list(cache).withCloseable { it.filter { it.fileName.toString() ==~ /kecsh-jdk\d+\.(jsa|aot)/ }.toList() } : []
    }

    /** The secret's bytes anywhere in the file: as UTF-8 (class-file constants, text) or as UTF-16 (Java strings in a heap). */
    private static boolean contains(byte[] data, String secret) {
        String bytes = new String(data, StandardCharsets.ISO_8859_1)   // one char per byte: a binary-safe search
        [StandardCharsets.UTF_8, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE]
            .any { bytes.contains(new String(secret.getBytes(it), StandardCharsets.ISO_8859_1)) }
    }

    /** A JDK 25 or later beside the build's (Temurin 25 here and in CI), unless the build's is one already. */
    static Path jdk25() {
        if (Runtime.version().feature() >= 25) return null
        List<Path> candidates = []
        if (System.getenv('JAVA25_HOME')) candidates << Path.of(System.getenv('JAVA25_HOME'))
        Path jvms = Path.of('/usr/lib/jvm')
        if (Files.isDirectory(jvms)) candidates.addAll(Files.list(jvms).withCloseable { it.sorted().toList() })
        candidates.find { Path home ->
            Path release = home.resolve('release')
            if (!Files.isRegularFile(release) || !Files.isExecutable(home.resolve('bin').resolve('java'))) return false
            def m = Files.readString(release) =~ /(?m)^JAVA_VERSION="(\d+)/
            m.find() && (m.group(1) as int) >= 25
        }
    }
}
