import io.kecsh.jenkins.PlanSummary

/*
 * kecshPlan: the kecsh step with plan: true, for pull requests. Reads happen, changes are only
 * listed (nothing that changes anything is sent), the plan is printed to the build log and
 * returned as plain data: [calls: [[service, action, region, params], …], notes: […], totals: […]].
 * See kecshPlan.txt.
 */
def call(Map options = [:]) {
    if (options != null && options.containsKey('plan')) {
        error('kecshPlan: plan: is implied; use the kecsh step to run')
    }
    Map planned = [:]
    if (options != null) {
        planned.putAll(options)
    }
    planned.plan = true
    def plan = kecsh(planned)
    for (String line : PlanSummary.lines((Map) plan)) {
        echo(line)
    }
    return plan
}
