package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.Subnet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kec actions on an instance's NICs. AttachNetworkInterface and DetachNetworkInterface are
 * each documented twice (CATALOG §3.40, §3.42): Attach is the elastic-NIC form when
 * NetworkInterfaceId is given and the secondary-NIC form otherwise; Detach's two forms take the
 * same parameters, so the NIC decides: an ENI is detached (Available again), a secondary NIC is
 * deleted. Both attach forms show Attaching until the clock completes the attachment.
 */
final class InstanceNics {
    private static final String WHAT = "network interfaces";

    private InstanceNics() {
    }

    static Map<String, Object> attach(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Nics.settle(region, state.clock(), false);
        Instance i = AttachableInstance.require(request, region, state.clock(), "InstanceId", request.requireString("InstanceId"), WHAT);
        if (request.has("NetworkInterfaceId")) {
            attachElastic(request, state, region, i);
        } else {
            addSecondary(request, state, region, i);
        }
        return Map.of("Return", true);
    }

    /** 挂载弹性网卡: the ENI must be Available; one instance at a time (L5423–L5468). */
    private static void attachElastic(SandboxRequest request, SandboxState state, RegionState region, Instance i) {
        NetworkInterface n = Nics.require(request, region, "NetworkInterfaceId", request.requireString("NetworkInterfaceId"));
        if (!n.elastic) {
            throw request.invalid("NetworkInterfaceId", "Network interface " + n.id + " is the " + ElasticNics.kind(n)
                + " of instance " + n.instanceId + ", not an elastic network interface.");
        }
        if (n.instanceId != null) {
            throw request.invalid("NetworkInterfaceId", "Elastic network interface " + n.id + " is " + Nics.status(n)
                + (n.instanceId.equals(i.id) ? " on this instance" : " on instance " + n.instanceId)
                + "; an elastic network interface must be Available and attaches to one instance at a time.");
        }
        if (i.zone != null && !i.zone.equals(n.zone)) {
            throw request.invalid("NetworkInterfaceId", "Elastic network interface " + n.id + " is in zone " + n.zone
                + ", instance " + i.id + " in zone " + i.zone + ".");
        }
        Nics.attach(n, i.id, state.clock());
    }

    /** 为主机添加网卡: one secondary NIC per instance; only the first security group counts (L5083–L5155). */
    private static void addSecondary(SandboxRequest request, SandboxState state, RegionState region, Instance i) {
        for (NetworkInterface n : region.networkInterfaces.values()) {
            if (i.id.equals(n.instanceId) && Nics.EXTENSION.equals(n.type) && !n.elastic) {
                throw request.invalid("InstanceId", "Instance " + i.id + " already has a secondary NIC (" + n.id
                    + "); only one can be added (DetachNetworkInterface removes it).");
            }
        }
        Subnet subnet = sameZone(request, Nics.subnet(request, region, "SubnetId", request.requireString("SubnetId")), i);
        List<String> given = request.strings("SecurityGroupId");
        List<String> groups = Nics.groups(request, region, subnet, "SecurityGroupId", given.subList(0, Math.min(1, given.size())));
        NetworkInterface n = Nics.create(request, state, region, subnet, groups,
            request.string("PrivateIpAddress").orElse(null), "PrivateIpAddress", "SubnetId");
        Nics.attach(n, i.id, state.clock());
        region.networkInterfaces.put(n.id, n);
    }

    static Map<String, Object> detach(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Nics.settle(region, state.clock(), false);
        Instance i = AttachableInstance.require(request, region, state.clock(), "InstanceId", request.requireString("InstanceId"), WHAT);
        NetworkInterface n = attachedTo(request, region, i);
        if (Nics.PRIMARY.equals(n.type)) {
            throw request.invalid("NetworkInterfaceId", "Network interface " + n.id + " is the primary NIC of instance " + i.id
                + "; the primary NIC cannot be detached.");
        }
        Nics.requireSettled(request, n, "NetworkInterfaceId");
        if (n.elastic) {
            n.instanceId = null;
            n.status = Nics.AVAILABLE;
            n.transition = null;
        } else {
            region.networkInterfaces.remove(n.id);
        }
        return Map.of("Return", true);
    }

    /**
     * 修改网络接口属性信息 (L5157–L5259): the security groups are replaced by the given list; the
     * subnet may change (same VPC as the groups); the address is kept when the subnet stays and
     * none is given, else taken from the (new) subnet; DNS only on a primary NIC.
     */
    static Map<String, Object> modify(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Nics.settle(region, state.clock(), false);
        Instance i = AttachableInstance.require(request, region, state.clock(), "InstanceId", request.requireString("InstanceId"), WHAT);
        NetworkInterface n = attachedTo(request, region, i);
        Nics.requireSettled(request, n, "NetworkInterfaceId");
        boolean primary = Nics.PRIMARY.equals(n.type);
        for (String dns : List.of("DNS1", "DNS2")) {
            if (!primary && request.has(dns)) {
                throw request.invalid(dns, "Network interface " + n.id + " is a " + ElasticNics.kind(n)
                    + "; its DNS follows the primary NIC, so DNS1 and DNS2 must be omitted.");
            }
        }
        Subnet subnet = sameZone(request, Nics.subnet(request, region, "SubnetId", request.requireString("SubnetId")), i);
        List<String> groups = Nics.groups(request, region, subnet, "SecurityGroupId", request.strings("SecurityGroupId"));
        boolean sameSubnet = subnet.id.equals(n.subnetId);
        String ip = request.string("PrivateIpAddress").orElse(null);
        boolean keepIp = sameSubnet && (ip == null || ip.equals(n.privateIp));
        if (primary && !keepIp && hasEip(i)) {
            throw request.invalid(sameSubnet ? "PrivateIpAddress" : "SubnetId", "Instance " + i.id
                + " has an EIP bound to its primary NIC; unbind it before changing the primary NIC's subnet or address.");
        }
        String newIp = keepIp ? n.privateIp
            : ip != null ? SubnetAddresses.claim(region, subnet, "PrivateIpAddress", ip)
            : SubnetAddresses.allocate(region, subnet, "SubnetId");
        n.subnetId = subnet.id;
        n.vpcId = subnet.vpcId;
        n.zone = subnet.zone;
        n.privateIp = newIp;
        n.securityGroupIds = new ArrayList<>(groups);
        request.string("DNS1").ifPresent(d -> n.dns1 = d);
        request.string("DNS2").ifPresent(d -> n.dns2 = d);
        if (primary) {
            i.subnetId = subnet.id;
            i.vpcId = subnet.vpcId;
            i.privateIp = newIp;
            i.securityGroupIds = new ArrayList<>(groups);
        }
        return Map.of("Return", true);
    }

    /** The NIC named by NetworkInterfaceId, which must be on the instance. */
    private static NetworkInterface attachedTo(SandboxRequest request, RegionState region, Instance i) {
        NetworkInterface n = Nics.require(request, region, "NetworkInterfaceId", request.requireString("NetworkInterfaceId"));
        if (!i.id.equals(n.instanceId)) {
            throw request.invalid("NetworkInterfaceId", "Network interface " + n.id + " is not attached to instance " + i.id
                + (n.instanceId == null ? " (it is Available)." : " (it is on instance " + n.instanceId + ")."));
        }
        return n;
    }

    /** A NIC lives in its instance's zone: a subnet elsewhere cannot carry it. */
    private static Subnet sameZone(SandboxRequest request, Subnet subnet, Instance i) {
        if (i.zone != null && !i.zone.equals(subnet.zone)) {
            throw request.invalid("SubnetId", "Subnet " + subnet.id + " is in zone " + subnet.zone + ", instance " + i.id
                + " in zone " + i.zone + ".");
        }
        return subnet;
    }

    /**
     * Whether the instance bought an EIP at launch (RunInstances' AddressBandWidth, kept in
     * {@link Instance#extra} by parameter name). The sandbox models no SLB or Portforward, so the
     * EIP is the one binding of Constraint 1 it can see.
     */
    static boolean hasEip(Instance i) {
        return i.extra != null && i.extra.get("AddressBandWidth") != null;
    }
}
