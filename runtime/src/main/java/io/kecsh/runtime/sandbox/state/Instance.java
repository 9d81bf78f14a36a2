package io.kecsh.runtime.sandbox.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A KEC instance as the sandbox keeps it: every parameter RunInstances stored, plus its state and
 * any transition under way. Plain data (persisted as JSON). The password is never kept: only
 * whether one was set.
 */
public final class Instance {
    public String id;
    public String name;
    public String hostName;
    public String type;
    public String imageId;
    public String zone;
    public String subnetId;
    public String vpcId;
    public List<String> securityGroupIds = new ArrayList<>();
    public String privateIp;
    public String chargeType;
    public Long purchaseTime;
    public long projectId;
    public List<String> keyIds = new ArrayList<>();
    public String dataGuardId;
    public String modelId;
    public String state;
    public Transition transition;
    /** Set when a transition ends in a second one (rebooting → active). */
    public String afterTransition;

    public String creationDate;
    public String stoppedMode = "KeepCharging";
    public String autoDeleteTime;
    public boolean autoDeleteEip;
    public String monitoring = "enabled";
    public String userData;
    public String systemDiskType;
    public long systemDiskSize;
    public long dataDiskGb;
    public List<Map<String, Object>> dataDisks = new ArrayList<>();
    public boolean sriovNetSupport;
    public String spotStrategy;
    public String spotPriceLimit;
    public boolean passwordSet;
    public boolean keepImageLogin;
    public String recycledAt;
    /** Anything else a handler wants to keep, by parameter name. */
    public Map<String, Object> extra = new LinkedHashMap<>();

    public boolean inState(String... states) {
        for (String s : states) if (s.equals(state)) return true;
        return false;
    }
}
