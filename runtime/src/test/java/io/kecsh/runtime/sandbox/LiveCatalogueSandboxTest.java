package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.catalog.CatalogueCache;
import io.kecsh.runtime.catalog.CatalogueSnapshot;
import io.kecsh.runtime.catalog.LiveCatalogues;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.validate.Problem;
import io.kecsh.runtime.validate.ValidationException;
import io.kecsh.runtime.validate.ValidationReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live catalogues (issue 12, item 2) against a sandbox whose catalogue differs from the model: it
 * sells S6 and small N3 sizes the 2016 document never lists. A type only the live catalogue knows
 * is accepted end to end; a typo is still refused before anything is sent.
 */
class LiveCatalogueSandboxTest {
    @TempDir
    Path home;

    private static Map<String, Object> run(RegionState region, String type) {
        String image = region.images.values().stream()
                .filter(i -> i.platform.equals("centos-7.6"))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                image,
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement"));
        p.put("InstanceType", type);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> set(Map<String, Object> response, String key) {
        return (List<Map<String, Object>>) response.get(key);
    }

    @Test
    void typeOnlyTheServiceSells_withoutACatalogue_goesOutWithAWarning_andTheSandboxCreatesIt() {
        List<String> warnings = new ArrayList<>();
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().warnings(warnings::add))) {
            RegionState region = f.sandbox.state().region("cn-beijing-6");
            ValidationReport report = f.client.validate("RunInstances", run(region, "S6.2B"));
            assertTrue(report.isValid(), report.describe());
            assertEquals(1, report.warnings().size(), report.describe());
            String id = (String) set(f.client.call("RunInstances", run(region, "S6.2B")), "InstancesSet")
                    .get(0)
                    .get("InstanceId");
            Map<String, Object> instance = set(
                            f.client.call("DescribeInstances", Map.of("InstanceId", List.of(id))), "InstancesSet")
                    .get(0);
            assertEquals("S6.2B", instance.get("InstanceType"));
            assertEquals(1, warnings.size(), warnings.toString());
            assertTrue(warnings.get(0).startsWith("warning: InstanceType: 'S6.2B' is not among"), warnings.get(0));
            assertTrue(warnings.get(0).contains("(nearest known: S3.2B or S4.2B)"), warnings.get(0));
            Map<?, ?> configure = (Map<?, ?>) instance.get("InstanceConfigure");
            assertEquals(2L, configure.get("VCPU"));
            assertEquals(4L, configure.get("MemoryGb"));
        }
    }

    @Test
    void typeNobodySells_isRefusedByTheSandbox_whichHasItsCatalogueAtHand() {
        try (SandboxFixture f = new SandboxFixture()) {
            RegionState region = f.sandbox.state().region("cn-beijing-6");
            ServiceException e =
                    assertThrows(ServiceException.class, () -> f.client.call("RunInstances", run(region, "S7.2B")));
            assertEquals("InvalidParameterValue", e.code(), e.getMessage());
        }
    }

    @Test
    void typo_isRefusedBeforeSending_withADidYouMean() {
        try (SandboxFixture f = new SandboxFixture()) {
            RegionState region = f.sandbox.state().region("cn-beijing-6");
            int before = region.instances.size();
            ValidationException e =
                    assertThrows(ValidationException.class, () -> f.client.call("RunInstances", run(region, "S4.2X")));
            assertTrue(e.getMessage().contains("did you mean S4.2A, S4.2B, S4.2C or S4.2D"), e.getMessage());
            assertEquals(before, region.instances.size());
        }
    }

    @Test
    void modifyInstanceType_resizesToTodaysTargets() {
        try (SandboxFixture f = new SandboxFixture()) {
            RegionState region = f.sandbox.state().region("cn-beijing-6");
            String id = (String) set(f.client.call("RunInstances", run(region, "S4.2B")), "InstancesSet")
                    .get(0)
                    .get("InstanceId");
            f.sandbox.clock().advance(Duration.ofSeconds(10));
            assertEquals(
                    true,
                    f.client
                            .call("ModifyInstanceType", Map.of("InstanceId", id, "InstanceType", "N3.2B"))
                            .get("Return"));
            assertEquals(
                    true,
                    f.client
                            .call("ModifyInstanceType", Map.of("InstanceId", id, "InstanceType", "S4.4B"))
                            .get("Return"));
            assertEquals("S4.4B", region.instances.get(id).type);
            assertEquals(
                    true,
                    f.client
                            .call("ModifyInstanceType", Map.of("InstanceId", id, "InstanceType", "S6.8B"))
                            .get("Return"));
            assertEquals("S6.8B", region.instances.get(id).type);
        }
    }

    @Test
    void liveCatalogue_isReadInTheBackground_thenAcceptsItsTypes_andRefusesWhatNoSourceLists() throws Exception {
        LiveCatalogues catalogues =
                new LiveCatalogues("default", null, LiveCatalogues.DEFAULT_MAX_AGE, Clock.systemUTC());
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().catalogues(catalogues))) {
            RegionState region = f.sandbox.state().region("cn-beijing-6");
            // the first look finds nothing and never waits: the read goes on in the background
            assertEquals(
                    1,
                    f.client
                            .validate("RunInstances", run(region, "S6.2B"))
                            .warnings()
                            .size());
            assertTrue(catalogues.awaitReads(Duration.ofSeconds(20)));
            CatalogueSnapshot snapshot = catalogues.snapshot("cn-beijing-6").orElseThrow();
            EnumValue s62b = snapshot.values("kec", "InstanceType").orElseThrow().stream()
                    .filter(v -> v.value().equals("S6.2B"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(2, ((Number) s62b.attr("vcpu").orElseThrow()).intValue());
            assertEquals(4, ((Number) s62b.attr("memoryGb").orElseThrow()).intValue());
            assertTrue(snapshot.values("kec", "InstanceFamily").orElseThrow().stream()
                    .anyMatch(v -> v.value().equals("S6")));
            assertEquals(
                    List.of("cn-beijing-6a", "cn-beijing-6b", "cn-beijing-6c"),
                    snapshot.values("kec", "AvailabilityZone").orElseThrow().stream()
                            .map(EnumValue::value)
                            .toList());

            assertTrue(f.client
                    .validate("RunInstances", run(region, "S6.2B"))
                    .problems()
                    .isEmpty());
            Problem typo = f.client
                    .validate("RunInstances", run(region, "S6.2X"))
                    .errors()
                    .get(0);
            assertTrue(typo.suggestions().contains("S6.2B"), typo.toString());
            assertFalse(
                    f.client.validate("RunInstances", run(region, "S7.2B")).isValid(),
                    "no source lists S7.2B, and the catalogue is at hand");
        }
    }

    @Test
    @SuppressWarnings("try") // the sandbox has only to be up while the catalogue is read
    void catalogue_isCachedPrivatelyOnDisk_andUsedFromThereWithoutTheNetwork() throws Exception {
        CatalogueCache cache = CatalogueCache.under(home);
        LiveCatalogues first = new LiveCatalogues("default", cache, LiveCatalogues.DEFAULT_MAX_AGE, Clock.systemUTC());
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().catalogues(first))) {
            first.refresh("cn-beijing-6").get();
        }
        Path file = cache.file("default", "cn-beijing-6");
        assertEquals(home.resolve(".kecsh/catalogue/default/cn-beijing-6.json"), file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(
                "rwx------",
                PosixFilePermissions.toString(
                        Files.getPosixFilePermissions(file.getParent().getParent())));
        String text = Files.readString(file);
        assertFalse(text.contains("AccessKey") || text.contains("Secret"), "only the public catalogue is kept");

        // a new session with no way to read the service still has the catalogue
        try (LiveCatalogues second =
                new LiveCatalogues("default", cache, LiveCatalogues.DEFAULT_MAX_AGE, Clock.systemUTC())) {
            assertTrue(second.region("cn-beijing-6").values("kec", "InstanceType").orElseThrow().stream()
                    .anyMatch(v -> v.value().equals("N3.1A")));
            assertTrue(
                    second.region("cn-shanghai-2").values("kec", "InstanceType").isEmpty(), "one catalogue a region");
            assertTrue(
                    second.region("../../etc").values("kec", "InstanceType").isEmpty(),
                    "a name that is no file name is just unknown");
            assertThrows(IllegalArgumentException.class, () -> cache.file("default", "../x"));
        }
    }

    @Test
    void staleCatalogue_isStillUsed_whileItIsReadAgainInTheBackground() throws Exception {
        CatalogueCache cache = CatalogueCache.under(home);
        cache.save(
                "default",
                "cn-beijing-6",
                new CatalogueSnapshot(
                        Instant.parse("2020-01-01T00:00:00Z"),
                        Map.of("kec/InstanceType", List.of(new EnumValue("X9.1A", "", "", Map.of())))));
        LiveCatalogues catalogues =
                new LiveCatalogues("default", cache, LiveCatalogues.DEFAULT_MAX_AGE, Clock.systemUTC());
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().catalogues(catalogues))) {
            assertTrue(
                    f.client
                            .validate(
                                    "DescribePrice",
                                    Map.of("ImageId", "48de6f74-e287-45df-b55e-94266d77483f", "InstanceType", "X9.1A"))
                            .problems()
                            .isEmpty(),
                    "the stale catalogue answers at once");
            assertTrue(catalogues.awaitReads(Duration.ofSeconds(20)));
            assertTrue(
                    catalogues
                            .snapshot("cn-beijing-6")
                            .orElseThrow()
                            .values("kec", "InstanceType")
                            .orElseThrow()
                            .stream()
                            .anyMatch(v -> v.value().equals("S6.2B")),
                    "and was replaced by a fresh read");
            assertTrue(cache.load("default", "cn-beijing-6")
                    .orElseThrow()
                    .fetchedAt()
                    .isAfter(Instant.parse("2025-01-01T00:00:00Z")));
        }
    }
}
