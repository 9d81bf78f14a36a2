package io.kecsh.dsl

import io.kecsh.dsl.check.LiteralChecks
import io.kecsh.dsl.check.RegionChecks
import io.kecsh.dsl.check.ScriptErrors
import io.kecsh.dsl.check.VisibleRefusals
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.error.KecshScriptException
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.validate.RegionNames
import java.util.function.Function
import java.util.function.Supplier
import org.codehaus.groovy.control.CompilerConfiguration
import org.codehaus.groovy.control.MultipleCompilationErrorsException
import org.codehaus.groovy.control.customizers.CompilationCustomizer
import org.codehaus.groovy.control.customizers.ImportCustomizer
import org.codehaus.groovy.control.messages.SyntaxErrorMessage
import org.codehaus.groovy.syntax.SyntaxException

/**
 * Compiles and runs kecsh scripts: {@link CloudScript} as the base class, the DSL's imports, and
 * every failure turned into a {@link KecshScriptException} that names the script line.
 */
class ScriptRunner {
    private final KecshSession session
    private final List<CompilationCustomizer> customizers

    /**
     * With the compile-time checks of literals ({@link LiteralChecks}) against the session's model and
     * live catalogue, and of the regions the script names ({@link RegionChecks}).
     */
    ScriptRunner(KecshSession session) {
        this(session, defaultCustomizers(session))
    }

    /** The compile-time checks of literals and regions against the session's model and live catalogue. */
    static List<CompilationCustomizer> defaultCustomizers(KecshSession session) {
        [new LiteralChecks(session.ops.model, currentCatalogue(session)), regionChecks(session)] as List<CompilationCustomizer>
    }

    private static RegionChecks regionChecks(KecshSession session) {
        new RegionChecks({ String region -> session.ops.judgeRegion(region) } as Function,
            { -> RegionNames.known(session.ops.model, currentCatalogue(session)) } as Supplier)
    }

    /** The catalogue of the session's region at the moment of asking (a script or the shell may switch regions). */
    private static LiveCatalogue currentCatalogue(KecshSession session) {
        { String service, String enumName ->
            (session.ops.catalogue ?: LiveCatalogue.NONE).values(service, enumName)
        } as LiveCatalogue
    }

    /** Exactly these customizers (pass {@link LiteralChecks} to keep the checks). */
    ScriptRunner(KecshSession session, List<CompilationCustomizer> customizers) {
        this.session = session
        this.customizers = customizers
    }

    CompilerConfiguration configuration() {
        CompilerConfiguration config = new CompilerConfiguration()
        config.scriptBaseClass = CloudScript.name
        ImportCustomizer imports = new ImportCustomizer()
        imports.addImports('java.time.Duration')
        // the failures a script can catch by name (README: "What kecsh guarantees on faults")
        imports.addStarImports('io.kecsh.dsl.error')
        imports.addImports('io.kecsh.runtime.error.ServiceException',
            'io.kecsh.runtime.error.TransportException', 'io.kecsh.runtime.waiter.WaiterException',
            'io.kecsh.runtime.validate.ValidationException')
        imports.addStarImports('io.kecsh.dsl.result')
        config.addCompilationCustomizers(imports)
        customizers.each { config.addCompilationCustomizers(it) }
        config
    }

    /** Runs a script's text; {@code fileName} is what errors name. */
    Object run(String source, String fileName, Map<String, ?> bindings = [:]) {
        Binding binding = new Binding(new LinkedHashMap(bindings))
        binding.setVariable('kecshSession', session)
        run(source, fileName, binding)
    }

    /** Runs in a binding the caller keeps (the shell: variables persist from line to line). */
    Object run(String source, String fileName, Binding binding) {
        GroovyShell shell = new GroovyShell(ScriptRunner.classLoader, binding, configuration())
        Script script
        try {
            script = shell.parse(source, fileName)
        } catch (MultipleCompilationErrorsException e) {
            throw compileError(fileName, e)
        }
        refuseVisibleDestructive(fileName)
        try {
            session.enter { script.run() }
        } catch (KecshScriptException e) {
            throw e
        } catch (Throwable e) {
            throw located(fileName, e)
        }
    }

    /**
     * A script whose text shows a destructive call the guard would refuse (refuseDestructive, or a
     * protect rule covering all it chooses) is refused before its first call, not when it reaches
     * it: a script that launches and then terminates launches nothing ({@link VisibleRefusals}).
     */
    private void refuseVisibleDestructive(String fileName) {
        List<LiteralChecks> checks = customizers.findAll { it instanceof LiteralChecks } as List<LiteralChecks>
        VisibleRefusals.check(fileName, checks.collectMany { it.destructiveIn(fileName) }, checks.collectMany { it.protectionsIn(fileName) }, session.safety)
    }

    /**
     * Compiles without running: the compile-time checks and syntax only (for a {@code --check} and
     * editors). Throws the same {@link KecshScriptException} a run would.
     */
    void check(String source, String fileName) {
        try {
            new GroovyShell(ScriptRunner.classLoader, new Binding(), configuration()).parse(source, fileName)
        } catch (MultipleCompilationErrorsException e) {
            throw compileError(fileName, e)
        }
    }

    /** Every compile error, one line each ({@code file:line:col: message}), in script order. */
    private static KecshScriptException compileError(String fileName, MultipleCompilationErrorsException e) {
        List<KecshScriptException.Located> found = e.errorCollector.errors.findAll { it instanceof SyntaxErrorMessage }.collect {
            SyntaxException cause = ((SyntaxErrorMessage) it).cause
            new KecshScriptException.Located(cause.line, cause.startColumn, cause.originalMessage)
        }
        if (found) return KecshScriptException.ofAll(fileName, found, e)
        new KecshScriptException(fileName, 0, 0, e.message.readLines().find { it.trim() && !it.startsWith('startup failed') } ?: 'does not compile', e)
    }

    /** The failure with the line of the script where it happened (the deepest script frame). */
    static KecshScriptException located(String fileName, Throwable e) {
        StackTraceElement frame = e.stackTrace.find { it.fileName == fileName && it.lineNumber > 0 }
        new KecshScriptException(fileName, frame?.lineNumber ?: 0, 0, ScriptErrors.message(e), e)
    }
}
