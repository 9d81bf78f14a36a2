package io.kecsh.dsl.jsr223

import io.kecsh.dsl.Kecsh
import io.kecsh.dsl.ScriptRunner
import io.kecsh.dsl.error.KecshScriptException
import javax.script.AbstractScriptEngine
import javax.script.Bindings
import javax.script.ScriptContext
import javax.script.ScriptEngine
import javax.script.ScriptEngineFactory
import javax.script.ScriptException
import javax.script.SimpleBindings

/**
 * Runs kecsh scripts through {@link Kecsh}: the context's global then engine bindings become
 * script variables, {@code println} writes to the context's writer, and a failure is a
 * {@link ScriptException} with the script's file and line. Without {@link #setKecsh}, the engine
 * builds a default Kecsh on first use (credentials from the environment and ~/.kecsh, else an
 * embedded sandbox) and closes it in {@link #close}.
 */
class KecshScriptEngine extends AbstractScriptEngine implements AutoCloseable {
    private final ScriptEngineFactory factory
    private Kecsh kecsh
    private boolean owned

    KecshScriptEngine(ScriptEngineFactory factory) {
        this.factory = factory
    }

    /** Evaluate through this Kecsh (the caller keeps and closes it). */
    synchronized void setKecsh(Kecsh kecsh) {
        if (owned) this.kecsh?.close()
        this.kecsh = kecsh
        this.owned = false
    }

    synchronized Kecsh getKecsh() {
        if (kecsh == null) {
            kecsh = Kecsh.builder().build()
            owned = true
        }
        kecsh
    }

    @Override
    Object eval(String script, ScriptContext context) throws ScriptException {
        Map<String, Object> variables = [:]
        [ScriptContext.GLOBAL_SCOPE, ScriptContext.ENGINE_SCOPE].each { int scope ->
            Bindings b = context.getBindings(scope)
            if (b != null) variables.putAll(b)
        }
        variables.out = new PrintWriter(context.writer, true)
        String fileName = (context.getAttribute(ScriptEngine.FILENAME) ?: 'script.groovy') as String
        try {
            new ScriptRunner(getKecsh().newSession()).run(script, fileName, variables)
        } catch (KecshScriptException e) {
            ScriptException se = new ScriptException(e.message, e.file, e.line, e.column > 0 ? e.column : -1)
            se.initCause(e)
            throw se
        }
    }

    @Override
    Object eval(Reader reader, ScriptContext context) throws ScriptException {
        eval(reader.text, context)
    }

    @Override
    Bindings createBindings() {
        new SimpleBindings()
    }

    @Override
    ScriptEngineFactory getFactory() {
        factory
    }

    @Override
    synchronized void close() {
        if (owned) kecsh?.close()
        kecsh = null
        owned = false
    }
}
