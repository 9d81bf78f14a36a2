package io.kecsh.runtime.sandbox;

import static io.kecsh.runtime.sandbox.CatalogTestSupport.centos;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.invalid;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.items;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.validate.ValidationException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launch templates over real HTTP: CreateModel's notes (50 a region, unique names, immutable), DescribeModels paging. */
class TemplateSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    /** The CreateModel sample's parameters (L3617-L3622), in the seeded default subnet. */
    private Map<String, Object> sample(String name, Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "InstanceType",
                "N3.2B",
                "ImageId",
                centos(region),
                "SubnetId",
                region.defaultSubnetId,
                "InstanceName",
                "csg_test01",
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "ChargeType",
                "Monthly",
                "InstanceNameSuffix",
                "1",
                "SystemDisk",
                Map.of("DiskType", "SSD3.0", "DiskSize", 20),
                "PurchaseTime",
                1,
                "ModelName",
                name));
        p.put("InstancePassword", "Sandbox2026!");
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return p;
    }

    private String create(String name, Object... extra) {
        Response r = f.client.call("CreateModel", sample(name, extra));
        assertEquals(name, r.get("ModelName"));
        return (String) r.get("ModelId");
    }

    private Response describe(Object... params) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) p.put((String) params[i], params[i + 1]);
        return f.client.call("DescribeModels", p);
    }

    private static List<String> names(Response r) {
        return items(r, "ModelSet").stream()
                .map(m -> (String) m.get("ModelName"))
                .toList();
    }

    @Test
    void createModel_theSample_isDescribedAsTheSampleShowsIt() {
        String id = create(
                "ModelTest001", "DataDisk", List.of(Map.of("Type", "SSD3.0", "Size", 50, "DeleteWithInstance", true)));
        assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id);
        Response r = describe();
        assertEquals(1L, r.get("InstanceCount"));
        Map<String, Object> m = items(r, "ModelSet").get(0);
        assertEquals(id, m.get("ModelId"));
        assertEquals("ModelTest001", m.get("ModelName"));
        assertEquals("cn-beijing-6a", m.get("AvailabilityZone"));
        assertEquals("可用区A", m.get("AvailabilityZoneName"));
        assertEquals("2026-11-22 12:00:00", m.get("CreateTime"), "Beijing time, the sample's form");
        assertEquals(m.get("CreateTime"), m.get("ModifiedTime"));
        assertEquals(centos(region), m.get("ImageId"));
        assertEquals("N3.2B", m.get("InstanceType"));
        assertEquals(region.defaultSubnetId, m.get("SubnetId"));
        assertEquals(region.defaultSecurityGroupId, m.get("SecurityGroupId"));
        assertEquals("Monthly", m.get("ChargeType"));
        assertEquals(1L, m.get("PurchaseTime"));
        assertEquals("csg_test01", m.get("InstanceName"));
        assertEquals(false, m.get("SriovNetSupport"));
        assertEquals(false, m.get("KeepImageLogin"));
        assertEquals(0L, m.get("ProjectId"));
        assertEquals(Map.of("DiskType", "SSD3.0", "DiskSize", 20L), struct(m, "SystemDisk"));
        assertEquals(
                List.of(Map.of("Type", "SSD3.0", "Size", 50L, "DeleteWithInstance", true)), items(m, "DataDiskSet"));
        assertFalse(m.containsKey("params"), "the stored parameters are not part of ModelSet");
        assertFalse(m.containsKey("InstancePassword"));
    }

    @Test
    void createModel_keepsTheTypedParameters_forRunInstances_butNeverThePassword() {
        String id = create("for-run", "InstanceType", "S3.2B");
        synchronized (f.sandbox.state().lock()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> params =
                    (Map<String, Object>) region.templates.get(id).get("params");
            assertEquals("S3.2B", params.get("InstanceType"));
            assertEquals(1L, params.get("PurchaseTime"));
            assertEquals(Map.of("DiskType", "SSD3.0", "DiskSize", 20L), params.get("SystemDisk"));
            assertEquals("for-run", params.get("ModelName"));
            assertEquals("****", params.get("InstancePassword"), "only the fact that a password was set");
            assertEquals(1L, params.get("InstanceNameSuffix"), "typed as RunInstances takes it");
        }
        Map<String, Object> launched = launchFrom(id);
        assertEquals("csg_test01-1", launched.get("InstanceName"), "the template's name and suffix");
        String instanceId = (String) launched.get("InstanceId");
        Map<String, Object> instance = items(
                        f.client.call("DescribeInstances", Map.of("InstanceId", List.of(instanceId))), "InstancesSet")
                .get(0);
        assertEquals("S3.2B", instance.get("InstanceType"), "the template's type");
        synchronized (f.sandbox.state().lock()) {
            assertEquals(id, region.instances.get(instanceId).modelId);
        }
    }

    private Map<String, Object> launchFrom(String modelId) {
        Response run = f.client.call(
                "RunInstances",
                Map.of(
                        "ModelId",
                        modelId,
                        "ImageId",
                        centos(region),
                        "SubnetId",
                        region.defaultSubnetId,
                        "SecurityGroupId",
                        region.defaultSecurityGroupId,
                        "ChargeType",
                        "Monthly",
                        "PurchaseTime",
                        1,
                        "MinCount",
                        1,
                        "MaxCount",
                        1));
        return items(run, "InstancesSet").get(0);
    }

    @Test
    void createModel_aNameInUse_isRefused() {
        create("web");
        invalid("ModelName", () -> f.client.call("CreateModel", sample("web", "InstanceType", "S3.4B")));
        assertEquals(List.of("web"), names(describe()));
    }

    @Test
    void createModel_fiftyARegion_theFiftyFirstIsRefused_untilOneIsDeleted() {
        List<String> ids =
                IntStream.rangeClosed(1, 50).mapToObj(n -> create("t" + n)).toList();
        invalid("ModelName", () -> f.client.call("CreateModel", sample("t51")));
        assertEquals(50L, describe().get("InstanceCount"));
        f.client.call("TerminateModels", Map.of("ModelId", List.of(ids.get(7))));
        create("t51");
        assertEquals(50, items(describe("MaxResults", 50), "ModelSet").size());
        try (var shanghai = CatalogTestSupport.clientIn(f, "cn-shanghai-2")) {
            assertEquals(
                    0L,
                    shanghai.call("DescribeModels", Map.of()).get("InstanceCount"),
                    "the limit and the list are per region");
        }
    }

    @Test
    void describeModels_pagesByMarkerAndMaxResults_inCreationOrder() {
        IntStream.rangeClosed(1, 25).forEach(n -> create("m" + n));
        assertEquals(
                IntStream.rangeClosed(1, 10).mapToObj(n -> "m" + n).toList(),
                names(describe()),
                "MaxResults defaults to 10");
        Response second = describe("Marker", 10, "MaxResults", 10);
        assertEquals(IntStream.rangeClosed(11, 20).mapToObj(n -> "m" + n).toList(), names(second));
        assertEquals(25L, second.get("InstanceCount"));
        assertEquals(List.of("m21", "m22", "m23", "m24", "m25"), names(describe("Marker", 20, "MaxResults", 10)));
        assertEquals(List.of(), names(describe("Marker", 30)));
        // Out of the model's ranges: refused before sending, by the validator the sandbox shares.
        for (String bad : List.of("MaxResults", "Marker")) {
            var e = Assertions.assertThrows(
                    ValidationException.class, () -> describe(bad, bad.equals("Marker") ? -1 : 0));
            assertTrue(e.getMessage().contains(bad), e.getMessage());
        }
    }

    @Test
    void describeModels_byModelId_unknownIdsMatchNothing() {
        String a = create("a");
        create("b");
        String c = create("c");
        Response r = describe("ModelId", List.of(c, "00000000-0000-4000-8000-000000000000", a));
        assertEquals(List.of("a", "c"), names(r));
        assertEquals(2L, r.get("InstanceCount"));
    }

    @Test
    void terminateModels_deletesThem_andAnUnknownIdDeletesNothing() {
        String a = create("a");
        String b = create("b");
        invalid(
                "ModelId.2",
                () -> f.client.call(
                        "TerminateModels", Map.of("ModelId", List.of(a, "00000000-0000-4000-8000-000000000000"))));
        assertEquals(List.of("a", "b"), names(describe()));
        assertEquals(
                true,
                f.client
                        .call("TerminateModels", Map.of("ModelId", List.of(a, b)))
                        .get("Return"));
        assertEquals(List.of(), names(describe()));
        assertEquals(0L, describe().get("InstanceCount"));
    }

    @Test
    void createModel_unknownReferences_areInvalidParameterValue() {
        String none = "00000000-0000-4000-8000-000000000000";
        invalid("ImageId", () -> f.client.call("CreateModel", sample("x", "ImageId", none)));
        invalid("SubnetId", () -> f.client.call("CreateModel", sample("x", "SubnetId", none)));
        invalid("SecurityGroupId", () -> f.client.call("CreateModel", sample("x", "SecurityGroupId", none)));
        invalid("KeyId", () -> f.client.call("CreateModel", sample("x", "KeyId", none)));
        invalid("DataGuardId", () -> f.client.call("CreateModel", sample("x", "DataGuardId", none)));
        assertEquals(List.of(), names(describe()), "nothing was created");
    }

    @Test
    void createModel_whatTheServerChecks_isRefusedWithTheReason() {
        invalid("PurchaseTime", () -> f.client.call("CreateModel", sample("x", "PurchaseTime", 0)));
        var notSold = invalid("InstanceType", () -> f.client.call("CreateModel", sample("x", "InstanceType", "C3.4B")));
        assertTrue(notSold.serviceMessage().contains("cn-beijing-6a"), notSold.serviceMessage());
        invalid("KeepImageLogin", () -> f.client.call("CreateModel", sample("x", "KeepImageLogin", true)));
        invalid(
                "PrivateIpAddress",
                () -> f.client.call("CreateModel", sample("x", "PrivateIpAddress", "192.168.0.10")));
        invalid(
                "SystemDisk.DiskSize",
                () -> f.client.call(
                        "CreateModel",
                        sample(
                                "x",
                                "InstanceType",
                                "N3.2B",
                                "ImageId",
                                windows(),
                                "SystemDisk",
                                Map.of("DiskType", "SSD3.0", "DiskSize", 40))));
        invalid(
                "SriovNetSupport",
                () -> f.client.call(
                        "CreateModel",
                        sample(
                                "x",
                                "InstanceType",
                                "I1.4A",
                                "SriovNetSupport",
                                true,
                                "SystemDisk",
                                Map.of("DiskType", "Local_SSD"))));
        assertEquals(List.of(), names(describe()));
        create(
                "ok",
                "InstanceType",
                "I1.8A",
                "SriovNetSupport",
                true,
                "SystemDisk",
                Map.of("DiskType", "Local_SSD"),
                "PrivateIpAddress",
                "10.0.0.77",
                "ChargeType",
                "HourlyInstantSettlement",
                "PurchaseTime",
                0);
        Map<String, Object> m = items(describe(), "ModelSet").get(0);
        assertEquals(true, m.get("SriovNetSupport"));
        assertEquals("10.0.0.77", m.get("PrivateIpAddress"));
        assertEquals(0L, m.get("PurchaseTime"));
    }

    private String windows() {
        return region.images.values().stream()
                .filter(i -> i.platform.startsWith("windows"))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void createModel_withAKeyAndADataGuardGroup_showsThem() {
        String key = "6f5e9a0c-1b2d-4c3e-8f40-5a6b7c8d9e0f";
        synchronized (f.sandbox.state().lock()) {
            f.sandbox.state().keys.put(key, new HashMap<>(Map.of("KeyId", key, "KeyName", "deploy")));
        }
        String group = (String) f.client
                .call("CreateDataGuardGroup", Map.of("DataGuardName", "web"))
                .get("DataGuardId");
        String id = create("keyed", "KeyId", key, "DataGuardId", group);
        Map<String, Object> m = items(describe(), "ModelSet").get(0);
        assertEquals(key, m.get("KeyId"));
        assertEquals(group, m.get("DataGuardId"));
        String instance = (String) launchFrom(id).get("InstanceId");
        synchronized (f.sandbox.state().lock()) {
            assertEquals(
                    List.of(key), region.instances.get(instance).keyIds, "one key becomes RunInstances' KeyId list");
            assertEquals(group, region.instances.get(instance).dataGuardId);
        }
    }

    @Test
    void createModel_aCustomImage_mayKeepItsLogin() {
        String custom;
        synchronized (f.sandbox.state().lock()) {
            Image image = new Image();
            image.id = f.sandbox.state().ids.uuid();
            image.name = "golden";
            image.platform = "centos-7.6";
            image.state = "active";
            image.isPublic = false;
            image.source = "user";
            region.images.put(image.id, image);
            custom = image.id;
        }
        Map<String, Object> p = sample("golden", "ImageId", custom, "KeepImageLogin", true);
        p.remove("InstancePassword");
        f.client.call("CreateModel", p);
        assertEquals(true, items(describe(), "ModelSet").get(0).get("KeepImageLogin"));
    }

    @Test
    void createModel_dryRun_wouldSucceed_andCreatesNothing() {
        Map<String, Object> p = sample("dry");
        p.put("DryRun", true);
        assertTrue(f.client.call("CreateModel", p).dryRun());
        assertEquals(0L, describe().get("InstanceCount"));
    }

    @Test
    void describeModels_asXml_showsTheSameTemplate() {
        create("xml", "DataDisk", List.of(Map.of("Type", "EHDD", "Size", 100)));
        try (var xml = CatalogTestSupport.xmlClient(f)) {
            Response r = xml.call("DescribeModels", Map.of());
            assertEquals(1L, r.get("InstanceCount"));
            Map<String, Object> m = items(r, "ModelSet").get(0);
            assertEquals("xml", m.get("ModelName"));
            assertEquals(20L, struct(m, "SystemDisk").get("DiskSize"));
            assertEquals(
                    List.of(Map.of("Type", "EHDD", "Size", 100L, "DeleteWithInstance", false)),
                    items(m, "DataDiskSet"));
        }
    }

    @Test
    void templatesAndGroups_surviveARestart_fromTheStateFile(@TempDir Path dir) {
        Path file = dir.resolve("state.json");
        String model;
        String group;
        try (SandboxFixture first =
                new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder())) {
            RegionState r = first.sandbox.state().region("cn-beijing-6");
            group = (String) first.client
                    .call("CreateDataGuardGroup", Map.of("DataGuardName", "kept"))
                    .get("DataGuardId");
            Map<String, Object> p = new HashMap<>(Map.of(
                    "InstanceType",
                    "N3.2B",
                    "ImageId",
                    centos(r),
                    "SubnetId",
                    r.defaultSubnetId,
                    "SecurityGroupId",
                    r.defaultSecurityGroupId,
                    "ChargeType",
                    "Monthly",
                    "PurchaseTime",
                    2,
                    "ModelName",
                    "kept",
                    "InstanceName",
                    "restarted",
                    "InstanceNameSuffix",
                    "7",
                    "DataGuardId",
                    group));
            p.put("InstancePassword", "Sandbox2026!");
            model = (String) first.client.call("CreateModel", p).get("ModelId");
        }
        try (SandboxFixture second =
                new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder())) {
            RegionState r = second.sandbox.state().region("cn-beijing-6");
            Map<String, Object> m = items(second.client.call("DescribeModels", Map.of()), "ModelSet")
                    .get(0);
            assertEquals(model, m.get("ModelId"));
            assertEquals(2L, m.get("PurchaseTime"));
            Response run = second.client.call(
                    "RunInstances",
                    Map.of(
                            "ModelId",
                            model,
                            "ImageId",
                            centos(r),
                            "SubnetId",
                            r.defaultSubnetId,
                            "SecurityGroupId",
                            r.defaultSecurityGroupId,
                            "ChargeType",
                            "Monthly",
                            "PurchaseTime",
                            1,
                            "MinCount",
                            1,
                            "MaxCount",
                            1));
            assertEquals("restarted-7", items(run, "InstancesSet").get(0).get("InstanceName"));
            Map<String, Object> g = items(second.client.call("DescribeDataGuardGroup", Map.of()), "DataGuardsSet")
                    .get(0);
            assertEquals(group, g.get("DataGuardId"));
            assertEquals(1L, g.get("DataGuardUsedSize"), "the launched instance joined the template's group");
            assertEquals(10L, g.get("DataGuardCapacity"));
        }
    }
}
