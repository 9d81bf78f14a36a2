package io.kecsh.runtime.sandbox.state;

/** A VPC subnet in one availability zone (seeded one per zone; DescribeSubnets lists them). */
public final class Subnet {
    public String id;
    public String name;
    public String vpcId;
    public String zone;
    /** The first two octets: a /16, room for 10,000 instances and more. */
    public String prefix;

    public int nextHost = 8;
    /** ISO-8601 instant (UTC); null in state files written before DescribeSubnets existed. */
    public String createTime;

    /** The subnet's block: a /16 of the VPC's 10.0.0.0/8. */
    public String cidrBlock() {
        return prefix + ".0.0/16";
    }

    /** The n-th host address of the subnet: 10.Z.0.10 … 10.Z.0.251, 10.Z.1.2 … */
    public String address(int host) {
        return prefix + "." + (host / 250) + "." + (host % 250 + 2);
    }
}
