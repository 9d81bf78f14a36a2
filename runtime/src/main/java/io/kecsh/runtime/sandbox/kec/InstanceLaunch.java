package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.kec.catalog.DataGuardGroups;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import io.kecsh.runtime.sandbox.vpc.SubnetAddresses;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * RunInstances' state logic, part of the {@link Instances} backend: as many instances as MaxCount
 * asks, the region's remaining quota and the per-call 50 allow — unless that is fewer than
 * MinCount, then none (L680–L700). Every parameter is kept and shown back by DescribeInstances;
 * names and host names number their suffixes; a launch template (ModelId) supplies what the call
 * leaves out. It reads the call's parameters as the API names them (they are what it stores), and
 * refuses with {@link InvalidValue} naming the parameter.
 */
final class InstanceLaunch {
    private static final Set<String> TEMPLATE_NOT_INHERITED = Set.of("ModelName", "MaxCount", "MinCount");
    /**
     * Parameters kept on the instance as given: the EIP's, and those added since 2016 (sdk-go's
     * RunInstancesRequest) that DescribeInstances echoes (FailureAutoDelete, SyncTag,
     * DistributeIpv6 as IsDistributeIpv6) or that a later call may read.
     */
    private static final List<String> KEPT_AS_GIVEN = List.of(
            "AddressBandWidth",
            "LineId",
            "AddressChargeType",
            "AddressPurchaseTime",
            "AddressProjectId",
            "BandWidthShareId",
            "DedicatedHostId",
            "FailureAutoDelete",
            "SyncTag",
            "DistributeIpv6",
            "IamRoleName",
            "IsProtect",
            "Tag");

    private final SandboxState state;
    private final RegionState region;
    private final Catalog catalog;

    InstanceLaunch(SandboxState state, RegionState region, Catalog catalog) {
        this.state = state;
        this.region = region;
        this.catalog = catalog;
    }

    /** The instances created, in order, each building and with its primary NIC. */
    List<Instance> launch(Map<String, Object> given) {
        Map<String, Object> params = withTemplate(given);
        Image image = region.images.get(params.get("ImageId").toString());
        if (image == null || !"active".equalsIgnoreCase(image.state)) {
            throw new InvalidValue(
                    "ImageId",
                    image == null
                            ? "There is no image " + params.get("ImageId") + " in " + region.name + "."
                            : "The image is " + image.state + ", not active.");
        }
        Subnet subnet = region.subnets.get(params.get("SubnetId").toString());
        if (subnet == null)
            throw new InvalidValue(
                    "SubnetId", "There is no subnet " + params.get("SubnetId") + " in " + region.name + ".");
        List<String> groups = securityGroups(subnet, params);
        for (Object key : list(params, "KeyId")) {
            if (!state.keys.containsKey(key.toString()))
                throw new InvalidValue("KeyId", "There is no key " + key + ".");
        }
        int count = count(params);
        if (params.containsKey("DataGuardId"))
            checkDataGuard(params.get("DataGuardId").toString(), count);
        String ipGiven = (String) params.get("PrivateIpAddress");
        if (ipGiven != null) {
            if (count > 1)
                throw new InvalidValue("PrivateIpAddress", "One address cannot be given to " + count + " instances.");
            SubnetAddresses.claim(region, subnet, "PrivateIpAddress", ipGiven);
        }
        String type = (String) params.getOrDefault("InstanceType", "I1.1A");
        Catalog.Type typeSpec = catalog.type(type).orElseThrow();
        if (!typeSpec.family().offeredIn(subnet.zone)) {
            throw new InvalidValue(
                    "InstanceType",
                    type + " is not sold in " + subnet.zone + " (the subnet's zone); "
                            + typeSpec.family().code() + " is offered in "
                            + String.join(", ", typeSpec.family().zones()) + ".");
        }
        Map<String, Object> systemDisk = structure(params, "SystemDisk");
        List<Instance> created = new ArrayList<>(count);
        Set<String> usedAddresses = SubnetAddresses.used(region, subnet);
        String now = state.clock().instant().truncatedTo(ChronoUnit.SECONDS).toString();
        long nameSuffix = number(params, "InstanceNameSuffix", -1);
        long hostSuffix = number(params, "HostNameSuffix", -1);
        for (int n = 0; n < count; n++) {
            Instance i = new Instance();
            i.id = state.ids.uuid();
            i.name = name((String) params.get("InstanceName"), nameSuffix, n);
            i.hostName = params.get("HostName") == null
                    ? null
                    : hostSuffix >= 0 || count > 1
                            ? params.get("HostName") + "-" + ((hostSuffix >= 0 ? hostSuffix : 1) + n)
                            : params.get("HostName").toString();
            i.type = type;
            i.imageId = image.id;
            i.zone = subnet.zone;
            i.subnetId = subnet.id;
            i.vpcId = subnet.vpcId;
            i.securityGroupIds = new ArrayList<>(groups);
            i.privateIp = ipGiven != null ? ipGiven : SubnetAddresses.allocate(subnet, "SubnetId", usedAddresses);
            usedAddresses.add(i.privateIp);
            i.chargeType = params.get("ChargeType").toString();
            i.purchaseTime =
                    params.containsKey("PurchaseTime") ? ((Number) params.get("PurchaseTime")).longValue() : null;
            i.projectId = number(params, "ProjectId", 0);
            i.keyIds = new ArrayList<>(
                    list(params, "KeyId").stream().map(Object::toString).toList());
            i.dataGuardId = (String) params.get("DataGuardId");
            i.modelId = (String) params.get("ModelId");
            i.creationDate = now;
            i.systemDiskType = systemDisk.containsKey("DiskType")
                    ? systemDisk.get("DiskType").toString()
                    : typeSpec.family().systemDisks().get(0);
            i.systemDiskSize = systemDisk.containsKey("DiskSize")
                    ? ((Number) systemDisk.get("DiskSize")).longValue()
                    : Math.max(image.sizeGb, image.platform != null && image.platform.startsWith("windows") ? 50 : 20);
            i.dataDiskGb = number(params, "DataDiskGb", 0);
            for (Object d : list(params, "DataDisk")) i.dataDisks.add(new LinkedHashMap<>(castMap(d)));
            i.sriovNetSupport = Boolean.TRUE.equals(params.get("SriovNetSupport"));
            i.spotStrategy =
                    "Spot".equals(i.chargeType) ? (String) params.getOrDefault("SpotStrategy", "SpotAsPriceGo") : null;
            i.spotPriceLimit = params.containsKey("SpotPriceLimit")
                    ? params.get("SpotPriceLimit").toString()
                    : null;
            i.passwordSet = params.containsKey("InstancePassword");
            i.keepImageLogin = Boolean.TRUE.equals(params.get("KeepImageLogin"));
            i.autoDeleteTime = (String) params.get("AutoDeleteTime");
            i.autoDeleteEip = Boolean.TRUE.equals(params.get("AutoDeleteEip"));
            i.userData = (String) params.get("UserData");
            i.stoppedMode = "KeepCharging";
            for (String kept : KEPT_AS_GIVEN) {
                if (params.containsKey(kept)) i.extra.put(kept, params.get(kept));
            }
            InstanceStates.begin(i, "building", "active", state.clock());
            region.instances.put(i.id, i);
            NetworkInterface nic = primaryNic(i, subnet);
            region.networkInterfaces.put(nic.id, nic);
            state.changes().instance(region, i.id);
            state.changes().nic(region, nic.id);
            created.add(i);
        }
        return created;
    }

    /** The group must exist and have room for every instance of the call (10 a group, as the samples show). */
    private void checkDataGuard(String groupId, int count) {
        Map<String, Object> group = region.dataGuardGroups.get(groupId);
        if (group == null) throw new InvalidValue("DataGuardId", "There is no data-guard group " + groupId + ".");
        int room = DataGuardGroups.capacity(group)
                - DataGuardGroups.members(region, groupId).size();
        if (count > room) {
            throw new InvalidValue(
                    "DataGuardId",
                    "The data-guard group has room for " + room + " more instance" + (room == 1 ? "" : "s") + ", not "
                            + count + ".");
        }
    }

    /** The launch template's parameters under the call's own (ModelId: "create from a template"). */
    private Map<String, Object> withTemplate(Map<String, Object> given) {
        Map<String, Object> params = new LinkedHashMap<>();
        Optional.ofNullable(given.get("ModelId")).map(Object::toString).ifPresent(id -> {
            Map<String, Object> template = region.templates.get(id);
            if (template == null) throw new InvalidValue("ModelId", "There is no launch template " + id + ".");
            Object stored = template.get("params");
            if (stored instanceof Map<?, ?> m) {
                m.forEach((k, v) -> {
                    if (!TEMPLATE_NOT_INHERITED.contains(k.toString())) params.put(k.toString(), v);
                });
            }
        });
        params.putAll(given);
        return params;
    }

    /** MaxCount within the quota and 50; fewer than MinCount means none at all. */
    private int count(Map<String, Object> params) {
        long max = ((Number) params.get("MaxCount")).longValue();
        long min = ((Number) params.get("MinCount")).longValue();
        long room = Math.max(0, region.instanceQuota - region.liveInstances());
        long n = Math.min(Math.min(max, room), 50);
        if (n < min) {
            throw new InvalidValue(
                    "MinCount",
                    "The region's instance quota leaves room for " + room + " more instance" + (room == 1 ? "" : "s")
                            + ", fewer than MinCount " + min + "; nothing was created.");
        }
        return (int) n;
    }

    private NetworkInterface primaryNic(Instance i, Subnet subnet) {
        NetworkInterface nic = new NetworkInterface();
        nic.id = state.ids.uuid();
        nic.type = "primary";
        nic.instanceId = i.id;
        nic.subnetId = subnet.id;
        nic.vpcId = subnet.vpcId;
        nic.zone = subnet.zone;
        nic.securityGroupIds = new ArrayList<>(i.securityGroupIds);
        nic.privateIp = i.privateIp;
        nic.mac = mac(nic.id);
        nic.status = "InUse";
        nic.creationTime = i.creationDate;
        return nic;
    }

    static String mac(String id) {
        Random r = new Random(id.hashCode());
        return String.format("fa:16:3e:%02x:%02x:%02x", r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    /** KSC-IN-XXXXXXXXXX when no name is given; name-N, name-N+1 … with a suffix (L760–L770). */
    private String name(String given, long suffix, int n) {
        if (given == null) {
            String id = state.ids.uuid().replace("-", "").toUpperCase(Locale.ROOT);
            return "KSC-IN-" + id.substring(0, 10);
        }
        if (suffix >= 0) return given + "-" + (suffix + n);
        return given;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    private static Map<String, Object> structure(Map<String, Object> params, String name) {
        Object v = params.get(name);
        return v == null ? Map.of() : castMap(v);
    }

    /**
     * The security groups of the primary interface: one (SecurityGroupId=, the 2016 form) or
     * several (SecurityGroupId.N), each existing and in the subnet's VPC. A template stored before
     * the list form holds a single id, read as a list of one.
     */
    private List<String> securityGroups(Subnet subnet, Map<String, Object> params) {
        Object given = params.get("SecurityGroupId");
        List<?> ids = given instanceof List<?> l ? l : List.of(given);
        List<String> out = new ArrayList<>();
        for (int k = 0; k < ids.size(); k++) {
            String id = String.valueOf(ids.get(k));
            String name = "SecurityGroupId." + (k + 1);
            SecurityGroup group = region.securityGroups.get(id);
            if (group == null) throw new InvalidValue(name, "There is no security group " + id + ".");
            if (!group.vpcId.equals(subnet.vpcId))
                throw new InvalidValue(name, "The security group is in another VPC than the subnet.");
            if (!out.contains(id)) out.add(id);
        }
        return out;
    }

    private static List<Object> list(Map<String, Object> params, String name) {
        Object v = params.get(name);
        return v instanceof List<?> l ? new ArrayList<>(l) : List.of();
    }

    private static long number(Map<String, Object> params, String name, long fallback) {
        Object v = params.get(name);
        return v == null ? fallback : ((Number) v).longValue();
    }
}
