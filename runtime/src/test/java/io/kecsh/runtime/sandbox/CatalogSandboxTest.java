package io.kecsh.runtime.sandbox;

import static io.kecsh.runtime.sandbox.CatalogTestSupport.clientIn;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.items;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.CloudClient;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Regions, zones, families and instance type configurations over real HTTP: the model's catalogue. */
class CatalogSandboxTest {
    private final SandboxFixture f = new SandboxFixture();

    @AfterEach
    void close() {
        f.close();
    }

    private static List<String> azCodes(Map<String, Object> item) {
        return items(item, "AvailabilityZoneSet").stream()
                .map(z -> (String) z.get("AzCode"))
                .toList();
    }

    private List<Map<String, Object>> configs(Object... filters) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < filters.length; i += 2) {
            list.add(Map.of("Name", filters[i], "Value", filters[i + 1]));
        }
        return items(
                f.client.call("DescribeInstanceTypeConfigs", list.isEmpty() ? Map.of() : Map.of("Filter", list)),
                "InstanceTypeConfigSet");
    }

    @Test
    void describeRegions_everyModelledRegion_namedAsTheSample() {
        List<Map<String, Object>> regions = items(f.client.call("DescribeRegions", Map.of()), "RegionSet");
        Map<String, Object> names =
                regions.stream().collect(Collectors.toMap(r -> (String) r.get("Region"), r -> r.get("RegionName")));
        assertEquals(
                Map.of(
                        "cn-beijing-6",
                        "北京6区(VPC)",
                        "cn-shanghai-2",
                        "上海2区(VPC)",
                        "cn-guangzhou-1",
                        "广州1区(VPC)",
                        "cn-hongkong-2",
                        "香港2区(VPC)",
                        "ap-singapore-1",
                        "新加坡1区(VPC)",
                        "eu-east-1",
                        "俄罗斯1区(VPC)"),
                names);
        assertEquals("cn-beijing-6", regions.get(0).get("Region"));
    }

    @Test
    void describeAvailabilityZones_theEndpointsRegion_listsItsZones() {
        List<Map<String, Object>> zones =
                items(f.client.call("DescribeAvailabilityZones", Map.of()), "AvailabilityZoneSet");
        assertEquals(
                List.of(
                        Map.of("AvailabilityZone", "cn-beijing-6a", "Region", "cn-beijing-6"),
                        Map.of("AvailabilityZone", "cn-beijing-6b", "Region", "cn-beijing-6"),
                        Map.of("AvailabilityZone", "cn-beijing-6c", "Region", "cn-beijing-6")),
                zones);
        try (CloudClient shanghai = clientIn(f, "cn-shanghai-2")) {
            List<Map<String, Object>> there =
                    items(shanghai.call("DescribeAvailabilityZones", Map.of()), "AvailabilityZoneSet");
            assertEquals(
                    List.of("cn-shanghai-2a", "cn-shanghai-2b"),
                    there.stream().map(z -> z.get("AvailabilityZone")).toList());
            assertTrue(there.stream().allMatch(z -> "cn-shanghai-2".equals(z.get("Region"))));
        }
    }

    @Test
    void describeInstanceFamilies_theSamplesRows_plusTheFamiliesTheyLeaveOut() {
        List<Map<String, Object>> families =
                items(f.client.call("DescribeInstanceFamilies", Map.of()), "InstanceFamilySet");
        Map<String, List<String>> byName = families.stream()
                .collect(Collectors.toMap(x -> (String) x.get("InstanceFamilyName"), CatalogSandboxTest::azCodes));
        assertEquals(
                20,
                families.size(),
                "the sample's 15 rows, S4 from the type-config sample, S3, N3, E1, and today's S6");
        assertEquals(9, byName.get("标准型S6").size(), "S6 (catalogue-today.json) is offered in every zone");
        assertEquals(List.of("cn-beijing-6a", "cn-shanghai-2b"), byName.get("通用型N1"));
        assertEquals(
                List.of("cn-beijing-6b", "cn-beijing-6a", "cn-hongkong-2a", "cn-shanghai-2a", "cn-shanghai-2b"),
                byName.get("I0优化型I1"));
        assertEquals(List.of("cn-beijing-6b", "cn-beijing-6a", "cn-shanghai-2a"), byName.get("I0优化型I1（联网增强）"));
        assertEquals(List.of("eu-east-1a", "ap-singapore-1a"), byName.get("性能保障型X2"));
        assertEquals(List.of("cn-beijing-6a"), byName.get("GPU通用计算型(P4V)"));
        assertEquals(List.of("cn-shanghai-2b", "cn-beijing-6c", "cn-beijing-6a"), byName.get("标准型S4"));
        assertEquals(9, byName.get("通用型N3").size(), "N3 is in neither sample: offered in every zone");
        assertEquals(
                2,
                families.stream()
                        .filter(x -> "I1".equals(x.get("InstanceFamily")))
                        .count());
        assertFalse(families.stream().anyMatch(x -> "S1".equals(x.get("InstanceFamily"))), "S1 is sold nowhere");
    }

    @Test
    void describeInstanceTypeConfigs_theSamplesFilter_givesTheS4Sample() {
        List<Map<String, Object>> s4 =
                configs("instance-family", List.of("S4"), "availability-zone", List.of("cn-beijing-6"));
        assertEquals(24, s4.size());
        Map<String, Object> s42b = s4.stream()
                .filter(c -> "S4.2B".equals(c.get("InstanceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("cn-shanghai-2b", "cn-beijing-6c", "cn-beijing-6a"), azCodes(s42b));
        assertEquals("S4", s42b.get("InstanceFamily"));
        assertEquals("标准型S4", s42b.get("InstanceFamilyName"));
        assertEquals(2L, s42b.get("CPU"));
        assertEquals(4L, s42b.get("Memory"));
        assertEquals(0L, s42b.get("GPU"));
        assertEquals(false, s42b.get("SriovNetSupport"));
        assertEquals(
                List.of("EHDD", "SSD3.0"),
                items(s42b, "SystemDiskQuotaSet").stream()
                        .map(d -> d.get("SystemDiskType"))
                        .toList());
        List<Map<String, Object>> data = items(s42b, "DataDiskQuotaSet");
        assertEquals(
                List.of("SSD3.0", "EHDD"),
                data.stream().map(d -> d.get("DataDiskType")).toList());
        for (Map<String, Object> d : data) {
            assertEquals(0, new BigDecimal("10.0").compareTo((BigDecimal) d.get("DataDiskMinSize")));
            assertEquals(0, new BigDecimal("16000.0").compareTo((BigDecimal) d.get("DataDiskMaxsize")));
            assertEquals(8L, d.get("DataDiskCount"));
        }
        Map<String, Object> big = s4.stream()
                .filter(c -> "S4.32C".equals(c.get("InstanceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(32L, big.get("CPU"));
        assertEquals(128L, big.get("Memory"));
    }

    @Test
    void describeInstanceTypeConfigs_noFilter_everyTypeOfAFamilySoldSomewhere() {
        List<Map<String, Object>> all = configs();
        assertEquals(
                219, all.size(), "199 types less S1's four, which are sold nowhere, plus today's 19 S6 and 5 N3 sizes");
        Map<String, Object> s62b = all.stream()
                .filter(c -> "S6.2B".equals(c.get("InstanceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(2L, s62b.get("CPU"));
        assertEquals(4L, s62b.get("Memory"));
        Map<String, Object> gpu = all.stream()
                .filter(c -> "P3.56C4".equals(c.get("InstanceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(4L, gpu.get("GPU"));
        assertEquals(List.of("cn-beijing-6a"), azCodes(gpu));
        Map<String, Object> i1 = all.stream()
                .filter(c -> "I1.8A".equals(c.get("InstanceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(true, i1.get("SriovNetSupport"), "I1 has an enhanced-networking row from 8 vCPUs");
        assertEquals(
                List.of("Local_SSD"),
                items(i1, "SystemDiskQuotaSet").stream()
                        .map(d -> d.get("SystemDiskType"))
                        .toList());
        assertTrue(items(i1, "DataDiskQuotaSet").isEmpty(), "I1 takes no cloud data disks");
        Map<String, Object> small = all.stream()
                .filter(c -> "I1.4A".equals(c.get("InstanceType")))
                .findFirst()
                .orElseThrow();
        assertEquals(false, small.get("SriovNetSupport"));
    }

    @Test
    void describeInstanceTypeConfigs_filters_andAcrossNames_orAcrossValues() {
        assertEquals(
                Set.of("S4.2B", "N3.2B"),
                configs("instance-type", List.of("S4.2B", "N3.2B")).stream()
                        .map(c -> c.get("InstanceType"))
                        .collect(Collectors.toSet()));
        List<Map<String, Object>> in6b = configs("availability-zone", List.of("cn-beijing-6b"));
        assertTrue(in6b.stream().anyMatch(c -> "N2.1A".equals(c.get("InstanceType"))));
        assertFalse(
                in6b.stream().anyMatch(c -> "S4".equals(c.get("InstanceFamily"))), "S4 is not sold in cn-beijing-6b");
        assertTrue(configs("instance-family", List.of("C3"), "availability-zone", List.of("cn-shanghai-2"))
                .isEmpty());
        assertEquals(
                8,
                configs(
                                "instance-family",
                                List.of("C3"),
                                "availability-zone",
                                List.of("cn-beijing-6b", "cn-shanghai-2a"))
                        .size());
        assertEquals(
                2,
                configs("instance-type", List.of("S4.2B", "I1.1A"), "instance-family", List.of("S4", "I1"))
                        .size());
        assertTrue(configs("instance-type", List.of("S4.2B"), "instance-family", List.of("I1"))
                .isEmpty());
    }

    @Test
    void describeInstanceTypeConfigs_asXml_sameItemsAsJson() {
        List<Map<String, Object>> json = configs("instance-type", List.of("S4.2B", "I1.8A"));
        try (CloudClient xml = CatalogTestSupport.xmlClient(f)) {
            List<Map<String, Object>> fromXml = items(
                    xml.call(
                            "DescribeInstanceTypeConfigs",
                            Map.of(
                                    "Filter",
                                    List.of(Map.of("Name", "instance-type", "Value", List.of("S4.2B", "I1.8A"))))),
                    "InstanceTypeConfigSet");
            assertEquals(2, fromXml.size());
            for (int i = 0; i < 2; i++) {
                assertEquals(json.get(i).get("InstanceType"), fromXml.get(i).get("InstanceType"));
                assertEquals(azCodes(json.get(i)), azCodes(fromXml.get(i)));
                assertEquals(json.get(i).get("CPU"), fromXml.get(i).get("CPU"));
                assertEquals(json.get(i).get("SriovNetSupport"), fromXml.get(i).get("SriovNetSupport"));
                assertEquals(
                        items(json.get(i), "DataDiskQuotaSet").size(),
                        items(fromXml.get(i), "DataDiskQuotaSet").size());
            }
            List<Map<String, Object>> regions = items(xml.call("DescribeRegions", Map.of()), "RegionSet");
            assertEquals("北京6区(VPC)", regions.get(0).get("RegionName"));
        }
    }
}
