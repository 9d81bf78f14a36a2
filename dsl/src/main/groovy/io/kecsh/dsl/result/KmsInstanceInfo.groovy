package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** An Alibaba KMS instance (GetKmsInstance's KmsInstance): its quotas, billing and term. */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'status', 'spec', 'keyNum', 'secretNum', 'vpcNum', 'endDate'])
@ToString(includes = ['id', 'status', 'chargeType', 'spec', 'keyNum', 'endDate'], includeNames = true, includePackage = false)
class KmsInstanceInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String status
    String chargeType
    String productType
    Long spec
    Long keyNum
    Long secretNum
    Long vpcNum
    Long log
    Long logStorage
    String startDate
    String endDate
    String vpcId

    static KmsInstanceInfo from(Map<String, Object> k) {
        new KmsInstanceInfo(id: k.InstanceId as String, name: k.InstanceName as String, status: k.Status as String,
            chargeType: k.ChargeType as String, productType: k.ProductType as String, spec: k.Spec as Long,
            keyNum: k.KeyNum as Long, secretNum: k.SecretNum as Long, vpcNum: k.VpcNum as Long, log: k.Log as Long,
            logStorage: k.LogStorage as Long, startDate: k.StartDate as String, endDate: k.EndDate as String, vpcId: k.VpcId as String)
    }
}
