package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.Subnet;
import java.util.ArrayList;
import java.util.List;

/**
 * One region's network interfaces and every rule about changing them (the decisions in this
 * package's documentation), apart from the handlers that read parameters and shape answers
 * ({@link ElasticNics}, {@link InstanceNics}). It knows no request: it names the documented
 * parameter a refusal concerns and refuses with {@link InvalidValue} (KEC and VPC document no
 * NotFound or state-conflict codes). Every check comes before the first change. Made per call, used
 * under the state's lock; each change first settles the attachments that are due.
 */
final class NetworkInterfaces {
    private static final String WHAT = "network interfaces";

    private final SandboxState state;
    private final RegionState region;

    NetworkInterfaces(SandboxState state, String region) {
        this.state = state;
        this.region = state.region(region);
    }

    RegionState region() {
        return region;
    }

    /** Every NIC of the region in creation order, as a describe sees them (the look counts for describe-counted attachments). */
    Iterable<NetworkInterface> described() {
        Nics.settle(region, state.clock(), true);
        return region.networkInterfaces.values();
    }

    private void settle() {
        Nics.settle(region, state.clock(), false);
    }

    /** A new Available ENI in the subnet, with the given address (null: the next free one) and name (may be null). */
    NetworkInterface createElastic(String subnetId, List<String> groupIds, String ip, String name) {
        Subnet subnet = Nics.subnet(region, "SubnetId", subnetId);
        List<String> groups = Nics.groups(region, subnet, "SecurityGroupId", groupIds);
        NetworkInterface n = Nics.create(state, region, subnet, groups, ip, "PrivateIpAddress", "SubnetId");
        n.elastic = true;
        n.name = name;
        region.networkInterfaces.put(n.id, n);
        return n;
    }

    /** Deletes an ENI that is not attached; a primary or secondary NIC is never deleted here. */
    void deleteElastic(String id) {
        settle();
        NetworkInterface n = Nics.require(region, "NetworkInterfaceId", id);
        if (!n.elastic && n.instanceId != null) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Network interface " + n.id + " is the " + kind(n) + " of instance "
                            + n.instanceId + ", not an elastic network interface"
                            + (Nics.PRIMARY.equals(n.type) ? "." : "; DetachNetworkInterface removes it."));
        }
        if (n.instanceId != null) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Elastic network interface " + n.id + " is attached to instance " + n.instanceId
                            + "; detach it first (DetachNetworkInterface).");
        }
        region.networkInterfaces.remove(n.id);
    }

    /** 挂载弹性网卡: the ENI must be Available, in the instance's zone; one instance at a time (L5423–L5468). */
    void attachElastic(String instanceId, String nicId) {
        Instance i = attachable(instanceId);
        NetworkInterface n = Nics.require(region, "NetworkInterfaceId", nicId);
        if (!n.elastic) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Network interface " + n.id + " is the " + kind(n) + " of instance " + n.instanceId
                            + ", not an elastic network interface.");
        }
        if (n.instanceId != null) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Elastic network interface " + n.id + " is " + Nics.status(n)
                            + (n.instanceId.equals(i.id) ? " on this instance" : " on instance " + n.instanceId)
                            + "; an elastic network interface must be Available and attaches to one instance at a time.");
        }
        if (i.zone != null && !i.zone.equals(n.zone)) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Elastic network interface " + n.id + " is in zone " + n.zone + ", instance " + i.id + " in zone "
                            + i.zone + ".");
        }
        Nics.attach(n, i.id, state.clock());
    }

    /** 为主机添加网卡: one secondary NIC per instance; only the first security group counts (L5083–L5155). */
    void addSecondary(String instanceId, String subnetId, List<String> groupIds, String ip) {
        Instance i = attachable(instanceId);
        for (NetworkInterface n : region.networkInterfaces.values()) {
            if (i.id.equals(n.instanceId) && Nics.EXTENSION.equals(n.type) && !n.elastic) {
                throw new InvalidValue(
                        "InstanceId",
                        "Instance " + i.id + " already has a secondary NIC (" + n.id
                                + "); only one can be added (DetachNetworkInterface removes it).");
            }
        }
        Subnet subnet = sameZone(Nics.subnet(region, "SubnetId", subnetId), i);
        List<String> groups =
                Nics.groups(region, subnet, "SecurityGroupId", groupIds.subList(0, Math.min(1, groupIds.size())));
        NetworkInterface n = Nics.create(state, region, subnet, groups, ip, "PrivateIpAddress", "SubnetId");
        Nics.attach(n, i.id, state.clock());
        region.networkInterfaces.put(n.id, n);
    }

    /** An ENI is detached (Available again), a secondary NIC deleted; never the primary NIC. */
    void detach(String instanceId, String nicId) {
        Instance i = attachable(instanceId);
        NetworkInterface n = attachedTo(nicId, i);
        if (Nics.PRIMARY.equals(n.type)) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Network interface " + n.id + " is the primary NIC of instance " + i.id
                            + "; the primary NIC cannot be detached.");
        }
        Nics.requireSettled(n, "NetworkInterfaceId");
        if (n.elastic) {
            n.instanceId = null;
            n.status = Nics.AVAILABLE;
            n.transition = null;
        } else {
            region.networkInterfaces.remove(n.id);
        }
    }

    /** What ModifyNetworkInterfaceAttribute changes; ip, dns1 and dns2 null when not given. */
    record Modification(String subnetId, List<String> groupIds, String ip, String dns1, String dns2) {}

    /**
     * 修改网络接口属性信息 (L5157–L5259): the security groups are replaced by the given list; the
     * subnet may change (same VPC as the groups); the address is kept when the subnet stays and
     * none is given, else taken from the (new) subnet; DNS only on a primary NIC.
     */
    void modify(String instanceId, String nicId, Modification m) {
        Instance i = attachable(instanceId);
        NetworkInterface n = attachedTo(nicId, i);
        Nics.requireSettled(n, "NetworkInterfaceId");
        boolean primary = Nics.PRIMARY.equals(n.type);
        if (!primary && (m.dns1() != null || m.dns2() != null)) {
            throw new InvalidValue(
                    m.dns1() != null ? "DNS1" : "DNS2",
                    "Network interface " + n.id + " is a " + kind(n)
                            + "; its DNS follows the primary NIC, so DNS1 and DNS2 must be omitted.");
        }
        Subnet subnet = sameZone(Nics.subnet(region, "SubnetId", m.subnetId()), i);
        List<String> groups = Nics.groups(region, subnet, "SecurityGroupId", m.groupIds());
        boolean sameSubnet = subnet.id.equals(n.subnetId);
        boolean keepIp = sameSubnet && (m.ip() == null || m.ip().equals(n.privateIp));
        if (primary && !keepIp && hasEip(i)) {
            throw new InvalidValue(
                    sameSubnet ? "PrivateIpAddress" : "SubnetId",
                    "Instance " + i.id
                            + " has an EIP bound to its primary NIC; unbind it before changing the primary NIC's subnet or address.");
        }
        String newIp = keepIp
                ? n.privateIp
                : m.ip() != null
                        ? SubnetAddresses.claim(region, subnet, "PrivateIpAddress", m.ip())
                        : SubnetAddresses.allocate(region, subnet, "SubnetId");
        n.subnetId = subnet.id;
        n.vpcId = subnet.vpcId;
        n.zone = subnet.zone;
        n.privateIp = newIp;
        n.securityGroupIds = new ArrayList<>(groups);
        if (m.dns1() != null) n.dns1 = m.dns1();
        if (m.dns2() != null) n.dns2 = m.dns2();
        if (primary) {
            i.subnetId = subnet.id;
            i.vpcId = subnet.vpcId;
            i.privateIp = newIp;
            i.securityGroupIds = new ArrayList<>(groups);
        }
    }

    /** The instance, after the due attachments are settled (every instance-side change starts here). */
    private Instance attachable(String instanceId) {
        settle();
        return AttachableInstance.require(region, state.clock(), "InstanceId", instanceId, WHAT);
    }

    /** The NIC named by NetworkInterfaceId, which must be on the instance. */
    private NetworkInterface attachedTo(String nicId, Instance i) {
        NetworkInterface n = Nics.require(region, "NetworkInterfaceId", nicId);
        if (!i.id.equals(n.instanceId)) {
            throw new InvalidValue(
                    "NetworkInterfaceId",
                    "Network interface " + n.id + " is not attached to instance " + i.id
                            + (n.instanceId == null
                                    ? " (it is Available)."
                                    : " (it is on instance " + n.instanceId + ")."));
        }
        return n;
    }

    /** A NIC lives in its instance's zone: a subnet elsewhere cannot carry it. */
    private static Subnet sameZone(Subnet subnet, Instance i) {
        if (i.zone != null && !i.zone.equals(subnet.zone)) {
            throw new InvalidValue(
                    "SubnetId",
                    "Subnet " + subnet.id + " is in zone " + subnet.zone + ", instance " + i.id + " in zone " + i.zone
                            + ".");
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

    static String kind(NetworkInterface n) {
        return Nics.PRIMARY.equals(n.type) ? "primary NIC" : n.elastic ? "elastic network interface" : "secondary NIC";
    }
}
