package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.Subnet;
import java.util.HashSet;
import java.util.Set;

/**
 * Private addresses of a seeded subnet ({@code prefix}.0.0/16): the network address, the gateway
 * (.0.1) and the broadcast address are reserved; new addresses are handed out from the subnet's
 * cursor as RunInstances does ({@link Subnet#address}), skipping any address a NIC or an instance
 * already holds.
 */
public final class SubnetAddresses {
    private static final int HOSTS = 62_500;

    private SubnetAddresses() {}

    /** A given address for {@code param}: inside the subnet, not reserved, not in use; else InvalidParameterValue. */
    public static String claim(RegionState region, Subnet subnet, String param, String ip) {
        if (!ip.startsWith(subnet.prefix + ".")) {
            throw new InvalidValue(param, ip + " is not in subnet " + subnet.id + " (" + cidr(subnet) + ").");
        }
        String host = ip.substring(subnet.prefix.length() + 1);
        if (host.equals("0.0") || host.equals("0.1") || host.equals("255.255")) {
            throw new InvalidValue(
                    param, ip + " is reserved in " + cidr(subnet) + " (network, gateway or broadcast address).");
        }
        if (used(region, subnet).contains(ip))
            throw new InvalidValue(param, ip + " is already in use in subnet " + subnet.id + ".");
        return ip;
    }

    /** The next free address, or InvalidParameterValue on {@code param} (the subnet) when none is left. */
    public static String allocate(RegionState region, Subnet subnet, String param) {
        return allocate(subnet, param, used(region, subnet));
    }

    /**
     * The same, against a used set the caller built once with {@link #used} and keeps up to date:
     * a launch of many instances then stays linear instead of rescanning the region per address.
     */
    public static String allocate(Subnet subnet, String param, Set<String> used) {
        for (int tries = 0; tries < HOSTS; tries++) {
            String candidate = subnet.address(subnet.nextHost++ % HOSTS);
            if (!used.contains(candidate)) return candidate;
        }
        throw new InvalidValue(param, "Subnet " + subnet.id + " (" + cidr(subnet) + ") has no free address left.");
    }

    /** Addresses held in the subnet: every NIC's, and every instance's own (one linear pass each). */
    public static Set<String> used(RegionState region, Subnet subnet) {
        Set<String> used = new HashSet<>();
        for (NetworkInterface n : region.networkInterfaces.values()) {
            if (subnet.id.equals(n.subnetId) && n.privateIp != null) used.add(n.privateIp);
        }
        for (Instance i : region.instances.values()) {
            if (subnet.id.equals(i.subnetId) && i.privateIp != null) used.add(i.privateIp);
        }
        return used;
    }

    static String cidr(Subnet subnet) {
        return subnet.cidrBlock();
    }
}
