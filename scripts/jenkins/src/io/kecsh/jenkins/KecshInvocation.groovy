package io.kecsh.jenkins

/**
 * One call of the {@code kecsh} step, as plain serializable data: which script, the command line
 * for the agent's {@code sh}, where the JSON result and the log go, and which Jenkins credentials
 * become the process's keys. It never holds a secret: keys reach the process only as environment
 * variables bound by {@code withCredentials}, so neither the command line (which {@code sh -x}
 * prints) nor this object can show one.
 * <p>
 * Written for CPS: no closures, plain loops, nothing kept but strings, lists and booleans, so a
 * pipeline that is paused and resumed (serialized) between steps carries it as it is.
 */
class KecshInvocation implements Serializable {
    private static final long serialVersionUID = 1L

    /** The step's options; anything else is a mistake worth stopping for (a typo in allowDestructive must not pass silently). */
    static final List<String> OPTIONS = ['script', 'dsl', 'args', 'region', 'profile', 'endpoint', 'credentialsId',
                                         'alibabaCredentialsId', 'plan', 'allowDestructive', 'command']
    static final List<String> BOOLEANS = ['plan', 'allowDestructive']
    static final List<String> STRINGS = ['script', 'dsl', 'region', 'profile', 'endpoint', 'credentialsId', 'alibabaCredentialsId', 'command']

    /** Where the step keeps its files, relative to the workspace. */
    static final String DIR = '.kecsh'

    /** The environment variables kecsh reads its key pairs from (docs/configuration.md). */
    static final String KINGSOFT_ID = 'KSYUN_ACCESS_KEY', KINGSOFT_SECRET = 'KSYUN_SECRET_KEY'
    static final String ALIBABA_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID', ALIBABA_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET'

    String verb
    String script
    boolean inline
    List<String> args = []
    String region
    String profile
    String endpoint
    String credentialsId
    String alibabaCredentialsId
    boolean allowDestructive
    String command
    String id

    /** Why these options cannot run, in one line; null when they can. */
    static String problem(Map options) {
        if (options == null) return 'kecsh: give script: or dsl:'
        for (Object key : options.keySet()) {
            if (!OPTIONS.contains(String.valueOf(key))) {
                return "kecsh: unknown option '${key}'; the options are ${OPTIONS.join(', ')}"
            }
        }
        boolean hasScript = options.script != null, hasDsl = options.dsl != null
        if (hasScript == hasDsl) return 'kecsh: give exactly one of script: (a file in the workspace) or dsl: (the script text)'
        for (String key : BOOLEANS) {
            if (options.containsKey(key) && !(options[key] instanceof Boolean)) {
                return "kecsh: ${key}: must be true or false, not '${options[key]}'"
            }
        }
        for (String key : STRINGS) {
            if (options.containsKey(key) && (options[key] == null || String.valueOf(options[key]).trim().isEmpty())) {
                return "kecsh: ${key}: must not be empty"
            }
        }
        if (options.args != null && !(options.args instanceof List)) {
            return "kecsh: args: must be a list, e.g. args: ['3', 'S4.2B']"
        }
        null
    }

    /** The invocation for valid options (see {@link #problem}); {@code id} names its files. */
    static KecshInvocation of(Map options, String id) {
        KecshInvocation it = new KecshInvocation()
        it.id = id
        it.verb = options.plan == true ? 'plan' : 'run'
        it.inline = options.dsl != null
        it.script = it.inline ? "${DIR}/inline-${id}.groovy".toString() : String.valueOf(options.script)
        if (options.args != null) {
            for (Object a : (List) options.args) it.args.add(String.valueOf(a))
        }
        it.region = text(options.region)
        it.profile = text(options.profile)
        it.endpoint = text(options.endpoint)
        it.credentialsId = text(options.credentialsId)
        it.alibabaCredentialsId = text(options.alibabaCredentialsId)
        it.allowDestructive = options.allowDestructive == true
        it.command = text(options.command) ?: 'kecsh'
        it
    }

    private static String text(Object v) {
        v == null ? null : String.valueOf(v)
    }

    String getResultFile() { "${DIR}/${id}.json" }

    String getLogFile() { "${DIR}/${id}.log" }

    String getStatusFile() { "${DIR}/${id}.status" }

    /** How messages name this call: {@code kecsh run ops/provision.groovy}, or {@code kecsh plan (inline DSL)}. */
    String getTitle() {
        "kecsh ${verb} ${inline ? '(inline DSL)' : script}"
    }

    /** kecsh's own arguments: options first, then run|plan FILE and the script's args. */
    List<String> argv() {
        List<String> argv = ['--output', 'json']
        if (region) argv.addAll(['--region', region])
        if (profile) argv.addAll(['--profile', profile])
        if (endpoint) argv.addAll(['--endpoint', endpoint])
        if (!allowDestructive) argv.add('--refuse-destructive')
        argv.addAll([verb, script])
        // after --, every word is the script's, even one kecsh would take as its own option (--output)
        if (args) argv.add('--')
        argv.addAll(args)
        argv
    }

    /**
     * The script for {@code sh}: the JSON result to a file, kecsh's stderr (progress, the script's
     * println, the error) both to the build log as it comes and to a file for the error message.
     * Plain POSIX sh; the exit status is kept through the pipe in a file, and {@code || s=$?} keeps
     * Jenkins' {@code sh -e} from ending the group before it is written. On success only the JSON
     * is left, on failure only the log.
     */
    String shellScript() {
        String out = ShellQuoting.quote(resultFile), log = ShellQuoting.quote(logFile), status = ShellQuoting.quote(statusFile)
        StringBuilder sh = new StringBuilder()
        sh.append("mkdir -p ${DIR} && rm -f ${out} ${log} ${status}\n")
        sh.append("{ s=0; ${command} ${ShellQuoting.join(argv())} 2>&1 >${out} || s=\$?; echo \$s >${status}; } | tee ${log} >&2\n")
        sh.append("s=\$(cat ${status}); rm -f ${status}")
        if (inline) sh.append(' ').append(ShellQuoting.quote(script))
        sh.append('\n')
        sh.append("if [ \"\$s\" = 0 ]; then rm -f ${log}; else rm -f ${out}; fi\n")
        sh.append('exit "$s"\n')
        sh.toString()
    }

    /** The one line {@code error} stops the build with: what ran, why it stopped, and kecsh's own last line. */
    String failure(int status, String log) {
        String last = lastLine(log)
        String why = "exit ${status}, ${meaning(status)}"
        last ? "${title} failed (${why}): ${last}" : "${title} failed (${why})"
    }

    /** The kecsh command's exit codes. */
    String meaning(int status) {
        switch (status) {
            case 1: return 'script error'
            case 2: return 'usage error'
            case 3: return 'validation error'
            case 4: return 'service error'
            case 5: return 'transport error'
            case 6: return 'refused by the safety policy; allowDestructive: true lets destructive operations through'
            case 126: return "'${command}' cannot be run on this agent"
            case 127: return "'${command}' is not on this agent's PATH"
            default: return 'failed'
        }
    }

    private static String lastLine(String log) {
        if (log == null) return null
        String[] lines = log.split('\n')
        for (int i = lines.length - 1; i >= 0; i--) {
            String line = lines[i].trim()
            // kecsh's own error line starts "kecsh: "; the step's message already says it was kecsh.
            if (line.startsWith('kecsh: ')) line = line.substring('kecsh: '.length())
            if (line) return line
        }
        null
    }
}
