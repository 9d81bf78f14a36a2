package io.kecsh.repl.e2e

import static io.kecsh.repl.e2e.TheBuild.JAR

import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import java.util.zip.ZipFile
import spock.lang.AutoCleanup
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The real artifact as a user runs it: {@code java -jar repl/target/kecsh.jar run FILE}, a separate
 * JVM with only the environment given here, against a sandbox over real HTTP. Bound to
 * integration-test (maven-failsafe), after the shade plugin has built the jar in package.
 */
class KecshJarIT extends Specification {
    @Shared
    @AutoCleanup
    Sandbox sandbox = Sandbox.start(SandboxOptions.interactive()) // real time: the other JVM signs with its own clock

    @TempDir
    Path home


    Map<String, Object> kecsh(String... args) {
        kecshWithInput('', args)
    }

    /** The jar with {@code input} on its standard input, a pipe (never a terminal), then closed. */
    Map<String, Object> kecshWithInput(String input, String... args) {
        kecshIn([KSYUN_ACCESS_KEY: sandbox.credentials().kingsoft().accessKeyId(),
                 KSYUN_SECRET_KEY: sandbox.credentials().kingsoft().secret()], input, args)
    }

    /** The jar with only HOME and {@code env} in its environment, {@code input} on a pipe. */
    Map<String, Object> kecshIn(Map<String, String> env, String input, String... args) {
        assert Files.isRegularFile(JAR): "${JAR.toAbsolutePath()} is built in package; run mvn verify"
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        ProcessBuilder pb = new ProcessBuilder([java, '-jar', JAR.toString()] + (args as List))
        pb.environment().clear()
        pb.environment().put('HOME', home.toString())
        pb.environment().putAll(env)
        pb.redirectError(home.resolve('stderr.txt').toFile())
        Process p = pb.start()
        p.outputStream.withCloseable { it.write(input.getBytes(StandardCharsets.UTF_8)) }
        String out = new String(p.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        assert p.waitFor(120, TimeUnit.SECONDS)
        [code: p.exitValue(), out: out, err: Files.readString(home.resolve('stderr.txt'))]
    }

    def "the shaded jar runs a script with its arguments against the cloud at --endpoint, and exits 4 on a service error"() {
        given:
        Path ok = home.resolve('regions.groovy')
        Files.writeString(ok, "println \"${'$'}{args[0]}: ${'$'}{regions()*.id.contains('cn-beijing-6')}\"\n[region: 'cn-beijing-6']")
        Path failing = home.resolve('stop.groovy')
        Files.writeString(failing, "kec.StopInstances(InstanceId: ['5f2ae6a4-0000-4000-8000-000000000000'])")

        when:
        def run = kecsh('--endpoint', sandbox.endpoint().toString(), '--output', 'json', 'run', ok.toString(), 'listed')

        then:
        run.code == 0
        run.err.contains('listed: true\n')                 // the script's println: stderr under --output json
        run.out.trim().startsWith('{')                       // stdout is the result alone
        run.out.contains('"region" : "cn-beijing-6"')

        when:
        def failed = kecsh('--endpoint', sandbox.endpoint().toString(), 'run', failing.toString())

        then:
        failed.code == 4
        failed.out == ''
        failed.err.readLines().size() == 1
        failed.err.startsWith('kecsh: stop.groovy:1: ')
        failed.err.contains('InvalidParameterValue')
    }

    def "the shell on a pipe calls the cloud and prints no warning from a library: no SLF4J lines, no JLine terminal warning"() {
        when: 'stdin is a pipe (no terminal), and the line makes an HTTP call through HttpClient, which logs via SLF4J'
        def shell = kecshWithInput("regions()*.id.contains('cn-beijing-6')\n", '--endpoint', sandbox.endpoint().toString())

        then:
        shell.code == 0
        shell.out.contains('true')
        !shell.err.contains('SLF4J')
        !shell.err.contains('WARNING')
        !shell.err.contains('dumb terminal')
    }

    def "the built jar says its version, not dev, and carries every dependency's licence"() {
        when:
        def version = kecsh('--version')

        then:
        version.code == 0
        version.out.startsWith("kecsh ${System.getProperty('kecsh.version')} ")
        !version.out.contains('dev')

        and: 'the licences several libraries ship under one name are appended, not the first one kept'
        new ZipFile(JAR.toFile()).withCloseable { zip ->
            String licences = new String(zip.getInputStream(zip.getEntry('META-INF/LICENSE')).readAllBytes(), StandardCharsets.UTF_8)
            licences.count('Apache License') >= 2
        }
    }

    def "with no credentials and KSYUN_REGION the shell runs in that region, and its banner lines agree"() {
        when: 'no keys, only a region in the environment: the embedded sandbox answers'
        def shell = kecshIn([KSYUN_REGION: 'cn-shanghai-2'], ":region\ninstances { run type: 'S4.2B' }.size()\n")

        then:
        shell.code == 0
        shell.out.contains('home sandbox at http://127.0.0.1:')
        shell.out.contains('(no credentials configured); region cn-shanghai-2;')
        shell.out.contains('Kingsoft Cloud: cn-shanghai-2, no credentials')
        shell.out.contains('region cn-shanghai-2\n')
        !shell.out.contains('cn-beijing-6')
    }
}
