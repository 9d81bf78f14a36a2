package io.kecsh.dsl.engine.plan

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.runtime.model.Operation

/**
 * Prices a planned RunInstances with DescribePrice (a read, sent for real): every RunInstances
 * parameter DescribePrice also takes — InstanceType, ImageId, ChargeType, PurchaseTime, SystemDisk,
 * DataDiskGb, DataDisk, MaxCount — is passed on as given; the model says which, not a list here.
 */
@CompileStatic
final class PriceEstimates {
    private PriceEstimates() {
    }

    static PriceEstimate of(CloudOperations ops, Map<String, ?> run) {
        Operation price = ops.model.requireOperation('DescribePrice')
        Map<String, Object> params = [:]
        run.each { String k, Object v -> if (price.params().containsKey(k) && v != null) params[k] = v }
        Integer months = run.ChargeType == 'Monthly' ? ((run.PurchaseTime ?: 1) as Integer) : null
        try {
            Map info = (Map) (ops.call('DescribePrice', params).PriceInfo ?: [:])
            Map host = (Map) (info.InstancePrice ?: [:])
            Map ebs = (Map) info.EBSPrice
            new PriceEstimate(instance: decimal(host.TradePrice), disks: ebs == null ? null : decimal(ebs.TradePrice),
                unit: host.PriceUnit as String, months: months)
        } catch (RuntimeException e) {
            // An estimate is advice: a price the service will not give must not stop the plan.
            new PriceEstimate(unavailable: e.message, months: months)
        }
    }

    private static BigDecimal decimal(Object v) {
        v == null ? null : new BigDecimal(v.toString())
    }
}
