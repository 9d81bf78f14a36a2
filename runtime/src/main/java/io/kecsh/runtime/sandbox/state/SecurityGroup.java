package io.kecsh.runtime.sandbox.state;

/** A security group (seeded; referred to by ID). */
public final class SecurityGroup {
    public String id;
    public String name;
    public String vpcId;
}
