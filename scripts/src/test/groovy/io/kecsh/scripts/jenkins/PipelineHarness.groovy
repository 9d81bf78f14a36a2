package io.kecsh.scripts.jenkins

import com.fasterxml.jackson.databind.ObjectMapper
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit
import org.codehaus.groovy.control.CompilerConfiguration

/**
 * Just enough of a Jenkins pipeline to run the shared library's steps for real: the library's
 * {@code vars/*.groovy} are loaded with GroovyShell (its {@code src/} on the class path) and call
 * these stand-ins for the pipeline steps they use.
 * <ul>
 * <li>{@code sh} runs a real {@code /bin/sh -xe} in the workspace, as Jenkins does, with exactly the
 *     pipeline's environment (nothing inherited from the test), its output into the build log;</li>
 * <li>{@code withCredentials}/{@code usernamePassword} bind a credential from {@link #credentials}
 *     into that environment for the block; {@code withEnv} likewise;</li>
 * <li>{@code echo} writes to the log, {@code error} throws {@link PipelineError};</li>
 * <li>{@code readJSON} is Jackson (plain maps and lists, where Jenkins gives json-lib's
 *     JSONObject/JSONArray, which are Maps and Lists too); {@code readFile}, {@code writeFile},
 *     {@code fileExists} work in the workspace.</li>
 * </ul>
 * It is NOT Jenkins: no CPS transformation (so no check that state serializes or that closures
 * survive a restart), no script security sandbox, no agents, and no masking of secrets in the log
 * — which makes the tests that no secret reaches the log stricter than Jenkins would be.
 */
class PipelineHarness {
    static final long HANG_SECONDS = 120

    static class PipelineError extends RuntimeException {
        PipelineError(String message) { super(message) }
    }

    final Path library
    final Path workspace
    /** credentialsId → [username, password], as the Jenkins credentials store would hold them. */
    final Map<String, List<String>> credentials
    /** Everything the build log would show, secrets included if anything printed one. */
    final StringBuilder log = new StringBuilder()
    /** Every script handed to sh, as written. */
    final List<String> shScripts = []

    private final Deque<Map<String, String>> environment = new ArrayDeque<>()
    private final Binding binding = new Binding()
    /** The shell the library's vars are parsed with (its class loader sees the library's src/). */
    final GroovyShell shell

    PipelineHarness(Path library, Path workspace, Map<String, String> env, Map<String, List<String>> credentials) {
        this.library = library
        this.workspace = workspace
        this.credentials = credentials
        environment.push(new LinkedHashMap<>(env))
        CompilerConfiguration config = new CompilerConfiguration()
        config.classpathList = [library.resolve('src').toString()]
        shell = new GroovyShell(getClass().classLoader, binding, config)
        installSteps()
    }

    /** Loads {@code vars/NAME.groovy} as the global step {@code NAME}; returns a caller for it. */
    Closure load(String name) {
        Script script = shell.parse(library.resolve("vars/${name}.groovy").toFile())
        script.binding = binding
        Closure step = { Map options = [:] -> script.invokeMethod('call', options) }
        binding.setVariable(name, step)
        step
    }

    /** The environment a step sees now: the pipeline's, plus every enclosing withEnv/withCredentials. */
    Map<String, String> currentEnv() {
        Map<String, String> env = [:]
        environment.descendingIterator().each { env.putAll(it) }
        env
    }

    def withEnv(List<String> assignments, Closure body) {
        Map<String, String> layer = assignments.collectEntries { String a ->
            int eq = a.indexOf('=')
            [a.substring(0, eq), a.substring(eq + 1)]
        }
        within(layer, body)
    }

    private def within(Map<String, String> layer, Closure body) {
        environment.push(layer)
        try {
            body()
        } finally {
            environment.pop()
        }
    }

    private void installSteps() {
        binding.setVariable('echo', { Object message -> log.append(message).append('\n') })
        binding.setVariable('error', { Object message -> throw new PipelineError(String.valueOf(message)) })
        binding.setVariable('usernamePassword', { Map m -> [kind: 'usernamePassword'] + m })
        binding.setVariable('withCredentials', { List bindings, Closure body -> within(bind(bindings), body) })
        binding.setVariable('withEnv', { List<String> assignments, Closure body -> withEnv(assignments, body) })
        binding.setVariable('sh', { Object options -> sh(options instanceof Map ? (Map) options : [script: options]) })
        binding.setVariable('writeFile', { Map m ->
            Path p = file(m.file as String)
            Files.createDirectories(p.parent)
            Files.writeString(p, m.text as String)
        })
        binding.setVariable('readFile', { Object m -> Files.readString(file((m instanceof Map ? m.file : m) as String)) })
        binding.setVariable('fileExists', { Object m -> Files.exists(file((m instanceof Map ? m.file : m) as String)) })
        binding.setVariable('readJSON', { Map m ->
            String text = m.containsKey('text') ? m.text : Files.readString(file(m.file as String))
            new ObjectMapper().readValue(text, Object)
        })
    }

    private Path file(String relative) {
        workspace.resolve(relative)
    }

    /** usernamePassword bindings → the variables they set; an unknown id fails as Jenkins does. */
    private Map<String, String> bind(List bindings) {
        Map<String, String> vars = [:]
        bindings.each { Map b ->
            assert b.kind == 'usernamePassword': "the harness binds only usernamePassword, not ${b}"
            List<String> pair = credentials[b.credentialsId as String]
            if (pair == null) throw new PipelineError("Could not find credentials entry with ID '${b.credentialsId}'")
            vars[b.usernameVariable as String] = pair[0]
            vars[b.passwordVariable as String] = pair[1]
        }
        vars
    }

    /** Jenkins' sh: the script in a file run by {@code sh -xe}; output to the log unless returned. */
    private Object sh(Map options) {
        String script = options.script as String
        shScripts << script
        Path file = Files.createTempFile(workspace, '.sh-', '.sh')
        Path out = Files.createTempFile('sh-out', '.txt')
        Path err = Files.createTempFile('sh-err', '.txt')
        try {
            Files.writeString(file, script)
            ProcessBuilder pb = new ProcessBuilder('/bin/sh', '-xe', file.toString()).directory(workspace.toFile())
            pb.environment().clear()
            pb.environment().putAll(currentEnv())
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start()
            if (!p.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly()
                throw new AssertionError("sh did not finish in ${HANG_SECONDS}s: ${script}")
            }
            int status = p.exitValue()
            String stdout = Files.readString(out)
            if (!options.returnStdout) log.append(stdout)
            log.append(Files.readString(err))
            if (options.returnStatus) return status
            if (status != 0) throw new PipelineError("script returned exit code ${status}")
            options.returnStdout ? stdout : null
        } finally {
            [file, out, err].each { Files.deleteIfExists(it) }
        }
    }
}
