package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One operator's day against one sandbox, through the real client: every modelled action, in an
 * order that makes sense (keys before instances, instances before images and snapshots …). It
 * proves all 62 are emulated, and writes the coverage table in docs/sandbox-coverage.md — the
 * committed table must match, so the document cannot drift from the code
 * (regenerate with {@code -Dkecsh.writeDocs=true}).
 */
class SandboxTourTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final Set<String> succeeded = new LinkedHashSet<>();

    @Test
    void everyModelledAction_isEmulated_andTheCoverageTableSaysSo() throws IOException {
        try (SandboxFixture f = new SandboxFixture()) {
            tour(f);
        }
        List<String> all =
                MODEL.operations().stream().map(Operation::name).sorted().toList();
        assertEquals(all, succeeded.stream().sorted().toList(), "every action answered success in the tour");
        String table = coverageTable();
        Path doc = repositoryRoot().resolve("docs/sandbox-coverage.md");
        if (Boolean.getBoolean("kecsh.writeDocs")) Files.writeString(doc, table);
        assertEquals(
                table,
                Files.readString(doc),
                "docs/sandbox-coverage.md is stale: run the tests with -Dkecsh.writeDocs=true");
        assertTrue(table.contains("| **63/63** |"), table);
    }

    private Response call(SandboxFixture f, String action, Map<String, ?> params) {
        Response r = f.client.call(action, params);
        succeeded.add(action);
        return r;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> r, String key) {
        return (List<Map<String, Object>>) r.get(key);
    }

    /** Every modelled action once, in a sensible order (package-private: other tests look at its answers). */
    void tour(SandboxFixture f) {
        RegionState region = f.sandbox.state().region("cn-beijing-6");
        String image = region.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform) && i.isPublic)
                .findFirst()
                .orElseThrow()
                .id;
        String subnet = region.defaultSubnetId;
        String group = region.defaultSecurityGroupId;
        Duration step = Duration.ofSeconds(30);

        // the catalogue
        call(f, "DescribeRegions", Map.of());
        call(f, "DescribeAvailabilityZones", Map.of());
        call(f, "DescribeInstanceFamilies", Map.of());
        call(
                f,
                "DescribeInstanceTypeConfigs",
                Map.of("Filter", List.of(Map.of("Name", "instance-family", "Value", List.of("S4")))));
        call(f, "DescribePrice", Map.of("InstanceType", "S4.2B", "ImageId", image));
        call(f, "DescribeSpotPriceHistory", Map.of("InstanceType", "N3.2B", "AvailabilityZone", "cn-beijing-6a"));
        call(f, "QueryImageList", Map.of("Region", "cn-beijing-6"));

        // keys, a template and a data-guard group
        Map<String, Object> key = call(f, "CreateKey", Map.of("KeyName", "ops"));
        String keyId = (String) ((Map<?, ?>) key.get("Key")).get("KeyId");
        String publicKey = (String) ((Map<?, ?>) key.get("Key")).get("PublicKey");
        String imported =
                (String) ((Map<?, ?>) call(f, "ImportKey", Map.of("KeyName", "laptop", "PublicKey", publicKey))
                                .get("Key"))
                        .get("KeyId");
        call(
                f,
                "CreateModel",
                Map.of(
                        "ImageId",
                        image,
                        "SubnetId",
                        subnet,
                        "SecurityGroupId",
                        group,
                        "ChargeType",
                        "Daily",
                        "PurchaseTime",
                        0,
                        "ModelName",
                        "web-template",
                        "InstanceType",
                        "S4.2B",
                        "KeepImageLogin",
                        false,
                        "InstancePassword",
                        "Passw0rd!x"));
        String model = (String)
                list(call(f, "DescribeModels", Map.of()), "ModelSet").get(0).get("ModelId");
        String guard = (String)
                call(f, "CreateDataGuardGroup", Map.of("DataGuardName", "db")).get("DataGuardId");

        // instances: one on cloud disks from the template, one with a local SSD for snapshots
        String web = (String) list(
                        call(
                                f,
                                "RunInstances",
                                Map.of(
                                        "ModelId",
                                        model,
                                        "ImageId",
                                        image,
                                        "SubnetId",
                                        subnet,
                                        "SecurityGroupId",
                                        group,
                                        "MinCount",
                                        1,
                                        "MaxCount",
                                        1,
                                        "ChargeType",
                                        "Daily",
                                        "KeyId",
                                        List.of(keyId))),
                        "InstancesSet")
                .get(0)
                .get("InstanceId");
        String local = (String) list(
                        f.client.call(
                                "RunInstances",
                                Map.of(
                                        "ImageId",
                                        image,
                                        "SubnetId",
                                        subnet,
                                        "SecurityGroupId",
                                        group,
                                        "MinCount",
                                        1,
                                        "MaxCount",
                                        1,
                                        "ChargeType",
                                        "Daily",
                                        "InstanceType",
                                        "I1.2B")),
                        "InstancesSet")
                .get(0)
                .get("InstanceId");
        f.sandbox.clock().advance(step);
        call(f, "DescribeInstances", Map.of());
        call(f, "ListTagsByResourceIds", Map.of("ResourceType", "instance", "ResourceUuids", web));
        call(f, "MonitorInstances", Map.of("InstanceId", List.of(web)));
        call(f, "UnmonitorInstances", Map.of("InstanceId", List.of(web)));
        call(f, "DescribeInstanceVnc", Map.of("InstanceId", web));
        call(f, "RebootInstances", Map.of("InstanceId", List.of(web)));
        f.sandbox.clock().advance(step);
        call(f, "ModifyInstanceAttribute", Map.of("InstanceId", web, "InstanceName", "web-1"));
        String tomorrow = LocalDateTime.ofInstant(f.sandbox.clock().instant(), ZoneOffset.ofHours(8))
                .plusDays(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        call(f, "ModifyInstanceAutoDeleteTime", Map.of("InstanceId", List.of(web), "AutoDeleteTime", tomorrow));
        call(f, "AttachKey", Map.of("InstanceId", List.of(web), "KeyId", List.of(imported)));
        call(f, "DetachKey", Map.of("InstanceId", List.of(web), "KeyId", List.of(imported)));
        call(f, "AddVmIntoDataGuard", Map.of("DataGuardId", guard, "InstanceId", List.of(web)));
        call(f, "DescribeDataGuardGroup", Map.of());
        call(f, "DescribeDataGuardCapacity", Map.of());
        call(f, "ModifyDataGuardGroups", Map.of("DataGuardId", guard, "DataGuardName", "db-main"));
        call(f, "RemoveVmFromDataGuard", Map.of("DataGuardId", guard, "InstanceId", List.of(web)));
        call(f, "DeleteDataGuardGroups", Map.of("DataGuardId", List.of(guard)));

        // network interfaces: an elastic one attached and detached, a secondary one added and removed
        String eni = (String)
                call(f, "CreateNetworkInterface", Map.of("SubnetId", subnet, "SecurityGroupId", List.of(group)))
                        .get("NetworkInterfaceId");
        call(f, "AttachNetworkInterface", Map.of("InstanceId", web, "NetworkInterfaceId", eni));
        f.sandbox.clock().advance(step);
        call(f, "DescribeNetworkInterfaces", Map.of());
        call(f, "DescribeVpcs", Map.of());
        call(
                f,
                "DescribeSubnets",
                Map.of("Filter", List.of(Map.of("Name", "availability-zone-name", "Value", List.of("cn-beijing-6a")))));
        call(f, "DescribeSecurityGroups", Map.of("MaxResults", 5));
        call(f, "DescribeKeys", Map.of("Filter", List.of(Map.of("Name", "key-name", "Value", List.of("laptop")))));
        String primary = region.networkInterfaces.values().stream()
                .filter(n -> web.equals(n.instanceId) && "primary".equals(n.type))
                .findFirst()
                .orElseThrow()
                .id;
        call(
                f,
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        web,
                        "NetworkInterfaceId",
                        primary,
                        "SecurityGroupId",
                        List.of(group),
                        "SubnetId",
                        subnet,
                        "DNS1",
                        "114.114.114.114"));
        call(f, "DetachNetworkInterface", Map.of("InstanceId", web, "NetworkInterfaceId", eni));
        f.sandbox.clock().advance(step);
        call(f, "DeleteNetworkInterface", Map.of("NetworkInterfaceId", eni));

        // images
        String mine = (String) call(f, "CreateImage", Map.of("InstanceId", web, "Name", "web_v1"))
                .get("ImageId");
        f.sandbox.clock().advance(Duration.ofMinutes(5));
        call(f, "DescribeImages", Map.of("ImageId", mine));
        call(f, "ModifyImageAttribute", Map.of("ImageId", mine, "Name", "web-v1"));
        call(f, "CopyImage", Map.of("ImageId", List.of(mine), "DestinationRegion", List.of("cn-shanghai-2")));
        call(
                f,
                "ModifyImageSharePermission",
                Map.of("ImageId", mine, "AccountId", List.of("2000123456"), "Permission", "share"));
        call(f, "DescribeImageSharePermission", Map.of("ImageId", mine));
        call(
                f,
                "ImportImage",
                Map.of(
                        "ImageName",
                        "imported_1",
                        "Architecture",
                        "x86_64",
                        "Platform",
                        "centos-7",
                        "ImageUrl",
                        "http://ks3-cn-beijing.ksyuncs.com/bucket/image.qcow2",
                        "ImageFormat",
                        "qcow2"));

        // local volumes and snapshots
        String volume = (String) list(call(f, "DescribeLocalVolumes", Map.of()), "LocalVolumeSet").stream()
                .filter(v -> local.equals(v.get("InstanceId")))
                .findFirst()
                .orElseThrow()
                .get("LocalVolumeId");
        String snapshot = (String) call(
                        f,
                        "CreateLocalVolumeSnapshot",
                        Map.of("LocalVolumeId", volume, "LocalVolumeSnapshotName", "before-upgrade"))
                .get("LocalVolumeSnapshotId");
        f.sandbox.clock().advance(Duration.ofMinutes(5));
        call(f, "DescribeLocalVolumeSnapshots", Map.of());
        call(f, "StopInstances", Map.of("InstanceId", List.of(local, web)));
        f.sandbox.clock().advance(step);
        call(f, "RollbackLocalVolume", Map.of("LocalVolumeId", volume, "LocalVolumeSnapshotId", snapshot));
        call(f, "DeleteLocalVolumeSnapshot", Map.of("LocalVolumeSnapshotId", List.of(snapshot)));
        call(f, "ModifyInstanceType", Map.of("InstanceId", local, "InstanceType", "I1.4B"));
        call(f, "ModifyInstanceImage", Map.of("InstanceId", local, "KeepImageLogin", true));
        f.sandbox.clock().advance(step);
        call(f, "StartInstances", Map.of("InstanceId", List.of(local)));

        // tidy up
        call(f, "TerminateInstances", Map.of("InstanceId", List.of(web, local)));
        f.sandbox.clock().advance(step);
        call(f, "RemoveImages", Map.of("ImageId", mine));
        call(f, "TerminateModels", Map.of("ModelId", List.of(model)));
        call(f, "DeleteKey", Map.of("KeyId", imported));

        // KMS instances and their BSS changes
        Map<String, Map<String, Object>> kms = f.sandbox.state().kmsInstances;
        String prepay = kms.values().stream()
                .filter(i -> "PREPAY".equals(i.get("ChargeType")))
                .findFirst()
                .orElseThrow()
                .get("InstanceId")
                .toString();
        String backedUp = kms.values().stream()
                .filter(i -> Boolean.TRUE.equals(i.get("hasBackup")))
                .findFirst()
                .orElseThrow()
                .get("InstanceId")
                .toString();
        call(f, "GetKmsInstance", Map.of("KmsInstanceId", prepay));
        call(
                f,
                "ModifyInstance",
                Map.of(
                        "ProductCode",
                        "kms",
                        "SubscriptionType",
                        "Subscription",
                        "ModifyType",
                        "Upgrade",
                        "InstanceId",
                        prepay,
                        "Parameter",
                        List.of(Map.of("Code", "KeyNum", "Value", "2000"))));
        call(f, "RenewChangeInstance", Map.of("ProductCode", "kms", "InstanceId", prepay, "RenewPeriod", 12));
        call(f, "ReleaseKmsInstance", Map.of("KmsInstanceId", backedUp));
    }

    /** Action → service, emulated (this tour), and the sandbox test classes that call it by name. */
    private String coverageTable() throws IOException {
        Path tests = repositoryRoot().resolve("runtime/src/test/java/io/kecsh/runtime/sandbox");
        Map<String, String> sources = new TreeMap<>();
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path p : files.filter(p -> p.toString().endsWith("Test.java") && !p.endsWith("SandboxTourTest.java"))
                    .toList()) {
                sources.put(p.getFileName().toString().replace(".java", ""), Files.readString(p));
            }
        }
        StringBuilder out = new StringBuilder(
                "# Sandbox coverage\n\nGenerated by `SandboxTourTest` from the model and the sandbox's tests; "
                        + "do not edit by hand (regenerate with `./mvnw -B -ntp verify -Dkecsh.writeDocs=true`).\n\n"
                        + "**Emulated**: the action answered success in the tour of all actions against one sandbox. "
                        + "**Tested by**: the sandbox test classes that call it by name, over real HTTP.\n\n"
                        + "| service | action | emulated | tested by |\n|---|---|---|---|\n");
        int emulated = 0;
        int tested = 0;
        for (Operation op : MODEL.operations()) {
            List<String> by = new ArrayList<>();
            sources.forEach((name, text) -> {
                if (text.contains("\"" + op.name() + "\"")) by.add(name);
            });
            boolean ok = succeeded.contains(op.name());
            emulated += ok ? 1 : 0;
            tested += by.isEmpty() ? 0 : 1;
            out.append("| ")
                    .append(op.serviceName())
                    .append(" | ")
                    .append(op.name())
                    .append(" | ")
                    .append(ok ? "yes" : "no")
                    .append(" | ")
                    .append(by.isEmpty() ? "tour only" : String.join(", ", by))
                    .append(" |\n");
        }
        out.append("| | **total** | **")
                .append(emulated)
                .append('/')
                .append(MODEL.operations().size())
                .append("** | ")
                .append(tested)
                .append('/')
                .append(MODEL.operations().size())
                .append(" with their own tests |\n");
        return out.toString();
    }

    private static Path repositoryRoot() {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("runtime")) && Files.isRegularFile(p.resolve("pom.xml"))) return p;
        }
        throw new IllegalStateException("repository root not found");
    }
}
