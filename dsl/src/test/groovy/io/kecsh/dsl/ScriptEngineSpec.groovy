package io.kecsh.dsl

import io.kecsh.dsl.jsr223.KecshScriptEngine
import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.file.Path
import javax.script.ScriptContext
import javax.script.ScriptEngine
import javax.script.ScriptEngineManager
import javax.script.ScriptException
import spock.lang.Specification
import spock.lang.TempDir

/** JSR-223: the engine is found by name and extension, reads bindings and writes to the context's writer. */
class ScriptEngineSpec extends Specification {
    @TempDir
    Path home
    Kecsh kecsh

    def setup() {
        kecsh = Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests()).progress {}.build()
    }

    def cleanup() {
        kecsh.close()
    }

    def "the engine is found by #how"() {
        expect:
        def engine = lookup(new ScriptEngineManager())
        engine instanceof KecshScriptEngine
        engine.factory.names == ['kecsh']
        engine.factory.extensions == ['kecsh', 'groovy']

        where:
        how               | lookup
        'name'            | { ScriptEngineManager m -> m.getEngineByName('kecsh') }
        'extension kecsh' | { ScriptEngineManager m -> m.getEngineByExtension('kecsh') }
    }

    def "a script evaluates through Kecsh with the context's bindings, global and engine scope"() {
        given:
        def manager = new ScriptEngineManager()
        manager.put('prefix', 'web')
        KecshScriptEngine engine = manager.getEngineByName('kecsh')
        engine.kecsh = kecsh
        engine.put('count', 2)
        def out = new StringWriter()
        engine.context.writer = out

        when:
        def created = engine.eval('''
            def group = instances { run type: 'S4.2B', count: count, name: prefix, suffix: 1 }
            println "launched ${group.size()}"
            group
        ''')

        then:
        created*.name == ['web-1', 'web-2']
        out.toString().trim() == 'launched 2'
        engine.context.getBindings(ScriptContext.ENGINE_SCOPE).count == 2
    }

    def "a failure is a ScriptException with the file and line"() {
        given:
        KecshScriptEngine engine = new ScriptEngineManager().getEngineByName('kecsh')
        engine.kecsh = kecsh
        engine.put(ScriptEngine.FILENAME, 'deploy.kecsh')

        when:
        engine.eval("region 'cn-beijing-6'\ninstances { run type: 'S4.2X' }")

        then:
        ScriptException e = thrown()
        e.fileName == 'deploy.kecsh'
        e.lineNumber == 2
        e.message.contains('did you mean S4.2A, S4.2B, S4.2C or S4.2D?')
    }
}
