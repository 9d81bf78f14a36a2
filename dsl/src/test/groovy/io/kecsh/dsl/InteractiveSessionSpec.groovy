package io.kecsh.dsl

import io.kecsh.dsl.engine.plan.Plan
import io.kecsh.dsl.engine.safety.Confirmer
import io.kecsh.dsl.error.KecshScriptException
import java.nio.file.Files

class InteractiveSessionSpec extends KecshSandboxSpecification {

    def "a variable set on one line is there on the next"() {
        given:
        InteractiveSession shell = kecsh.interactive(null, null)

        when:
        shell.eval("web = instances { run type: 'S4.2B', name: 'web' }", 'line1')

        then:
        shell.eval('web[0].name', 'line2') == 'web'
        shell.variables.keySet() == ['web'] as Set
    }

    def "a variable declared with def or a type on one line is there on the next, as groovysh keeps it"() {
        given:
        InteractiveSession shell = kecsh.interactive(null, null)

        when:
        shell.eval("def web = instances { run type: 'S4.2B', name: 'web' }", 'line1')
        shell.eval('def a = 5', 'line2')
        shell.eval("String s = 'x'; int n = '7'.toInteger(); def none", 'line3')

        then:
        shell.eval("web.waitUntil 'active'", 'line4')[0].state == 'active'
        shell.eval('a + 1', 'line5') == 6
        shell.eval('s', 'line6') == 'x' && shell.eval('n', 'line7') == 7
        shell.variables.keySet() == ['web', 'a', 's', 'n', 'none'] as Set

        when: 'a typed declaration keeps its conversion'
        shell.eval("Integer i = 'not a number'", 'line8')

        then:
        thrown(KecshScriptException)
    }

    def "declarations inside blocks and closures stay local to them"() {
        given:
        InteractiveSession shell = kecsh.interactive(null, null)

        when:
        shell.eval('[1].each { def inner = it }; if (true) { def branch = 2 }', 'line1')

        then:
        shell.variables.isEmpty()
    }

    def "in plan mode a line's value is its plan and nothing is created"() {
        given:
        InteractiveSession shell = kecsh.interactive(null, null)
        shell.plan = true

        when:
        def value = shell.eval("instances { run type: 'S4.2B' }", 'line1')

        then:
        value instanceof Plan
        ((Plan) value).calls('RunInstances').size() == 1
        kecsh.eval('instances.list().size()') == 0
    }

    def "the shell's confirmer is asked before a destructive call"() {
        given:
        List<String> asked = []
        InteractiveSession shell = kecsh.interactive({ String verb, targets -> asked << verb; false } as Confirmer, null)
        shell.eval("web = instances { run type: 'S4.2B' }", 'line1')

        when:
        shell.eval('instances { where id: web[0].id; terminate() }', 'line2')

        then:
        thrown(KecshScriptException)
        asked == ['kec.TerminateInstances']
    }

    def "rebuild keeps the options and changes the profile"() {
        given:
        Files.createDirectories(home.resolve('.kecsh'))
        Files.writeString(home.resolve('.kecsh/config'), '[profile staging]\nregion = cn-shanghai-2\n')

        when:
        Kecsh other = kecsh.rebuild('staging', null)

        then:
        other.profile == 'staging'
        other.usesSandbox()

        cleanup:
        other?.close()
    }
}
