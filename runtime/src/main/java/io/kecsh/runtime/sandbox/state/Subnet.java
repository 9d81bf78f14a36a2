package io.kecsh.runtime.sandbox.state;

/** A VPC subnet (seeded per zone; the KEC documents only refer to subnets by ID). */
public final class Subnet {
    public String id;
    public String name;
    public String vpcId;
    public String zone;
    /** The first two octets: a /16, room for 10,000 instances and more. */
    public String prefix;
    public int nextHost = 8;

    /** The n-th host address of the subnet: 10.Z.0.10 … 10.Z.0.251, 10.Z.1.2 … */
    public String address(int host) {
        return prefix + "." + (host / 250) + "." + (host % 250 + 2);
    }
}
