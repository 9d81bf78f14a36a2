package io.kecsh.dsl.jsr223

import groovy.transform.CompileStatic

import javax.script.ScriptEngine
import javax.script.ScriptEngineFactory

/**
 * The JSR-223 entry: {@code new ScriptEngineManager().getEngineByName("kecsh")} (also by the
 * extensions {@code kecsh} and {@code groovy}). Registered in
 * META-INF/services/javax.script.ScriptEngineFactory.
 */
@CompileStatic
class KecshScriptEngineFactory implements ScriptEngineFactory {
    static final String NAME = 'kecsh'

    @Override
    String getEngineName() { NAME }

    @Override
    String getEngineVersion() { KecshScriptEngineFactory.package?.implementationVersion ?: '0.1.0-SNAPSHOT' }

    @Override
    List<String> getExtensions() { ['kecsh', 'groovy'] }

    @Override
    List<String> getMimeTypes() { ['application/x-kecsh'] }

    @Override
    List<String> getNames() { [NAME] }

    @Override
    String getLanguageName() { NAME }

    @Override
    String getLanguageVersion() { GroovySystem.version }

    @Override
    Object getParameter(String key) {
        switch (key) {
            case ScriptEngine.NAME: return NAME
            case ScriptEngine.ENGINE: return engineName
            case ScriptEngine.ENGINE_VERSION: return engineVersion
            case ScriptEngine.LANGUAGE: return languageName
            case ScriptEngine.LANGUAGE_VERSION: return languageVersion
            // One engine runs one script at a time on its Kecsh; several threads need several engines.
            case 'THREADING': return null
            default: return null
        }
    }

    @Override
    String getMethodCallSyntax(String obj, String m, String... args) {
        "${obj}.${m}(${args.join(', ')})"
    }

    @Override
    String getOutputStatement(String toDisplay) {
        // A single-quoted Groovy string: no ${} interpolation of what is displayed.
        "println('${toDisplay.replace('\\', '\\\\').replace("'", "\\'").replace('\n', '\\n')}')"
    }

    @Override
    String getProgram(String... statements) {
        statements.join('\n')
    }

    @Override
    ScriptEngine getScriptEngine() {
        new KecshScriptEngine(this)
    }
}
