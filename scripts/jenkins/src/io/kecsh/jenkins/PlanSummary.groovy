package io.kecsh.jenkins

/**
 * A plan read back from {@code kecsh plan --output json} ({@code calls}, {@code notes},
 * {@code totals}), as the few lines a pull request's build log shows. Plain loops over plain
 * maps: safe under CPS without {@code @NonCPS}.
 */
class PlanSummary implements Serializable {
    private static final long serialVersionUID = 1L

    static List<String> lines(Map plan) {
        List calls = plan == null ? [] : (List) (plan.calls ?: [])
        List<String> out = []
        if (calls.isEmpty()) {
            out.add('Plan: nothing would change')
        } else {
            out.add("Plan: ${calls.size()} call(s) would be sent".toString())
            for (Object c : calls) {
                Map call = (Map) c
                String mark = call.destructive ? 'DESTRUCTIVE ' : ''   // as kecsh prints it: the model's destructive actions
                out.add("  ${call.service}.${call.action} [${call.region}] ${mark}${parameters((Map) call.params)}".toString().trim())
            }
        }
        List notes = plan == null ? [] : (List) (plan.notes ?: [])
        for (Object n : notes) out.add("  note: ${n}".toString())
        Map totals = plan == null ? [:] : (Map) (plan.totals ?: [:])
        for (Object period : totals.keySet()) out.add("  estimated price: ${totals[period]} ${period}".toString())
        out
    }

    /** {@code ImageId=img-1, MaxCount=3, InstancePassword=****}: kecsh masked the secrets before the plan was written. */
    private static String parameters(Map params) {
        if (params == null) return ''
        StringBuilder out = new StringBuilder()
        for (Object key : params.keySet()) {
            if (out.length() > 0) out.append(', ')
            out.append(key).append('=').append(params[key])
        }
        out.toString()
    }
}
