package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A NIC as DescribeNetworkInterfaces shows it: the NetworkInterface shape under the sample's wire
 * names (CreateTime in Beijing time as 2020-08-05 15:01:25, AvailabilityZoneName a zone code),
 * plus the sample's flattened first security group, subnet name and InstanceType "kec" while
 * attached. A non-primary NIC attached to an instance shows the primary NIC's DNS.
 */
final class NicView {
    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private NicView() {}

    /** Every primary NIC of the region by instance ID (one pass, for a describe of many NICs). */
    static Map<String, NetworkInterface> primaries(RegionState region) {
        Map<String, NetworkInterface> out = new HashMap<>();
        for (NetworkInterface n : region.networkInterfaces.values()) {
            if (Nics.PRIMARY.equals(n.type) && n.instanceId != null) out.put(n.instanceId, n);
        }
        return out;
    }

    static Map<String, Object> of(NetworkInterface n, RegionState region, Map<String, NetworkInterface> primaries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("NetworkInterfaceId", n.id);
        out.put("NetworkInterfaceType", n.type);
        if (n.name != null) out.put("NetworkInterfaceName", n.name);
        out.put("MacAddress", n.mac);
        out.put("SubnetId", n.subnetId);
        Subnet subnet = region.subnets.get(n.subnetId);
        if (subnet != null && subnet.name != null) out.put("SubnetName", subnet.name);
        if (n.vpcId != null) out.put("VpcId", n.vpcId);
        out.put("PrivateIpAddress", n.privateIp);
        if (n.creationTime != null) out.put("CreateTime", beijing(n.creationTime));
        out.put("AvailabilityZoneName", n.zone);
        out.put("Status", Nics.status(n));
        List<Object> groups = new ArrayList<>();
        for (String id : n.securityGroupIds) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("SecurityGroupId", id);
            SecurityGroup sg = region.securityGroups.get(id);
            if (sg != null && sg.name != null) g.put("SecurityGroupName", sg.name);
            groups.add(g);
        }
        out.put("SecurityGroupSet", groups);
        if (!groups.isEmpty()) {
            Map<?, ?> first = (Map<?, ?>) groups.get(0);
            out.put("SecurityGroupId", first.get("SecurityGroupId"));
            if (first.containsKey("SecurityGroupName")) out.put("SecurityGroupName", first.get("SecurityGroupName"));
        }
        NetworkInterface dnsSource = n;
        if (!Nics.PRIMARY.equals(n.type) && n.instanceId != null && primaries.containsKey(n.instanceId)) {
            dnsSource = primaries.get(n.instanceId);
        }
        out.put("DNS1", dnsSource.dns1 != null ? dnsSource.dns1 : Nics.DEFAULT_DNS1);
        out.put("DNS2", dnsSource.dns2 != null ? dnsSource.dns2 : Nics.DEFAULT_DNS2);
        if (n.instanceId != null) out.put("InstanceType", "kec");
        out.put("Ipv6Public", false);
        return out;
    }

    static String beijing(String isoInstant) {
        try {
            return BEIJING.format(Instant.parse(isoInstant));
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }
}
