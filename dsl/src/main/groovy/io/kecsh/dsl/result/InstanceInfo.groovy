package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/**
 * One instance as the DSL returns it: plain, typed data (Serializable, so Jenkins pipelines keep it
 * across restarts), navigable with GPath: {@code instances.where(type: ~/^S4/)*.privateIp}.
 */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'state'])
@ToString(includes = ['id', 'name', 'type', 'state', 'privateIp'], includeNames = true, includePackage = false)
class InstanceInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String name
    String type
    String state
    String privateIp
    String zone
    String imageId
    String subnetId
    String vpcId
    String chargeType
    String creationDate
    String hostName
    String stoppedMode
    Long vcpu
    Long memoryGb
    Long projectId
    List<String> keys = []
    /** key → value; read from the tag service when a launch put tags on or a where asked by them, else null (not read). */
    Map<String, String> tags

    /** From a DescribeInstances item (the Instance data type). */
    static InstanceInfo from(Map<String, Object> item) {
        Map configure = (Map) (item.InstanceConfigure ?: [:])
        new InstanceInfo(id: item.InstanceId as String, name: item.InstanceName as String, type: item.InstanceType as String,
            state: ((Map) item.InstanceState)?.Name as String, privateIp: item.PrivateIpAddress as String,
            zone: item.AvailabilityZone as String, imageId: item.ImageId as String, subnetId: item.SubnetId as String,
            vpcId: item.VpcId as String, chargeType: item.ChargeType as String, creationDate: item.CreationDate as String,
            hostName: item.HostName as String, stoppedMode: item.StoppedMode as String,
            vcpu: configure.VCPU as Long, memoryGb: configure.MemoryGb as Long, projectId: item.ProjectId as Long,
            keys: ((item.KeySet ?: []) as List).collect { it as String })
    }
}
