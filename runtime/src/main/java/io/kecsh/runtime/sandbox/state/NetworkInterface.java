package io.kecsh.runtime.sandbox.state;

import java.util.ArrayList;
import java.util.List;

/**
 * A network interface: an instance's primary NIC, a secondary NIC added with
 * AttachNetworkInterface, or an elastic NIC (ENI, created in vpc) that may be attached to one
 * instance at a time. DNS1/DNS2 null mean the VPC's defaults; a non-primary NIC's DNS follows its
 * instance's primary NIC.
 */
public final class NetworkInterface {
    public String id;
    /** primary | extension */
    public String type;

    public boolean elastic;
    public String instanceId;
    public String subnetId;
    public String vpcId;
    public String zone;
    public List<String> securityGroupIds = new ArrayList<>();
    public String privateIp;
    public String mac;
    public String dns1;
    public String dns2;
    /** Creating | Available | Attaching | InUse | Deleting (the sandbox shows Available, Attaching, InUse). */
    public String status;
    /** Attaching → InUse while an attachment is under way. */
    public Transition transition;
    /** ISO-8601 instant (UTC); DescribeNetworkInterfaces shows it in Beijing time. */
    public String creationTime;
    /** CreateNetworkInterface's NetworkInterfaceName (sdk-go), or null. */
    public String name;
}
