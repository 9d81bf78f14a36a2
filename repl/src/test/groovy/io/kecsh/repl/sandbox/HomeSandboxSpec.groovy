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
 */
@Timeout(300)
class HomeSandboxSpec extends Specification {
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

    def "what one kecsh -e launches, the next kecsh -e, kecsh run and the shell see: one sandbox per home, kept in ~/.kecsh/sandbox"() {
        when:
        def launched = kecsh('-e', "instances { run type: 'S4.2B', count: 2 }.size()")
        def listed = kecsh('--debug', '-e', 'instances.list().size()')

        then:
        launched.code == 0
        launched.out.trim() == '2'
        listed.code == 0
        listed.out.trim() == '2'

        and: 'the banner says which sandbox and where its state lives'
        listed.err.contains('home sandbox at http://127.0.0.1:')
        listed.err.contains("state in ${dir.resolve('state.json')} (no credentials configured)")

        when: 'a script and the shell (on a pipe) in the same home'
        Path script = home.resolve('count.groovy')
        Files.writeString(script, 'println "instances: ${instances.list().size()}"\n')
        def run = kecsh('run', script.toString())
        def shell = finish(start([:], 'instances.list().size()\n', new String[0]))

        then:
        run.code == 0
        run.out.contains('instances: 2')
        shell.code == 0
        shell.out.contains('2')
        shell.out.contains('home sandbox at http://127.0.0.1:')

        and: 'one sandbox process served them all, and its files are private'
        sandboxProcesses().size() == 1
        sandboxProcesses()[0].pid() == endpoint().getProperty('pid') as long
        mode(home.resolve('.kecsh')) == 'rwx------'
        mode(dir) == 'rwx------'
        ['endpoint', 'state.json', 'sandbox.log', 'in-use.lock', 'start.lock'].every { mode(dir.resolve(it)) == 'rw-------' }
        Files.readString(dir.resolve('state.json')).contains('S4.2B')

        and: 'the keys are made for this sandbox, not the documented public ones'
        !endpoint().getProperty('kingsoft.secret').contains('sandbox-kingsoft-secret')
        !listed.err.contains(endpoint().getProperty('kingsoft.secret'))
    }

    def "--fresh is a throw-away sandbox in memory and --state FILE one of its own: neither sees nor changes the home's"() {
        given:
        assert kecsh('-e', "instances { run type: 'S4.2B' }.size()").code == 0
        Path own = home.resolve('own.json')

        when:
        def fresh = kecsh('--fresh', '--debug', '-e', "instances { run type: 'S4.2B', count: 3 }; instances.list().size()")
        def stated = kecsh('--state', own.toString(), '--debug', '-e', "instances { run type: 'S4.2B', count: 2 }; instances.list().size()")
        def again = kecsh('--state', own.toString(), '-e', 'instances.list().size()')
        def homes = kecsh('-e', 'instances.list().size()')

        then:
        fresh.code == 0
        fresh.out.trim() == '3'
        fresh.err.contains('embedded sandbox at http://127.0.0.1:')
        fresh.err.contains('(--fresh: in memory, forgotten at exit)')
        stated.out.trim() == '2'
        stated.err.contains("embedded sandbox at http://127.0.0.1:")
        stated.err.contains(", state in ${own} (--state)")
        again.out.trim() == '2'
        homes.out.trim() == '1'
    }

    def "kecsh sandbox reset empties the home sandbox: its process stops, its state file goes, the next command starts from nothing"() {
        given:
        assert kecsh('-e', "instances { run type: 'S4.2B', count: 2 }.size()").code == 0
        long pid = endpoint().getProperty('pid') as long

        when:
        def status = kecsh('sandbox', 'status')
        def reset = kecsh('sandbox', 'reset')

        then:
        status.out.contains("home sandbox running at http://127.0.0.1:")
        status.out.contains("(process ${pid}), state in ${dir.resolve('state.json')}")
        reset.code == 0
        reset.out.contains("emptied the home sandbox: removed ${dir.resolve('state.json')} and stopped its process (process ${pid})")
        !ProcessHandle.of(pid).map { it.alive }.orElse(false)
        !Files.exists(dir.resolve('state.json'))
        !Files.exists(dir.resolve('endpoint'))

        when:
        def listed = kecsh('-e', 'instances.list().size()')

        then:
        listed.code == 0
        listed.out.trim() == '0'
    }

    def "a reset is refused while a kecsh still uses the sandbox: its calls would fail"() {
        given: 'a script still running'
        Process busy = start([:], '', '-e', "instances.list().size(); Thread.sleep(60000)")
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (!Files.exists(dir.resolve('endpoint')) && System.nanoTime() < deadline) Thread.sleep(100)
        Thread.sleep(2000)

        when:
        def reset = kecsh('sandbox', 'reset')

        then:
        reset.code == 2
        reset.err.trim() == 'kecsh: the home sandbox is in use by another kecsh (a shell or a script still running); end it, then try again'

        cleanup:
        busy.destroyForcibly()
    }

    def "a damaged home state file is reported in one line, exit 2, and left as it is; --fresh still works"() {
        given:
        Files.createDirectories(dir)
        Files.writeString(dir.resolve('state.json'), '{"format": "kecsh-sandbox-state", "version": 1, "state": {')

        when:
        def refused = kecsh('-e', 'instances.list().size()')
        def fresh = kecsh('--fresh', '-e', 'instances.list().size()')

        then:
        refused.code == 2
        refused.err.readLines().size() == 1
        refused.err.startsWith("kecsh: the home sandbox in ${dir} cannot be started: the sandbox state file ${dir.resolve('state.json')} is damaged: ")
        refused.err.contains('--fresh uses a throw-away sandbox instead')
        Files.readString(dir.resolve('state.json')) == '{"format": "kecsh-sandbox-state", "version": 1, "state": {'
        sandboxProcesses().isEmpty()
        fresh.code == 0
        fresh.out.trim() == '0'
    }

    def "two kecsh started at once end with one sandbox, and both their launches are in it"() {
        when:
        def both = (1..2).collect { start([:], '', '-e', "instances { run type: 'S4.2B' }.size()") }.collect { finish(it) }

        then:
        both*.code == [0, 0]
        sandboxProcesses().size() == 1
        kecsh('-e', 'instances.list().size()').out.trim() == '2'
    }

    def "an endpoint file whose process is gone is replaced by a new sandbox that keeps the state"() {
        given: 'a sandbox killed without a chance to clean up: its endpoint file stays'
        assert kecsh('-e', "instances { run type: 'S4.2B' }.size()").code == 0
        long dead = endpoint().getProperty('pid') as long
        ProcessHandle.of(dead).get().destroyForcibly()
        ProcessHandle.of(dead).get().onExit().get(20, TimeUnit.SECONDS)
        assert Files.exists(dir.resolve('endpoint'))

        when:
        def listed = kecsh('-e', 'instances.list().size()')

        then:
        listed.code == 0
        listed.out.trim() == '1'
        (endpoint().getProperty('pid') as long) != dead
        sandboxProcesses().size() == 1
    }

    /** An overlay adding a stop mode the built-in model does not know (as ModelOverlaySpec's). */
    static final String OVERLAY = '''
        {"enums": {"StoppedMode": {"values": [{"value": "OverlayHibernate", "doc": "a stop mode added by an overlay"}]}}}
        '''

    def "an overlay added while the home sandbox runs: the next kecsh restarts it with the new model, and the cloud stays"() {
        given: 'a sandbox started without overlays, with one instance in it'
        assert kecsh('-e', "instances { run type: 'S4.2B', name: 'kept' }.size()").code == 0
        long before = endpoint().getProperty('pid') as long

        when: 'the user adds an overlay, then uses its value'
        Path file = home.resolve('.kecsh/models/kec/2016-03-04/service.json')
        Files.createDirectories(file.parent)
        Files.writeString(file, OVERLAY)
        def stopped = kecsh('-e', "instances { where name: 'kept'; stop mode: 'OverlayHibernate' }.size()")

        then: 'the sandbox that took the call knew the value, and it kept the instance'
        stopped.code == 0
        stopped.out.trim() == '1'
        (endpoint().getProperty('pid') as long) != before
        sandboxProcesses().size() == 1

        when: 'the overlay unchanged: the same sandbox serves the next kecsh'
        long after = endpoint().getProperty('pid') as long
        def listed = kecsh('-e', 'instances.list().size()')

        then:
        listed.out.trim() == '1'
        (endpoint().getProperty('pid') as long) == after
    }

    def "an overlay changed while another kecsh uses the home sandbox: it is not stopped under that kecsh, and the banner says why"() {
        given: 'a script still running on the sandbox'
        Process busy = start([:], '', '-e', "instances.list().size(); Thread.sleep(60000)")
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60)
        while (!Files.exists(dir.resolve('endpoint')) && System.nanoTime() < deadline) Thread.sleep(100)
        Thread.sleep(2000)
        long serving = endpoint().getProperty('pid') as long

        when:
        Path file = home.resolve('.kecsh/models/kec/2016-03-04/service.json')
        Files.createDirectories(file.parent)
        Files.writeString(file, OVERLAY)
        def listed = kecsh('--debug', '-e', 'instances.list().size()')

        then:
        listed.code == 0
        (endpoint().getProperty('pid') as long) == serving
        listed.err.contains('it still serves the model overlays it started with, as another kecsh uses it')

        cleanup:
        busy.destroyForcibly()
    }

    def "the sandbox process stops itself when no kecsh has used it for KECSH_SANDBOX_IDLE seconds, and the state stays"() {
        given:
        assert kecsh([KECSH_SANDBOX_IDLE: '2'], '-e', "instances { run type: 'S4.2B' }.size()").code == 0
        long pid = endpoint().getProperty('pid') as long

        when:
        ProcessHandle.of(pid).ifPresent { it.onExit().get(30, TimeUnit.SECONDS) }

        then:
        !Files.exists(dir.resolve('endpoint'))
        Files.readString(dir.resolve('state.json')).contains('S4.2B')
        kecsh('-e', 'instances.list().size()').out.trim() == '1'
    }
}
