import io.kecsh.jenkins.KecshInvocation

/*
 * kecsh: runs a kecsh script (script:) or an inline DSL block (dsl:) on the agent and returns its
 * result as plain maps and lists (kecsh --output json, read back with readJSON). See kecsh.txt.
 *
 * Why it is written this way (Jenkins' pipeline constraints):
 * - the kecsh command runs on the agent through sh; none of kecsh's classes are loaded into the
 *   controller, and what comes back is plain data, so nothing needs script approval or survives a
 *   restart as anything but maps, lists and strings;
 * - the only state is a KecshInvocation (strings, lists, booleans: serializable) and locals;
 *   no closure is kept in a field, and the helpers use plain loops so they run CPS-transformed;
 * - keys come from withCredentials into the process's environment only: the command line, which
 *   sh -x prints, never holds one.
 */
def call(Map options = [:]) {
    String problem = KecshInvocation.problem(options)
    if (problem != null) {
        error(problem)
    }
    KecshInvocation invocation = KecshInvocation.of(options, UUID.randomUUID().toString().substring(0, 8))
    if (invocation.inline) {
        writeFile(file: invocation.script, text: String.valueOf(options.dsl))
    }
    int status = withKeys(invocation) {
        sh(script: invocation.shellScript(), returnStatus: true)
    }
    if (status != 0) {
        String log = fileExists(invocation.logFile) ? readFile(invocation.logFile) : ''
        error(invocation.failure(status, log))
    }
    String json = readFile(invocation.resultFile).trim()
    if (json.isEmpty() || json == 'null') {
        return null
    }
    return readJSON(text: json)
}

/** Runs body with the invocation's Jenkins credentials bound to the variables kecsh reads keys from. */
def withKeys(KecshInvocation invocation, Closure body) {
    List bindings = []
    if (invocation.credentialsId) {
        bindings.add(usernamePassword(credentialsId: invocation.credentialsId,
            usernameVariable: KecshInvocation.KINGSOFT_ID, passwordVariable: KecshInvocation.KINGSOFT_SECRET))
    }
    if (invocation.alibabaCredentialsId) {
        bindings.add(usernamePassword(credentialsId: invocation.alibabaCredentialsId,
            usernameVariable: KecshInvocation.ALIBABA_ID, passwordVariable: KecshInvocation.ALIBABA_SECRET))
    }
    if (bindings.isEmpty()) {
        return body()
    }
    def result = null
    withCredentials(bindings) {
        result = body()
    }
    return result
}
