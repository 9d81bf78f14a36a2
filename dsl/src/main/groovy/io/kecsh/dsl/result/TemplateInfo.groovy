package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** A launch template (a DescribeModels item); {@code instances { run template: t }} launches from it. */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'name'])
@ToString(includes = ['id', 'name', 'type', 'imageId'], includeNames = true, includePackage = false)
class TemplateInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String type
    String imageId
    String subnetId
    String securityGroupId
    String chargeType
    Long purchaseTime
    String zone
    String instanceName
    String keyId
    String dataGuardId
    String createTime

    static TemplateInfo from(Map<String, Object> item) {
        new TemplateInfo(id: item.ModelId as String, name: item.ModelName as String, type: item.InstanceType as String,
            imageId: item.ImageId as String, subnetId: item.SubnetId as String, securityGroupId: item.SecurityGroupId as String,
            chargeType: item.ChargeType as String, purchaseTime: item.PurchaseTime as Long, zone: item.AvailabilityZone as String,
            instanceName: item.InstanceName as String, keyId: item.KeyId as String, dataGuardId: item.DataGuardId as String,
            createTime: item.CreateTime as String)
    }
}
