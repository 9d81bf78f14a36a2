package io.kecsh.runtime.sandbox.vpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.Subnet;
import io.kecsh.runtime.validate.ValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 4: vpc DescribeVpcs / DescribeSubnets / DescribeSecurityGroups and sks DescribeKeys
 * over real HTTP, serving exactly the network RunInstances checks against, with filters and
 * NextToken paging past 100.
 */
class NetworkReadsSandboxTest {
    private final SandboxFixture f = new SandboxFixture();

    @AfterEach
    void close() {
        f.close();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> set(Map<String, Object> response, String key) {
        return (List<Map<String, Object>>) response.get(key);
    }

    private List<Map<String, Object>> all(String region, String action, Map<String, ?> params) {
        return f.client
                .inRegion(region)
                .pages(action, params)
                .items()
                .map(o -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> m = (Map<String, Object>) o;
                    return m;
                })
                .toList();
    }

    @Test
    void describeSubnets_everyRegionTheSandboxKnows_listsOneSubnetPerZone_theOnesRunInstancesUses() {
        for (EnumValue region : ServiceModel.bundled()
                .requireService("kec")
                .requireEnum("Region")
                .values()) {
            @SuppressWarnings("unchecked")
            List<String> zones = (List<String>) region.attr("zones").orElseThrow();
            List<Map<String, Object>> subnets = all(region.value(), "DescribeSubnets", Map.of());
            assertEquals(
                    zones,
                    subnets.stream().map(s -> s.get("AvailabilityZoneName")).toList(),
                    region.value());
            RegionState state = f.sandbox.state().region(region.value());
            assertEquals(
                    state.subnets.keySet(),
                    subnets.stream().map(s -> s.get("SubnetId")).collect(Collectors.toSet()));
            for (String zone : zones) {
                List<Map<String, Object>> inZone = all(
                        region.value(),
                        "DescribeSubnets",
                        Map.of("Filter", List.of(Map.of("Name", "availability-zone-name", "Value", List.of(zone)))));
                assertEquals(1, inZone.size(), zone);
                assertEquals("default-" + zone, inZone.get(0).get("SubnetName"));
                assertTrue(
                        inZone.get(0).get("AvailableIpNumber") instanceof String,
                        "a string on the wire, as sdk-go types it");
            }
        }
    }

    @Test
    void describeVpcsAndSecurityGroups_showTheDefaultVpcAndItsGroup_filteredByVpc() {
        Map<String, Object> vpc =
                set(f.client.call("DescribeVpcs", Map.of()), "VpcSet").get(0);
        assertEquals(Boolean.TRUE, vpc.get("IsDefault"));
        assertEquals("10.0.0.0/8", vpc.get("CidrBlock"));
        RegionState region = f.sandbox.state().region("cn-beijing-6");
        assertEquals(region.vpcId, vpc.get("VpcId"));
        List<Map<String, Object>> groups = set(
                f.client.call(
                        "DescribeSecurityGroups",
                        Map.of("Filter", List.of(Map.of("Name", "vpc-id", "Value", List.of(vpc.get("VpcId")))))),
                "SecurityGroupSet");
        assertEquals(
                List.of(region.defaultSecurityGroupId),
                groups.stream().map(g -> g.get("SecurityGroupId")).toList());
        assertEquals("default", groups.get(0).get("SecurityGroupType"));
        assertEquals(
                List.of(),
                set(
                        f.client.call(
                                "DescribeSecurityGroups",
                                Map.of("Filter", List.of(Map.of("Name", "vpc-id", "Value", List.of("elsewhere"))))),
                        "SecurityGroupSet"));
        assertEquals(List.of(), set(f.client.call("DescribeVpcs", Map.of("VpcId", List.of("nope"))), "VpcSet"));
    }

    @Test
    void describeSubnets_pagesPast100_withNextToken_andFilters_applyBeforePaging() {
        RegionState region = f.sandbox.state().region("cn-shanghai-2");
        synchronized (f.sandbox.state().lock()) {
            for (int n = 0; n < 120; n++) {
                Subnet s = new Subnet();
                s.id = f.sandbox.state().ids.uuid();
                s.name = "extra-" + n;
                s.vpcId = region.vpcId;
                s.zone = n % 2 == 0 ? "cn-shanghai-2a" : "cn-shanghai-2b";
                s.prefix = "10." + (100 + n);
                region.subnets.put(s.id, s);
            }
        }
        Map<String, Object> first =
                f.client.inRegion("cn-shanghai-2").call("DescribeSubnets", Map.of("MaxResults", 50));
        assertEquals(50, set(first, "SubnetSet").size());
        assertEquals("50", first.get("NextToken"));
        List<Map<String, Object>> every = all("cn-shanghai-2", "DescribeSubnets", Map.of("MaxResults", 50));
        assertEquals(122, every.size());
        assertEquals(122, every.stream().map(s -> s.get("SubnetId")).distinct().count());
        List<Map<String, Object>> zoneB = all(
                "cn-shanghai-2",
                "DescribeSubnets",
                Map.of(
                        "MaxResults",
                        50,
                        "Filter",
                        List.of(Map.of("Name", "availability-zone-name", "Value", List.of("cn-shanghai-2b")))));
        assertEquals(61, zoneB.size());
        assertTrue(zoneB.stream().allMatch(s -> "cn-shanghai-2b".equals(s.get("AvailabilityZoneName"))));
        Map<String, Object> last = f.client
                .inRegion("cn-shanghai-2")
                .call("DescribeSubnets", Map.of("MaxResults", 50, "NextToken", "100"));
        assertEquals(22, set(last, "SubnetSet").size());
        assertNull(last.get("NextToken"), "the last page carries no NextToken");
    }

    @Test
    void
            describeSubnets_aTokenItNeverHandedOut_isRefused_andAnUnknownFilterName_isTheServersToRefuse_aMisspelledOneNeverLeaves() {
        f.refused("DescribeSubnets", Map.of("NextToken", "abc"), "NextToken", "not one this list handed out");
        f.refused("DescribeSubnets", Map.of("NextToken", "500"), "NextToken", "not one this list handed out");
        // filter names are open (issue 12): a name of the usual form goes out with a warning and the server
        // decides; the sandbox, like the service, refuses the parameter by name
        ServiceException server = assertThrows(
                ServiceException.class,
                () -> f.client.call(
                        "DescribeSubnets",
                        Map.of(
                                "Filter",
                                List.of(Map.of("Name", "availability-zone", "Value", List.of("cn-beijing-6a"))))));
        assertTrue(
                server.getMessage().contains("InvalidParameterValue")
                        && server.getMessage().contains("Filter.1.Name"),
                server.getMessage());
        // one not of that form (upper case) is known to be wrong and never leaves
        ValidationException e = assertThrows(
                ValidationException.class,
                () -> f.client.call(
                        "DescribeSubnets",
                        Map.of(
                                "Filter",
                                List.of(Map.of("Name", "Availability-Zone-Name", "Value", List.of("cn-beijing-6a"))))));
        assertTrue(e.getMessage().contains("availability-zone-name"), e.getMessage());
        assertThrows(ValidationException.class, () -> f.client.call("DescribeSubnets", Map.of("MaxResults", 1001)));
    }

    @Test
    void describeKeys_listsTheKeysCreateKeyAndImportKeyMade_pagesPast100_andFiltersByName() {
        Map<String, Object> created = f.client.call("CreateKey", Map.of("KeyName", "made-0"));
        @SuppressWarnings("unchecked")
        String publicKey = (String) ((Map<String, Object>) created.get("Key")).get("PublicKey");
        for (int n = 1; n < 120; n++)
            f.client.call("ImportKey", Map.of("KeyName", "made-" + n, "PublicKey", publicKey));
        Map<String, Object> first = f.client.call("DescribeKeys", Map.of("MaxResults", 50));
        assertEquals(50, set(first, "KeySet").size());
        assertEquals(120, ((Number) first.get("TotalCount")).intValue());
        assertFalse(set(first, "KeySet").get(0).containsKey("PrivateKey"));
        List<Map<String, Object>> keys = all("cn-beijing-6", "DescribeKeys", Map.of("MaxResults", 50));
        assertEquals(120, keys.size());
        assertEquals(
                f.sandbox.state().keys.keySet(),
                keys.stream().map(k -> k.get("KeyId")).collect(Collectors.toSet()));
        List<Map<String, Object>> named = all(
                "cn-beijing-6",
                "DescribeKeys",
                Map.of("Filter", List.of(Map.of("Name", "key-name", "Value", List.of("made-7", "made-77", "nobody")))));
        assertEquals(
                Set.of("made-7", "made-77"),
                named.stream().map(k -> k.get("KeyName")).collect(Collectors.toSet()));
        String id = (String) named.get(0).get("KeyId");
        assertEquals(
                List.of(id),
                all("cn-beijing-6", "DescribeKeys", Map.of("KeyId", List.of(id))).stream()
                        .map(k -> k.get("KeyId"))
                        .toList());
        assertEquals(
                120,
                all("cn-beijing-6", "DescribeKeys", Map.of("ProjectId", List.of(0L)))
                        .size());
        assertEquals(
                0,
                all("cn-beijing-6", "DescribeKeys", Map.of("ProjectId", List.of(42L)))
                        .size());
    }

    @Test
    void runInstances_inTheSubnetDescribeSubnetsGives_forAZone_landsInThatZone() {
        String zone = "cn-shanghai-2b";
        Map<String, Object> subnet = all(
                        "cn-shanghai-2",
                        "DescribeSubnets",
                        Map.of("Filter", List.of(Map.of("Name", "availability-zone-name", "Value", List.of(zone)))))
                .get(0);
        Map<String, Object> group = all(
                        "cn-shanghai-2",
                        "DescribeSecurityGroups",
                        Map.of("Filter", List.of(Map.of("Name", "vpc-id", "Value", List.of(subnet.get("VpcId"))))))
                .get(0);
        RegionState region = f.sandbox.state().region("cn-shanghai-2");
        String image = region.images.keySet().iterator().next();
        Map<String, Object> run = f.client
                .inRegion("cn-shanghai-2")
                .call(
                        "RunInstances",
                        Map.of(
                                "ImageId",
                                image,
                                "InstanceType",
                                "S4.2B",
                                "SubnetId",
                                subnet.get("SubnetId"),
                                "SecurityGroupId",
                                group.get("SecurityGroupId"),
                                "MaxCount",
                                1,
                                "MinCount",
                                1,
                                "ChargeType",
                                "HourlyInstantSettlement"));
        String id = (String) set(run, "InstancesSet").get(0).get("InstanceId");
        assertEquals(zone, region.instances.get(id).zone);
        ServiceException wrong = assertThrows(
                ServiceException.class,
                () -> f.client
                        .inRegion("cn-shanghai-2")
                        .call(
                                "RunInstances",
                                Map.of(
                                        "ImageId",
                                        image,
                                        "InstanceType",
                                        "S4.2B",
                                        "SubnetId",
                                        region.defaultSubnetId,
                                        "SecurityGroupId",
                                        group.get("SecurityGroupId"),
                                        "MaxCount",
                                        1,
                                        "MinCount",
                                        1,
                                        "ChargeType",
                                        "HourlyInstantSettlement")));
        assertTrue(wrong.serviceMessage().contains("not sold in cn-shanghai-2a"), wrong.serviceMessage());
        assertEquals(
                new ArrayList<>(List.of(subnet.get("SubnetId"))),
                new ArrayList<>(List.of(region.instances.get(id).subnetId)));
    }
}
