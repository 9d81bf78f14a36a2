package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode

/**
 * What DescribePrice says one planned RunInstances call costs: the host price (for MaxCount hosts)
 * plus the cloud data disks, as the price actually paid (TradePrice), per {@link #unit}: Hour, Day,
 * or null for a Monthly purchase, where the price covers the whole {@link #months}. When the price
 * service refused, {@link #unavailable} says why and the amounts are null.
 */
@CompileStatic
@EqualsAndHashCode
class PriceEstimate implements Serializable {
    private static final long serialVersionUID = 1L

    BigDecimal instance
    BigDecimal disks
    String unit
    Integer months
    String unavailable

    BigDecimal getTotal() {
        instance == null ? null : instance + (disks ?: BigDecimal.ZERO)
    }

    /** 'per hour', 'per day', 'for 12 months': totals add up only within one period. */
    String getPeriod() {
        switch (unit) {
            case 'Hour': return 'per hour'
            case 'Day': return 'per day'
            case null: return "for ${months ?: 1} month${(months ?: 1) == 1 ? '' : 's'}".toString()
            default: return "per ${unit.toLowerCase()}".toString()
        }
    }

    @Override
    String toString() {
        if (unavailable != null) return "price unavailable: ${unavailable}"
        "${total.toPlainString()} ${period}" + (disks ? " (hosts ${instance.toPlainString()}, disks ${disks.toPlainString()})" : '')
    }
}
