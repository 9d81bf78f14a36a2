package io.kecsh.repl.shell

import io.kecsh.dsl.Kecsh
import io.kecsh.dsl.ide.DslClasses
import io.kecsh.runtime.overlay.InstalledModel
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.charset.StandardCharsets
import java.nio.file.Path
import java.time.Clock
import java.time.Duration
import java.time.Instant
import java.time.ZoneId
import java.time.ZoneOffset
import java.util.concurrent.TimeUnit
import org.jline.reader.Candidate
import org.jline.reader.CompletingParsedLine
import org.jline.reader.Parser
import org.jline.terminal.Size
import org.jline.terminal.Terminal
import org.jline.terminal.impl.DumbTerminal
import spock.lang.Specification
import spock.lang.TempDir

/**
 * Completion decided by where the cursor is in the parse of the buffer (issue 15, item 5): each
 * position a user TABs in, against an embedded test sandbox, through the shell's own completer.
 */
class CompletionSpec extends Specification {
    static final List<String> INSTANCE_STATES = ["active'", "stopped'", "recycling'", "deleted'"]

    @TempDir
    Path home
    PipedOutputStream keys = new PipedOutputStream()
    ByteArrayOutputStream screen = new ByteArrayOutputStream()
    Terminal terminal
    Kecsh kecsh
    KecshShell shell
    /** A clock the test moves, for the live ids' lifetime. */
    MutableClock clock = new MutableClock()

    def setup() {
        terminal = new DumbTerminal('test', Terminal.TYPE_DUMB, new PipedInputStream(keys, 1 << 16), screen, StandardCharsets.UTF_8)
        terminal.setSize(new Size(120, 40))
        kecsh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).build()
        shell = new KecshShell(kecsh, ShellOptions.builder().historyFile(home.resolve('.kecsh/history')).clock(clock)
            .liveIdLifetime(Duration.ofMinutes(5)).build(), terminal)
        shell.session()
    }

    def cleanup() {
        kecsh?.close()
        terminal?.close()
    }

    private List<Candidate> complete(String buffer) {
        shell.completer().candidates(buffer, buffer.length())
    }

    /** The ids of one kind once their listing has landed (the first TAB may start it). */
    private List<Candidate> settled(String buffer) {
        complete(buffer)
        shell.liveIds().settled().get(10, TimeUnit.SECONDS)
        complete(buffer)
    }

    private String launch(String name) {
        shell.evaluate("instances { run type: 'S4.2B', name: '${name}' }", 'test')
        kecsh.sandbox.state().region('cn-beijing-6').instances.values().find { it.name == name }.id
    }

    def "after a block's result, .waitUntil ' offers the states of what the block returns, not script words: #buffer"() {
        expect:
        complete(buffer)*.value() == INSTANCE_STATES

        where:
        buffer << ["instances { run type: 'S4.2B', count: 2 }.waitUntil '",
                   "instances.where(state: 'active').waitUntil '",
                   "instances { waitUntil '"]
    }

    def "web.waitUntil ' offers the states of the resource the session's variable holds"() {
        given:
        shell.evaluate("def web = instances { run type: 'S4.2B' }", 'test')
        shell.evaluate("def snap = 1", 'test')

        expect:
        complete("web.waitUntil '")*.value() == INSTANCE_STATES
        complete("unknown.waitUntil '")*.value().containsAll(["available'", "connected'"])   // unknown: every resource's
    }

    def "inside a string after #buffer the live ids are offered, never a DSL word"() {
        given:
        String id = launch('web-1')
        shell.evaluate("keys { create 'laptop' }", 'test')
        String key = kecsh.sandbox.state().keys.values().find { it.KeyName == 'laptop' }.KeyId
        Map<String, String> ids = [instance: id, key: key]

        when:
        List<Candidate> found = settled(buffer)

        then:
        found*.value() == ["${ids[kind]}'"]
        found*.descr() == [kind == 'instance' ? 'web-1' : 'laptop']
        found.every { it.group() == 'id' }

        where:
        buffer                           || kind
        "instances { terminate '"        || 'instance'
        "instances { stop '"             || 'instance'
        "keys { attach '"                || 'key'
        "instances { where ids: ['"      || 'instance'
        "instances { where ids: ['x', '" || 'instance'
        "instances.where(ids: ['"        || 'instance'
    }

    def "a string that is no argument completion knows offers nothing: #buffer"() {
        expect:
        complete(buffer).isEmpty()

        where:
        buffer << ["println '", "instances { name = '", "x = ['"]
    }

    def "live ids match by id prefix or by name, and the name's match inserts the id"() {
        given:
        String web = launch('web-1')
        String db = launch('db-1')
        settled("instances { terminate '")

        expect:
        complete("instances { terminate 'db")*.value() == ["${db}'"]
        complete("instances { terminate '${web.take(6)}")*.value().contains("${web}'".toString())

        when: 'JLine\'s matching keeps the id the name found (it does not start with what is typed)'
        String buffer = "instances { terminate 'db"
        ShellMatcher matcher = new ShellMatcher()
        matcher.compile([:], false, (CompletingParsedLine) new ShellParser().parse(buffer, buffer.length(),
            Parser.ParseContext.COMPLETE), false, 0, null)

        then:
        matcher.matches(complete(buffer))*.value() == ["${db}'".toString()]
    }

    def "an instance this shell launches is in the next TAB at once, not after the cache expires"() {
        given:
        launch('web-1')
        settled("instances { terminate '")

        when:
        String db = launch('db-1')

        then: 'well within the ids\' 5-minute lifetime, the first TAB after the line has it'
        complete("instances { terminate '")*.descr().contains('db-1')
        complete("instances { terminate '")*.value().contains("${db}'".toString())
    }

    def "after the cache expires the first TAB still answers (with what was known), never empty"() {
        given:
        launch('web-1')
        settled("instances { terminate '")

        when:
        clock.advance(Duration.ofMinutes(6))

        then:
        complete("instances { terminate '")*.descr() == ['web-1']
    }

    def "after a region switch the first TAB for ids lists them or says they are being read, never an empty list; the next TAB lists them"() {
        given: 'a shell whose first TAB does not wait for a read (a cloud slower than the wait), used in cn-beijing-6'
        KecshShell slow = new KecshShell(kecsh, ShellOptions.builder().historyFile(null).clock(clock)
            .liveIdLifetime(Duration.ofMinutes(5)).liveIdFirstWait(Duration.ZERO).build(), terminal)
        slow.session()
        slow.evaluate("instances { run type: 'S4.2B', name: 'bj-1' }", 'test')
        slow.completer().candidates("instances { terminate '", 23)
        slow.liveIds().settled().get(10, TimeUnit.SECONDS)
        kecsh.eval("region 'cn-shanghai-2'; instances { run type: 'S4.2B', name: 'sh-1' }")
        String shanghai = kecsh.sandbox.state().region('cn-shanghai-2').instances.values().find { it.name == 'sh-1' }.id

        when: 'the region switches, and TAB at once'
        slow.evaluate("region 'cn-shanghai-2'", 'test')
        ShellCompleter.Completion first = slow.completer().completion("instances { terminate '", 23)

        then: 'the ids, or a line saying they are being read there; never the old region\'s'
        !first.candidates().isEmpty() || first.notice() =~ /reading the InstanceIds of cn-shanghai-2 .* TAB again lists them/
        first.candidates().every { it.descr() == 'sh-1' }

        when:
        slow.liveIds().settled().get(10, TimeUnit.SECONDS)
        ShellCompleter.Completion next = slow.completer().completion("instances { terminate '", 23)

        then:
        next.candidates()*.value() == ["${shanghai}'".toString()]
        next.notice() == null
    }

    def "where type: ' offers instance types, with vCPU and memory"() {
        when:
        Candidate s42b = complete("instances { where type: 'S4.2").find { it.displ() == 'S4.2B' }

        then:
        s42b.value() == "S4.2B'"
        s42b.descr() == '2 vCPU, 4 GiB'
    }

    def "zones are the current region's, without (); regions and states too"() {
        expect:
        complete("instances { run zone: '")*.value() == ["cn-beijing-6a'", "cn-beijing-6b'", "cn-beijing-6c'"]
        complete("instances { where zone: '")*.value() == ["cn-beijing-6a'", "cn-beijing-6b'", "cn-beijing-6c'"]

        when:
        shell.session().session.region('cn-shanghai-2')

        then:
        complete("instances { run zone: '")*.value() == ["cn-shanghai-2a'", "cn-shanghai-2b'"]
        [":region ", "instances { waitUntil '", "instances { run zone: '", "instances { where state: '"].every { b ->
            complete(b).every { !it.value().contains('(') && !it.displ().contains('(') }
        }
    }

    def "run offers each parameter once, the words a person types; API names only after a capital"() {
        when:
        List<Candidate> words = complete('instances { run ')
        Map<String, List<String>> byTarget = words.groupBy { it.descr()?.takeWhile { c -> c != ':' } }
            .findAll { k, v -> k != null && !k.startsWith('handled by') }.collectEntries { k, v -> [k, v*.value()] }

        then:
        words*.value().take(5) == ['count: ', 'min: ', 'zone: ', 'tags: ', 'type: ']   // the verb's own words, then the action's
        byTarget.every { k, v -> v.size() == 1 }
        words.every { Character.isLowerCase(it.value().charAt(0)) }
        words*.value().containsAll(['type: ', 'image: ', 'name: ', 'subnet: '])
        !words*.value().contains('InstanceType: ')

        when:
        List<Candidate> api = complete('instances { run I')

        then:
        api*.value().containsAll(['InstanceType: ', 'ImageId: '])
        api.every { Character.isUpperCase(it.value().charAt(0)) }
    }

    def "descriptions are short enough to stand in a column beside the candidates"() {
        expect:
        ['instances { run ', 'kec.RunInstances(', 'instances { where state: ', 'kec.'].every { b ->
            complete(b).every { it.descr() == null || it.descr().length() <= ShellCompleter.DESCRIPTION_WIDTH }
        }
    }

    def "the internal word 'words' is offered nowhere"() {
        given:
        DslVocabulary vocabulary = new DslVocabulary(InstalledModel.get())

        expect:
        DslClasses.reachable().every { c -> !vocabulary.wordsIn(c).contains('words') }
        ['', 'instances { ', 'kms { ', 'images { ', 'instances.', 'keys { '].every { b -> !complete(b)*.value().contains('words') }
    }

    static final class MutableClock extends Clock {
        Instant now = Instant.parse('2026-12-03T08:00:00Z')

        void advance(Duration d) {
            now = now.plus(d)
        }

        @Override
        ZoneId getZone() {
            ZoneOffset.UTC
        }

        @Override
        Clock withZone(ZoneId zone) {
            this
        }

        @Override
        Instant instant() {
            now
        }
    }
}
