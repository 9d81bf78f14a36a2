package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue is given to a sandbox when it starts, not read from a global: a sandbox started
 * with another catalogue (here: an S7 family nobody sells, and none of today's S6) answers with it
 * everywhere — its validation, RunInstances, DescribeInstances' configuration and the catalogue's
 * own actions — over real HTTP.
 */
class InjectedCatalogueSandboxTest {
    private static final String OTHER_TODAY = """
        {"families": [{"value": "S7", "zh": "标准型S7", "allZones": true, "systemDisks": ["SSD3.0"]}],
         "types": [{"type": "S7.2B", "vcpu": 2, "memoryGb": 4, "gpus": 0}, {"type": "S7.8D", "vcpu": 8, "memoryGb": 64, "gpus": 0}]}
        """;

    private final SandboxFixture f;
    private final RegionState region;

    InjectedCatalogueSandboxTest() throws Exception {
        Catalog other =
                new Catalog(ServiceModel.bundled().requireService("kec"), new ObjectMapper().readTree(OTHER_TODAY));
        f = new SandboxFixture(SandboxOptions.forTests().withCatalog(other), ClientConfig.builder());
        region = f.sandbox.state().region("cn-beijing-6");
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, Object> run(String type) {
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
    void runInstances_typeOnlyTheGivenCatalogueSells_isCreatedAndDescribedWithItsFigures() {
        String id = (String) set(f.client.call("RunInstances", run("S7.8D")), "InstancesSet")
                .get(0)
                .get("InstanceId");
        Map<String, Object> instance = set(
                        f.client.call("DescribeInstances", Map.of("InstanceId", List.of(id))), "InstancesSet")
                .get(0);
        assertEquals("S7.8D", instance.get("InstanceType"));
        Map<?, ?> configure = (Map<?, ?>) instance.get("InstanceConfigure");
        assertEquals(8L, configure.get("VCPU"));
        assertEquals(64L, configure.get("MemoryGb"));
        assertEquals(
                "SSD3.0", ((Map<?, ?>) instance.get("SystemDisk")).get("DiskType"), "the given family's system disk");
    }

    @Test
    void describeInstanceTypeConfigs_listsTheGivenCatalogue_notTheBundledAdditions() {
        List<String> types =
                set(f.client.call("DescribeInstanceTypeConfigs", Map.of()), "InstanceTypeConfigSet").stream()
                        .map(t -> (String) t.get("InstanceType"))
                        .toList();
        assertTrue(types.contains("S7.2B"), types.toString());
        assertTrue(types.contains("S4.2B"), "the model's types stay: " + types);
        assertFalse(types.contains("S6.2B"), "today's bundled additions are not this sandbox's: " + types);
        List<String> families = set(f.client.call("DescribeInstanceFamilies", Map.of()), "InstanceFamilySet").stream()
                .map(t -> (String) t.get("InstanceFamily"))
                .toList();
        assertTrue(families.contains("S7"), families.toString());
        assertFalse(families.contains("S6"), families.toString());
    }

    @Test
    void runInstances_typeOnlyTheBundledCatalogueSells_isRefusedByThisSandbox() {
        int before = region.instances.size();
        ServiceException e = assertThrows(ServiceException.class, () -> f.client.call("RunInstances", run("S6.2B")));
        assertEquals("InvalidParameterValue", e.code(), e.getMessage());
        assertTrue(e.serviceMessage().contains("InstanceType"), e.serviceMessage());
        assertEquals(before, region.instances.size());
    }

    @Test
    void modifyInstanceType_readsTheGivenCatalogue_forWhatIsLarger() {
        String id = (String) set(f.client.call("RunInstances", run("S7.8D")), "InstancesSet")
                .get(0)
                .get("InstanceId");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.refused(
                "ModifyInstanceType",
                Map.of("InstanceId", id, "InstanceType", "S7.2B"),
                "InstanceType",
                "S7.8D can only be changed to a larger type; S7.2B is smaller.");
    }
}
