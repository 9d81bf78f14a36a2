package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import io.kecsh.runtime.sandbox.state.Transition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * What every NIC rule builds on (used by {@link NetworkInterfaces}): lookups with the documented refusals,
 * new NICs (address from the subnet, a deterministic MAC unique in the region), attachment
 * transitions (Attaching until due, then InUse), and the checks subnet and security groups share.
 */
final class Nics {
    static final String PRIMARY = "primary";
    static final String EXTENSION = "extension";
    static final String AVAILABLE = "Available";
    static final String ATTACHING = "Attaching";
    static final String IN_USE = "InUse";
    /** The VPC's DNS servers when none were set (the addresses of the DescribeNetworkInterfaces sample). */
    static final String DEFAULT_DNS1 = "198.18.254.30";

    static final String DEFAULT_DNS2 = "198.18.254.31";

    private Nics() {}

    /** Applies due attachments; a describe also counts as one look for describe-counted transitions. */
    static void settle(RegionState region, SandboxClock clock, boolean countAsDescribe) {
        for (NetworkInterface n : region.networkInterfaces.values()) {
            if (n.transition == null) continue;
            if (n.instanceId == null) { // its instance went away while it was attaching
                n.transition = null;
                n.status = AVAILABLE;
            } else if (n.transition.due(clock)) {
                n.status = n.transition.target();
                n.transition = null;
            } else if (countAsDescribe && clock.describesPerTransition() > 0) {
                n.transition = n.transition.seen();
            }
        }
    }

    /** The status shown: the stored one, or (for NICs made elsewhere without one) InUse / Available by attachment. */
    static String status(NetworkInterface n) {
        if (n.status != null) return n.status;
        return n.instanceId != null ? IN_USE : AVAILABLE;
    }

    static NetworkInterface require(RegionState region, String param, String id) {
        NetworkInterface n = region.networkInterfaces.get(id);
        if (n == null)
            throw new InvalidValue(param, "There is no network interface " + id + " in " + region.name + ".");
        return n;
    }

    static Subnet subnet(RegionState region, String param, String id) {
        Subnet s = region.subnets.get(id);
        if (s == null) throw new InvalidValue(param, "There is no subnet " + id + " in " + region.name + ".");
        return s;
    }

    /**
     * The security groups named by the list parameter {@code param} (SecurityGroupId.1 …), without
     * repeats, each existing and in the subnet's VPC ("SubnetId和SecurityGroupId必须在同一个VPC下").
     */
    static List<String> groups(RegionState region, Subnet subnet, String param, List<String> ids) {
        Set<String> out = new LinkedHashSet<>();
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            String name = param + "." + (k + 1);
            SecurityGroup g = region.securityGroups.get(id);
            if (g == null)
                throw new InvalidValue(name, "There is no security group " + id + " in " + region.name + ".");
            if (!g.vpcId.equals(subnet.vpcId)) {
                throw new InvalidValue(
                        name,
                        "Security group " + id + " is in VPC " + g.vpcId + ", subnet " + subnet.id + " in VPC "
                                + subnet.vpcId + "; the subnet and the security groups must be in the same VPC.");
            }
            out.add(id);
        }
        return new ArrayList<>(out);
    }

    /** A new NIC in the subnet, not attached, with the given or the next free address. */
    static NetworkInterface create(
            SandboxState state,
            RegionState region,
            Subnet subnet,
            List<String> groups,
            String ip,
            String ipParam,
            String subnetParam) {
        NetworkInterface n = new NetworkInterface();
        n.id = state.ids.uuid();
        n.type = EXTENSION;
        n.subnetId = subnet.id;
        n.vpcId = subnet.vpcId;
        n.zone = subnet.zone;
        n.securityGroupIds = new ArrayList<>(groups);
        n.privateIp = ip != null
                ? SubnetAddresses.claim(region, subnet, ipParam, ip)
                : SubnetAddresses.allocate(region, subnet, subnetParam);
        n.mac = mac(region, n.id);
        n.status = AVAILABLE;
        n.creationTime = state.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        return n;
    }

    /** Starts an attachment: Attaching now, InUse when the clock says it is done. */
    static void attach(NetworkInterface n, String instanceId, SandboxClock clock) {
        n.instanceId = instanceId;
        n.status = ATTACHING;
        n.transition = Transition.start(IN_USE, clock);
    }

    /** Refuses a NIC whose attachment has not finished yet. */
    static void requireSettled(NetworkInterface n, String param) {
        if (ATTACHING.equals(status(n))) {
            throw new InvalidValue(
                    param, "Network interface " + n.id + " is still Attaching; try again when its Status is InUse.");
        }
    }

    /** The primary NIC of an instance, if the region has one. */
    static NetworkInterface primaryOf(RegionState region, String instanceId) {
        for (NetworkInterface n : region.networkInterfaces.values()) {
            if (instanceId.equals(n.instanceId) && PRIMARY.equals(n.type)) return n;
        }
        return null;
    }

    /**
     * A MAC in the OpenStack range the samples show (fa:16:3e:…), derived from the NIC's ID as
     * RunInstances derives a primary NIC's, and moved on until no other NIC in the region has it.
     */
    static String mac(RegionState region, String id) {
        Set<String> taken = new HashSet<>();
        region.networkInterfaces.values().forEach(n -> taken.add(n.mac));
        Random r = new Random(id.hashCode());
        String mac;
        do {
            mac = String.format("fa:16:3e:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256));
        } while (taken.contains(mac));
        return mac;
    }
}
