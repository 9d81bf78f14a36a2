package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic

/**
 * One mutating call a plan recorded instead of sending: the action, the region it would go to (the
 * Alibaba region for kms and bss), whether it is destructive, its API parameters with secrets already
 * masked, the names of the resources it names, and — for RunInstances — a price estimate.
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
    /** The model marks the action destructive (terminate, delete, release…): the line says so. */
    boolean destructive
    /** ID → the name the plan knows it by, shown beside the ID. */
    Map<String, String> names = [:]

    /**
     * {@code kec.RunInstances [cn-beijing-6] ImageId=…, MaxCount=3, InstancePassword=****  ≈ 1.23 per hour};
     * {@code kec.TerminateInstances [cn-beijing-6] DESTRUCTIVE InstanceId=[i-1 (web-1)]}.
     */
    @Override
    String toString() {
        String line = "${service}.${action} [${region}] " + (destructive ? 'DESTRUCTIVE ' : '') +
            params.collect { k, v -> "${k}=${show(v)}" }.join(', ')
        if (planned) line += " -> ${planned.join(', ')}"
        estimate == null ? line : "${line}  ≈ ${estimate}"
    }

    private String show(Object v) {
        if (v instanceof Collection) return '[' + ((Collection) v).collect { show(it) }.join(', ') + ']'
        if (v instanceof Map) return '{' + ((Map) v).collect { k, x -> "${k}=${show(x)}" }.join(', ') + '}'
        String s = String.valueOf(v)
        names?.get(s) ? "${s} (${names[s]})" : s
    }
}
