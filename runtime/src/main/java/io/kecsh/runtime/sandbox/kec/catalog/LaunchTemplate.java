package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CreateModel call turned into a stored template, after the checks the validator cannot make
 * (everything named exists, the type is sold in the subnet's zone, the login works with the image).
 * The entry holds the ModelSet members DescribeModels shows and, under {@link #PARAMS}, the call's
 * typed parameters for RunInstances (typed as RunInstances types them) — except the password, which the sandbox never keeps: a
 * template made with one has {@link #PASSWORD_KEPT_OUT} in its place, so "a password was set"
 * survives without the secret.
 */
final class LaunchTemplate {
    /** The key of the CreateModel parameters in a stored template (read by RunInstances). */
    static final String PARAMS = "params";

    static final String PASSWORD_KEPT_OUT = "****";
    /** CreateModel parameters DescribeModels shows under the same name (ModelSet members). */
    private static final List<String> SHOWN_AS_GIVEN = List.of(
            "ImageId",
            "SystemDisk",
            "DataDiskGb",
            "SubnetId",
            "ChargeType",
            "PurchaseTime",
            "PrivateIpAddress",
            "InstanceName",
            "ProjectId",
            "DataGuardId",
            "KeyId",
            "AddressBandWidth",
            "AddressChargeType",
            "AddressPurchaseTime",
            "AddressProjectId");

    private final SandboxRequest request;
    private final SandboxState state;
    private final RegionState region;
    private final Catalog catalog;

    LaunchTemplate(SandboxRequest request, SandboxState state, RegionState region, Catalog catalog) {
        this.request = request;
        this.state = state;
        this.region = region;
        this.catalog = catalog;
    }

    /** What DescribeModels shows of a stored template: everything but its parameters. */
    static Map<String, Object> view(Map<String, Object> template) {
        Map<String, Object> out = new LinkedHashMap<>(template);
        out.remove(PARAMS);
        return out;
    }

    Map<String, Object> build() {
        Image image = image();
        Subnet subnet = subnet();
        securityGroup(subnet);
        String type = Params.stringOrDefault(request, "InstanceType");
        checkType(type, subnet.zone);
        checkPurchaseTime();
        checkLogin(image);
        checkSystemDisk(image);
        request.string("PrivateIpAddress").ifPresent(ip -> {
            if (!ip.startsWith(subnet.prefix + ".")) {
                throw new InvalidValue(
                        "PrivateIpAddress", ip + " is not in subnet " + subnet.id + " (" + subnet.prefix + ".0/24).");
            }
        });
        request.string("DataGuardId").ifPresent(id -> {
            if (!region.dataGuardGroups.containsKey(id)) {
                throw new InvalidValue(
                        "DataGuardId", "There is no data-guard group " + id + " in " + region.name + ".");
            }
        });

        String now = BeijingTime.nowText(state.clock());
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("ModelId", state.ids.uuid());
        t.put("ModelName", request.requireString("ModelName"));
        t.put("CreateTime", now);
        t.put("ModifiedTime", now);
        t.put("AvailabilityZone", subnet.zone);
        t.put(
                "AvailabilityZoneName",
                catalog.zone(subnet.zone).map(Catalog.Zone::zh).orElse(subnet.zone));
        t.put("InstanceType", type);
        t.put("KeepImageLogin", request.flag("KeepImageLogin"));
        t.put("SriovNetSupport", request.flag("SriovNetSupport"));
        t.put("ProjectId", Params.numberOrDefault(request, "ProjectId"));
        // ModelSet has one SecurityGroupId: the first of the groups the template binds
        t.put("SecurityGroupId", request.strings("SecurityGroupId").get(0));
        for (String name : SHOWN_AS_GIVEN) {
            if (request.has(name) && !t.containsKey(name))
                t.put(name, request.params().get(name));
        }
        if (request.has("DataDisk")) {
            List<Object> disks = new ArrayList<>();
            for (Object d : request.list("DataDisk")) {
                Map<?, ?> disk = (Map<?, ?>) d;
                Map<String, Object> shown = new LinkedHashMap<>();
                shown.put("Type", disk.get("Type"));
                shown.put("Size", disk.get("Size"));
                shown.put("DeleteWithInstance", Boolean.TRUE.equals(disk.get("DeleteWithInstance")));
                disks.add(shown);
            }
            t.put("DataDiskSet", disks);
        }
        t.put(PARAMS, paramsForRunInstances());
        return t;
    }

    /**
     * The call's parameters typed as RunInstances takes them, where the two actions type one
     * differently (CreateModel's InstanceNameSuffix is text, RunInstances' a number; CreateModel's
     * KeyId is one key, RunInstances' a list), so RunInstances can lay its own over them.
     */
    private Map<String, Object> paramsForRunInstances() {
        Operation run = request.service().operation("RunInstances").orElseThrow();
        Map<String, Object> params = new LinkedHashMap<>();
        request.params().forEach((name, value) -> {
            if (name.equals("DryRun")) return;
            Member target = run.param(name).orElse(null);
            MemberType given = request.operation().param(name).map(Member::type).orElse(null);
            if (target == null || given == null || target.type() == given) {
                params.put(name, value);
            } else if (target.type() == MemberType.LIST) {
                params.put(name, List.of(value));
            } else if ((target.type() == MemberType.INTEGER || target.type() == MemberType.LONG)
                    && given == MemberType.STRING) {
                params.put(name, Long.parseLong(value.toString()));
            } else {
                params.put(name, value);
            }
        });
        params.computeIfPresent("InstancePassword", (k, v) -> PASSWORD_KEPT_OUT);
        return params;
    }

    private Image image() {
        return Params.image(request, region);
    }

    private Subnet subnet() {
        String id = request.requireString("SubnetId");
        Subnet subnet = region.subnets.get(id);
        if (subnet == null) throw new InvalidValue("SubnetId", "There is no subnet " + id + " in " + region.name + ".");
        return subnet;
    }

    /** One group or several (SecurityGroupId.N), each existing and in the subnet's VPC. */
    private void securityGroup(Subnet subnet) {
        List<String> ids = request.strings("SecurityGroupId");
        for (int k = 0; k < ids.size(); k++) {
            String id = ids.get(k);
            String name = "SecurityGroupId." + (k + 1);
            SecurityGroup group = region.securityGroups.get(id);
            if (group == null)
                throw new InvalidValue(name, "There is no security group " + id + " in " + region.name + ".");
            if (!group.vpcId.equals(subnet.vpcId)) {
                throw new InvalidValue(name, "The security group is in another VPC than subnet " + subnet.id + ".");
            }
        }
    }

    /** The type must be sold in the subnet's zone; enhanced networking only where and when offered. */
    private void checkType(String type, String zone) {
        Catalog.Type t = catalog.type(type).orElseThrow();
        if (!t.family().offeredIn(zone)) {
            throw new InvalidValue(
                    "InstanceType",
                    type + " is not sold in " + zone + " (DescribeInstanceTypeConfigs lists where it is).");
        }
        if (request.flag("SriovNetSupport")) {
            Catalog.Enhanced e = t.family().enhanced();
            if (!t.sriovNetSupport() || !e.zones().contains(zone)) {
                throw new InvalidValue(
                        "SriovNetSupport", "Enhanced networking is not offered for " + type + " in " + zone + ".");
            }
        }
    }

    /** "当计费类型为Monthly（包年包月）时，有效值1-36": the validator lets 0 through for Monthly (decision item 31). */
    private void checkPurchaseTime() {
        if ("Monthly".equals(request.requireString("ChargeType"))
                && request.number("PurchaseTime").orElse(0L) < 1) {
            throw new InvalidValue("PurchaseTime", "A Monthly template needs a PurchaseTime of 1 to 36 months.");
        }
    }

    /** KeyId must exist and is not for other-linux images; KeepImageLogin is for custom images only. */
    private void checkLogin(Image image) {
        request.string("KeyId").ifPresent(key -> {
            if (!state.keys.containsKey(key)) throw new InvalidValue("KeyId", "There is no key " + key + ".");
            if ("other-linux".equalsIgnoreCase(image.platform)) {
                throw new InvalidValue("KeyId", "other-linux images do not support key login.");
            }
        });
        if (request.flag("KeepImageLogin") && image.isPublic) {
            throw new InvalidValue(
                    "KeepImageLogin",
                    "KeepImageLogin applies only to custom images; " + image.id + " is a public image.");
        }
    }

    /** A system disk cannot be smaller than its image (the SystemDisk table: "如果镜像大小超过…则取镜像大小"). */
    private void checkSystemDisk(Image image) {
        request.structure("SystemDisk").map(d -> d.get("DiskSize")).ifPresent(size -> {
            if (((Number) size).longValue() < image.sizeGb) {
                throw new InvalidValue(
                        "SystemDisk.DiskSize",
                        "The image " + image.id + " needs a system disk of at least " + image.sizeGb + " GB.");
            }
        });
    }
}
