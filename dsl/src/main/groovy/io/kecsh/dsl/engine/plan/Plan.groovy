package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic

/**
 * What a planned script or {@code plan { }} block would change: the mutating calls in order (secrets
 * masked, destructive ones marked), the resources they would change (before → after), notes on what planning could not do for real (waits on planned resources), and price
 * estimates totalled per period. {@code toString()} is the printable plan, one line a call.
 */
@CompileStatic
class Plan implements Serializable {
    private static final long serialVersionUID = 1L

    final List<PlannedCall> calls = []
    final List<String> notes = []
    /** Before → after of each resource the calls would create or change (see {@link PlannedWorld}). */
    final List<PlannedChange> changes = []
    /** The planned script's own value (not serialized: it may be anything). */
    transient Object result

    /** Total of the price estimates, by period ('per hour' → 1.23); unavailable estimates are left out. */
    Map<String, BigDecimal> getTotals() {
        Map<String, BigDecimal> out = new LinkedHashMap<String, BigDecimal>()
        calls.each { PlannedCall c ->
            if (c.estimate?.total != null) out[c.estimate.period] = (out[c.estimate.period] ?: BigDecimal.ZERO) + c.estimate.total
        }
        out
    }

    boolean isEmpty() {
        calls.isEmpty()
    }

    /** The calls of one action: {@code plan.calls('RunInstances')}. */
    List<PlannedCall> calls(String action) {
        calls.findAll { it.action == action }
    }

    @Override
    String toString() {
        StringBuilder out = new StringBuilder()
        out.append(calls ? "Plan: ${calls.size()} call${calls.size() == 1 ? '' : 's'} would be sent" : 'Plan: nothing would change').append('\n')
        calls.eachWithIndex { PlannedCall c, int i -> out.append("  ${i + 1}. ${c}").append('\n') }
        if (changes) {
            out.append("Would change ${changes.size()} resource${changes.size() == 1 ? '' : 's'} (before → after):").append('\n')
            changes.each { out.append("  ${it}").append('\n') }
        }
        notes.each { out.append("  note: ${it}").append('\n') }
        Map<String, BigDecimal> totals = getTotals()
        if (totals) out.append('Estimated price: ').append(totals.collect { k, v -> "${v.toPlainString()} ${k}" }.join(' + ')).append('\n')
        out.toString()
    }
}
