package io.kecsh.runtime.sandbox.state;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything of one region, keyed by ID in creation order. Each map belongs to one part of the
 * emulator (instances, images, network …); other parts read it to check references.
 */
public final class RegionState {
    public String name;
    /** The seeded default VPC's ID (also in {@link #vpcs}). */
    public String vpcId;

    public Map<String, Vpc> vpcs = new LinkedHashMap<>();
    /** How many instances the account may have here (RunInstances creates at most this many). */
    public int instanceQuota = 10_000;

    public Map<String, Instance> instances = new LinkedHashMap<>();
    public Map<String, Image> images = new LinkedHashMap<>();
    public Map<String, Subnet> subnets = new LinkedHashMap<>();
    public Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
    public Map<String, NetworkInterface> networkInterfaces = new LinkedHashMap<>();
    /** Local-volume snapshots, launch templates, data-guard groups: owned by their handlers. */
    public Map<String, Map<String, Object>> snapshots = new LinkedHashMap<>();

    public Map<String, Map<String, Object>> templates = new LinkedHashMap<>();
    public Map<String, Map<String, Object>> dataGuardGroups = new LinkedHashMap<>();
    /**
     * The seed's first subnet and the default VPC's group: a handle for tests. Nothing outside tests reads
     * them: the DSL picks its defaults from DescribeSubnets and DescribeSecurityGroups, as on a real cloud.
     */
    public String defaultSubnetId;

    public String defaultSecurityGroupId;

    /**
     * Not persisted: what the last settling pass over the instances found (kec's InstanceStates),
     * so that a call when nothing is due skips the pass: no transition or auto-delete is due
     * before {@code nothingDueBefore} (epoch millis) while the state's change stamp is still
     * {@code settledAtStamp} and there are {@code settledCount} instances.
     */
    public transient long nothingDueBefore = Long.MIN_VALUE;

    public transient long settledAtStamp = -1;
    public transient int settledCount = -1;

    /** Not persisted: the instances by project, as describes without filters list them (kept through the ChangeSet). */
    private final transient InstancesByProject byProject = new InstancesByProject(this);

    public RegionState() {}

    public RegionState(String name) {
        this.name = name;
    }

    public InstancesByProject byProject() {
        return byProject;
    }

    /** Instances not in the recycle bin or gone. */
    public long liveInstances() {
        return instances.values().stream()
                .filter(i -> !i.inState("recycling", "deleted"))
                .count();
    }
}
