package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic

/**
 * One resource a plan would change, as a before/after pair of the attributes a person checks
 * (state, type, name; an interface's status and instance): {@code before} is null for a resource
 * the plan creates, {@code after} shows {@code gone} for one it removes.
 */
@CompileStatic
class PlannedChange implements Serializable {
    private static final long serialVersionUID = 1L

    String kind
    String id
    String name
    Map<String, String> before
    Map<String, String> after

    boolean isCreated() {
        before == null
    }

    /** {@code instance i-1 (web-1): state active → stopped, type S4.2B → S4.4B}; {@code … (web-5): new, state active, type S4.2B}. */
    @Override
    String toString() {
        String who = "${kind} ${id}" + (name ? " (${name})" : '')
        if (before == null) return "${who}: new, " + after.findAll { k, v -> v != null }.collect { k, v -> "${k} ${v}" }.join(', ')
        List<String> moved = after.findAll { k, v -> before[k] != v }.collect { k, v -> "${k} ${before[k] ?: '-'} → ${v ?: '-'}".toString() }
        "${who}: ${moved.join(', ')}"
    }
}
