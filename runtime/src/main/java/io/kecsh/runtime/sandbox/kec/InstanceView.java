package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An instance as DescribeInstances shows it: the Instance data type's members, from the model's names. */
final class InstanceView {
    private InstanceView() {}

    /**
     * The view of one instance, from the instance, its network interfaces, the name of its data-guard
     * group (null when it has none or the group is unnamed), the model and the sandbox's catalogue
     * only: {@link InstanceViews} keeps a view for as long as those are unchanged (the catalogue is
     * fixed for its life), so reading anything else here needs a parameter, and InstanceViews
     * comparing it too.
     */
    static Map<String, Object> of(
            Instance i, List<NetworkInterface> nics, String dataGuardName, Service kec, Catalog catalog) {
        // the sandbox's catalogue, not the 2016 enumeration: it also knows the types sold today (S6, N3)
        Catalog.Type type = catalog.type(i.type).orElseThrow();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("InstanceId", i.id);
        out.put("InstanceName", i.name);
        out.put("ProjectId", i.projectId);
        Map<String, Object> configure = new LinkedHashMap<>();
        configure.put("VCPU", (long) type.vcpu());
        configure.put("GPU", (long) type.gpus());
        configure.put("MemoryGb", (long) type.memoryGb());
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
        // members sdk-go's DescribeInstancesResponse has for parameters RunInstances takes since 2016
        if (i.extra.containsKey("FailureAutoDelete")) out.put("FailureAutoDelete", i.extra.get("FailureAutoDelete"));
        if (i.extra.containsKey("SyncTag")) out.put("SyncTag", i.extra.get("SyncTag"));
        if (i.extra.containsKey("DistributeIpv6")) out.put("IsDistributeIpv6", i.extra.get("DistributeIpv6"));
        out.put("SystemDisk", Map.of("DiskType", i.systemDiskType, "DiskSize", i.systemDiskSize));
        out.put("KeySet", List.copyOf(i.keyIds));
        if (i.hostName != null) out.put("HostName", i.hostName);
        out.put("StoppedMode", i.stoppedMode);
        if (i.autoDeleteTime != null) {
            out.put("AutoDeleteTime", i.autoDeleteTime);
            out.put("AutoDeleteEip", i.autoDeleteEip);
        }
        if (i.spotStrategy != null) out.put("SpotStrategy", i.spotStrategy);
        if (i.spotPriceLimit != null) out.put("SpotPriceLimit", new BigDecimal(i.spotPriceLimit));
        out.put("DataDisks", dataDisks(i));
        out.put("DataGuardSet", dataGuards(i, dataGuardName));
        return out;
    }

    /**
     * The launch's cloud data disks as the live service lists them. The sandbox keeps no disks of its
     * own, so a disk's id is derived from the instance and the disk's place: stable across calls.
     */
    private static List<Object> dataDisks(Instance i) {
        List<Object> out = new ArrayList<>(i.dataDisks.size());
        for (int n = 0; n < i.dataDisks.size(); n++) {
            Map<String, Object> given = i.dataDisks.get(n);
            Map<String, Object> disk = new LinkedHashMap<>();
            disk.put(
                    "DiskId",
                    UUID.nameUUIDFromBytes((i.id + "/data-disk/" + n).getBytes(StandardCharsets.UTF_8))
                            .toString());
            if (given.get("Type") != null) disk.put("DiskType", given.get("Type"));
            if (given.get("Size") != null) disk.put("DiskSize", given.get("Size"));
            disk.put("DeleteWithInstance", given.getOrDefault("DeleteWithInstance", Boolean.TRUE));
            disk.put("Encrypted", Boolean.FALSE);
            out.add(disk);
        }
        return out;
    }

    private static List<Object> dataGuards(Instance i, String dataGuardName) {
        if (i.dataGuardId == null) return List.of();
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("DataGuardId", i.dataGuardId);
        if (dataGuardName != null) group.put("DataGuardName", dataGuardName);
        return List.of(group);
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
            nic.put(
                    "GroupSet",
                    n.securityGroupIds.stream()
                            .map(g -> (Object) Map.of("GroupId", g))
                            .toList());
            nic.put(
                    "SecurityGroupSet",
                    n.securityGroupIds.stream()
                            .map(g -> (Object) Map.of("SecurityGroupId", g))
                            .toList());
            if (n.dns1 != null) nic.put("DNS1", n.dns1);
            if (n.dns2 != null) nic.put("DNS2", n.dns2);
            out.add(nic);
        }
        return out;
    }
}
