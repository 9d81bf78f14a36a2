package io.kecsh.scripts

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import javax.tools.JavaCompiler
import javax.tools.ToolProvider
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * scripts/embedding's two programs, compiled here with javax.tools against the test's own class
 * path (what an application depending on kecsh-dsl has) and run as their own processes, with
 * credentials from the environment and the endpoint from ~/.kecsh/config, against a fresh sandbox.
 */
class EmbeddingSpec extends Specification {
    static final Path EMBEDDING = Path.of('embedding')

    @Shared
    @TempDir
    Path classes
    @TempDir
    Path home
    CloudUnderTest cloud

    def setupSpec() {
        JavaCompiler javac = ToolProvider.systemJavaCompiler
        List<String> sources = ['EmbedKecsh.java', 'Jsr223Example.java'].collect { EMBEDDING.resolve(it).toString() }
        ByteArrayOutputStream errors = new ByteArrayOutputStream()
        int status = javac.run(null, errors, errors, *(['--release', '17', '-Xlint:all,-path,-options', '-Werror', '-proc:none',
                                                        '-cp', KecshCommand.classpath(), '-d', classes.toString()] + sources))
        assert status == 0: errors.toString()
    }

    def setup() {
        cloud = new CloudUnderTest(home)
        // The profile points every service at the sandbox; the keys come from the environment.
        Files.writeString(home.resolve('.kecsh/config'), "endpoint = ${cloud.sandbox.endpoint()}\n", StandardOpenOption.APPEND)
    }

    def cleanup() {
        cloud?.close()
    }

    private KecshCommand.Result main(String className, List<String> args = []) {
        // Java takes user.home from the system, not from HOME: the program's home is set like any other JVM's.
        KecshCommand.Result r = KecshCommand.exec([KecshCommand.java(), '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto',
                                                   "-Duser.home=${home}".toString(),
                                                   '-cp', "${classes}${File.pathSeparator}${KecshCommand.classpath()}".toString(), className] + args,
                                                  cloud.env())
        assert r.exitCode == 0: r.toString()
        r
    }

    def "EmbedKecsh launches through Kecsh.eval with bindings, reads the results back, and catches a mistake as one line"() {
        when:
        def r = main('EmbedKecsh', [CloudUnderTest.REGION, '2'])
        def made = cloud.instances().findAll { it.InstanceName ==~ /embedded-\d/ }

        then: 'the sandbox has them, and the program printed what Kecsh returned'
        made*.InstanceName.sort() == ['embedded-1', 'embedded-2']
        made.each { assert r.stdout.contains("launched ${it.InstanceName} ${it.InstanceId} active") }
        r.stdout.contains('running: [embedded-1, embedded-2]')
        r.stdout.readLines().find { it.startsWith('rejected: ') } ==~ /rejected: script\.groovy:1:\d+: run type: 'S4\.2X' is not a valid InstanceType \(did you mean S4\.2A, .*/
        r.stdout.readLines().size() == 4
    }

    def "Jsr223Example finds the engine by name, passes a variable, prints through the engine's writer and reports the line of a mistake"() {
        given:
        cloud.launch('embedded', 2, 'S4.2B', [InstanceNameSuffix: 1])
        cloud.launch('other')

        when:
        def r = main('Jsr223Example', ['^embedded-'])

        then:
        r.stdout.readLines().take(3) == ['matching: 2', 'instance: embedded-1', 'instance: embedded-2']
        r.stdout.readLines()[3] ==~ /rejected at line 2: script\.groovy:2:\d+: run type: 'S4\.2X' is not a valid InstanceType .*/
    }
}
