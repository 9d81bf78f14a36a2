package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import groovy.transform.EqualsAndHashCode
import groovy.transform.ToString

/** An elastic network interface (a DescribeNetworkInterfaces item). */
@CompileStatic
@EqualsAndHashCode(includes = ['id', 'status'])
@ToString(includes = ['id', 'privateIp', 'status', 'subnetId'], includeNames = true, includePackage = false)
class NetworkInterfaceInfo implements Serializable {
    private static final long serialVersionUID = 1L

    String id
    String type
    String status
    String privateIp
    String mac
    String subnetId
    String vpcId
    String zone
    List<String> securityGroups = []
    String dns1
    String dns2

    static NetworkInterfaceInfo from(Map<String, Object> item) {
        List<String> groups = ((item.SecurityGroupSet ?: []) as List<Map>).collect { it.SecurityGroupId as String }
        if (!groups && item.SecurityGroupId) groups = [item.SecurityGroupId as String]
        new NetworkInterfaceInfo(id: item.NetworkInterfaceId as String, type: item.NetworkInterfaceType as String,
            status: item.Status as String, privateIp: item.PrivateIpAddress as String, mac: item.MacAddress as String,
            subnetId: item.SubnetId as String, vpcId: item.VpcId as String,
            zone: (item.AvailabilityZone ?: item.AvailabilityZoneName) as String, securityGroups: groups,
            dns1: item.DNS1 as String, dns2: item.DNS2 as String)
    }
}
