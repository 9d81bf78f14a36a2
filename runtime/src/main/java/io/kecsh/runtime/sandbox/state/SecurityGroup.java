package io.kecsh.runtime.sandbox.state;

/** A security group of one VPC (seeded: the VPC's default group; DescribeSecurityGroups lists it). */
public final class SecurityGroup {
    public String id;
    public String name;
    public String vpcId;
    /** {@code default} for a VPC's own group, {@code other} for any other. */
    public String type = "other";
    /** ISO-8601 instant (UTC); null in state files written before DescribeSecurityGroups existed. */
    public String createTime;
}
