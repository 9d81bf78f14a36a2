package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An instance as DescribeInstances shows it: the Instance data type's members, from the model's names. */
final class InstanceView {
    private InstanceView() {
    }

    /**
     * The view of one instance, from the instance, its network interfaces and the model only:
     * {@link InstanceViews} keeps a view for as long as those three are unchanged, so reading
     * anything else here needs a parameter, and InstanceViews comparing it too.
     */
    static Map<String, Object> of(Instance i, List<NetworkInterface> nics, Service kec) {
        EnumValue type = kec.requireEnum("InstanceType").find(i.type).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("InstanceId", i.id);
        out.put("InstanceName", i.name);
        out.put("ProjectId", i.projectId);
        Map<String, Object> configure = new LinkedHashMap<>();
        configure.put("VCPU", type.attr("vcpu").orElse(0L));
        configure.put("GPU", type.attr("gpus").orElse(0L));
        configure.put("MemoryGb", type.attr("memoryGb").orElse(0L));
        configure.put("DataDiskGb", i.dataDiskGb);
        configure.put("RootDiskGb", i.systemDiskSize);
        configure.put("DataDiskType", "SSD");
        out.put("InstanceConfigure", configure);
        out.put("ImageId", i.imageId);
        out.put("InstanceType", i.type);
        out.put("InstanceState", Map.of("Name", i.state));
        out.put("SubnetId", i.subnetId);
        out.put("VpcId", i.vpcId);
        out.put("PrivateIpAddress", i.privateIp);
        out.put("Monitoring", Map.of("State", i.monitoring));
        out.put("NetworkInterfaceSet", nics(nics));
        out.put("SriovNetSupport", i.sriovNetSupport);
        out.put("IsShowSriovNetSupport", false);
        out.put("CreationDate", i.creationDate);
        out.put("AvailabilityZone", i.zone);
        kec.requireEnum("AvailabilityZone").find(i.zone).ifPresent(z -> out.put("AvailabilityZoneName", z.zh()));
        out.put("ChargeType", i.chargeType);
        out.put("SystemDisk", Map.of("DiskType", i.systemDiskType, "DiskSize", i.systemDiskSize));
        out.put("KeySet", List.copyOf(i.keyIds));
        if (i.hostName != null) out.put("HostName", i.hostName);
        out.put("StoppedMode", i.stoppedMode);
        if (i.autoDeleteTime != null) {
            out.put("AutoDeleteTime", i.autoDeleteTime);
            out.put("AutoDeleteEip", i.autoDeleteEip);
        }
        if (i.spotStrategy != null) out.put("SpotStrategy", i.spotStrategy);
        if (i.spotPriceLimit != null) out.put("SpotPriceLimit", new java.math.BigDecimal(i.spotPriceLimit));
        return out;
    }

    private static List<Object> nics(List<NetworkInterface> nics) {
        List<Object> out = new ArrayList<>();
        for (NetworkInterface n : nics) {
            Map<String, Object> nic = new LinkedHashMap<>();
            nic.put("NetworkInterfaceId", n.id);
            nic.put("NetworkInterfaceType", n.type);
            nic.put("VpcId", n.vpcId);
            nic.put("SubnetId", n.subnetId);
            nic.put("MacAddress", n.mac);
            nic.put("PrivateIpAddress", n.privateIp);
            nic.put("GroupSet", n.securityGroupIds.stream().map(g -> (Object) Map.of("GroupId", g)).toList());
            nic.put("SecurityGroupSet", n.securityGroupIds.stream().map(g -> (Object) Map.of("SecurityGroupId", g)).toList());
            if (n.dns1 != null) nic.put("DNS1", n.dns1);
            if (n.dns2 != null) nic.put("DNS2", n.dns2);
            out.add(nic);
        }
        return out;
    }
}
