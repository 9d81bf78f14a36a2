package io.kecsh.dsl.plan

import groovy.transform.CompileStatic

/**
 * One mutating call a plan recorded instead of sending: the action, the Kingsoft region, its API
 * parameters with secrets already masked, and — for RunInstances — a price estimate.
 */
@CompileStatic
class PlannedCall implements Serializable {
    private static final long serialVersionUID = 1L

    String service
    String action
    String region
    Map<String, Object> params
    /** The placeholder IDs this call stands for (planned-1, …), if it creates something. */
    List<String> planned = []
    PriceEstimate estimate

    /** {@code kec.RunInstances [cn-beijing-6] ImageId=…, MaxCount=3, InstancePassword=****  ≈ 1.23 per hour}. */
    @Override
    String toString() {
        String line = "${service}.${action} [${region}] " + params.collect { k, v -> "${k}=${show(v)}" }.join(', ')
        if (planned) line += " -> ${planned.join(', ')}"
        estimate == null ? line : "${line}  ≈ ${estimate}"
    }

    private static String show(Object v) {
        if (v instanceof Collection) return '[' + ((Collection) v).collect { show(it) }.join(', ') + ']'
        if (v instanceof Map) return '{' + ((Map) v).collect { k, x -> "${k}=${show(x)}" }.join(', ') + '}'
        String.valueOf(v)
    }
}
