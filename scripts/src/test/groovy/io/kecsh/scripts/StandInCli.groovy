package io.kecsh.scripts

import com.fasterxml.jackson.databind.ObjectMapper
import com.fasterxml.jackson.databind.SerializationFeature
import io.kecsh.dsl.Kecsh
import io.kecsh.dsl.KecshScriptException
import io.kecsh.dsl.plan.Plan
import io.kecsh.dsl.safety.RefusedException
import io.kecsh.runtime.error.ServiceException
import io.kecsh.runtime.error.TransportException
import io.kecsh.runtime.validate.ValidationException

import java.nio.file.Files
import java.nio.file.Path

/**
 * TEMPORARY: a stand-in for {@code kecsh run|plan} until the real command (repl, issue 6) is on
 * this branch. It speaks the command's agreed contract — options {@code --endpoint --region
 * --profile --output json|text --refuse-destructive}, then {@code run|plan FILE [args…]} with
 * {@code args} bound to the script, exit codes 0 ok, 1 script, 2 usage, 3 validation, 4 service,
 * 5 transport, 6 refused — so the tests and the Jenkins library are written against that
 * contract. It runs in its own JVM (see {@link KecshCommand}), so the script sees exactly the
 * environment the test gives it. Swap: {@link KecshCommand#launcher}.
 */
class StandInCli {
    static final int OK = 0, SCRIPT = 1, USAGE = 2, VALIDATION = 3, SERVICE = 4, TRANSPORT = 5, REFUSED = 6

    static void main(String[] argv) {
        System.exit(run(argv as List<String>, System.out, System.err))
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) {
        Map<String, String> options = [:]
        List<String> rest = []
        boolean refuse = false
        for (int i = 0; i < argv.size(); i++) {
            String a = argv[i]
            if (rest.size() >= 2) { rest << a; continue }   // after FILE: the script's own args
            if (a == '--refuse-destructive') refuse = true
            else if (a in ['--endpoint', '--region', '--profile', '--output']) {
                if (i + 1 >= argv.size()) return usage(err, "${a} needs a value")
                options[a.substring(2)] = argv[++i]
            } else if (a.startsWith('--')) return usage(err, "unknown option '${a}'")
            else rest << a
        }
        if (rest.size() < 2 || !(rest[0] in ['run', 'plan'])) return usage(err, 'expected run|plan FILE [args…]')
        String output = options.output ?: 'text'
        if (!(output in ['json', 'text', 'table'])) return usage(err, "--output takes json, table or text, not '${output}'")
        Path file = Path.of(rest[1])
        if (!Files.isRegularFile(file)) return usage(err, "no such script: ${file}")
        boolean planning = rest[0] == 'plan'
        Kecsh.Builder builder = Kecsh.builder().environment(System.getenv()).plan(planning).refuseDestructive(refuse)
            .progress { String line -> err.println(line) }
        if (options.endpoint) builder.endpoint(URI.create(options.endpoint))
        if (options.region) builder.region(options.region)
        if (options.profile) builder.profile(options.profile)
        if (System.getenv('HOME')) builder.home(Path.of(System.getenv('HOME')))
        // With --output json, stdout carries only the JSON document; the script's println goes to stderr.
        PrintStream scriptOut = output == 'json' ? err : out
        Map<String, Object> bindings = [args: rest.drop(2) as String[], out: new PrintWriter(scriptOut, true)]
        try (Kecsh kecsh = builder.build()) {
            Object result = kecsh.evalFile(file, bindings)
            if (output == 'json') out.println(json(result))
            else if (planning) out.print(result)
            return OK
        } catch (KecshScriptException e) {
            err.println(e.message)
            return exitCode(e)
        } catch (RuntimeException e) {
            err.println("kecsh: ${e.message}")
            return exitCode(e)
        }
    }

    static int exitCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.cause) {
            if (t instanceof ValidationException) return VALIDATION
            if (t instanceof ServiceException) return SERVICE
            if (t instanceof TransportException) return TRANSPORT
            if (t instanceof RefusedException) return REFUSED
        }
        SCRIPT
    }

    private static int usage(PrintStream err, String message) {
        err.println("kecsh: ${message}")
        USAGE
    }

    static String json(Object result) {
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(plain(result))
    }

    /** Results as plain maps and lists; secrets (a created key's private key) left out. */
    static Object plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) return v
        if (v instanceof Plan) return [calls: v.calls.collect { plain(it) }, notes: v.notes, totals: v.totals]
        if (v instanceof Map) return ((Map) v).collectEntries { k, x -> [(k as String), plain(x)] }
        if (v instanceof Collection || v.getClass().isArray()) return v.collect { plain(it) }
        if (v instanceof Enum || v instanceof CharSequence || v instanceof URI) return v.toString()
        if (v instanceof GroovyObject) {
            return v.properties.findAll { k, x -> !(k in ['class', 'metaClass', 'privateKey', 'result']) }
                .collectEntries { k, x -> [(k as String), plain(x)] }
        }
        v.toString()
    }
}
