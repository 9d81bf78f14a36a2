package io.kecsh.runtime.sandbox.state;

/** A VPC of one region (the seed makes one default VPC a region; its subnets are /16s of 10.0.0.0/8). */
public final class Vpc {
    public String id;
    public String name;
    public String cidrBlock;
    public boolean isDefault;
    /** ISO-8601 instant (UTC). */
    public String createTime;
}
