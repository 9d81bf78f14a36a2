package io.kecsh.repl.sandbox

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Timeout

/**
 * The home sandbox's life: reset (and refused while in use), restarts for changed model overlays
 * (and none under another kecsh), and its stop when idle (see {@link HomeSandboxSpecification}).
 */
@Timeout(300)
class HomeSandboxLifecycleSpec extends HomeSandboxSpecification {
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
        Process busy = startBusy()

        when:
        def reset = kecsh('sandbox', 'reset')

        then:
        reset.code == 2
        reset.err.trim() == 'kecsh: the home sandbox is in use by another kecsh (a shell or a script still running); end it, then try again'

        cleanup:
        busy.destroyForcibly()
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
        Process busy = startBusy()
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
