package io.kecsh.repl.sandbox

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import spock.lang.Timeout

/**
 * One sandbox per home: what one kecsh makes the next sees, throw-away and own-state sandboxes beside
 * it, a damaged state file, two kecsh at once, a killed sandbox replaced (see {@link HomeSandboxSpecification}).
 */
@Timeout(300)
class HomeSandboxSpec extends HomeSandboxSpecification {
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
}
