package io.kecsh.runtime.sandbox.state;

/** A VPC subnet (seeded per zone; the KEC documents only refer to subnets by ID). */
public final class Subnet {
    public String id;
    public String name;
    public String vpcId;
    public String zone;
    /** The first three octets; addresses are handed out from .10 up. */
    public String prefix;
    public int nextHost = 10;
}
