package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * DescribeInstances keeps each instance's view (and its JSON) between calls: every way an instance
 * or its network interface can change must show in the very next describe, over real HTTP. Each
 * test describes first, so that the view being checked is a kept one.
 */
class InstanceViewCacheSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private List<String> launch(int count) {
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
                count,
                "MaxCount",
                count,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B"));
        return set(f.client.call("RunInstances", p)).stream()
                .map(i -> (String) i.get("InstanceId"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> set(Map<String, Object> response) {
        return (List<Map<String, Object>>) response.get("InstancesSet");
    }

    /** The first page of ten, by id. */
    private Map<String, Map<String, Object>> page() {
        return byId(f.client.call("DescribeInstances", Map.of("MaxResults", 10)));
    }

    private static Map<String, Map<String, Object>> byId(Response r) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        for (Map<String, Object> i : set(r)) out.put((String) i.get("InstanceId"), i);
        return out;
    }

    private static String state(Map<String, Object> instance) {
        return (String) ((Map<?, ?>) instance.get("InstanceState")).get("Name");
    }

    private void settle() {
        f.sandbox.clock().advance(Duration.ofSeconds(11));
    }

    @Test
    void describe_afterModifyInstanceAttribute_showsTheNewName_andTheOthersUnchanged() {
        List<String> ids = launch(3);
        Map<String, Map<String, Object>> before = page();
        f.client.call("ModifyInstanceAttribute", Map.of("InstanceId", ids.get(1), "InstanceName", "renamed-once"));
        Map<String, Map<String, Object>> after = page();
        assertEquals("renamed-once", after.get(ids.get(1)).get("InstanceName"));
        assertEquals(before.get(ids.get(0)), after.get(ids.get(0)));
        assertEquals(before.get(ids.get(2)), after.get(ids.get(2)));
        f.client.call("ModifyInstanceAttribute", Map.of("InstanceId", ids.get(1), "InstanceName", "renamed-twice"));
        assertEquals("renamed-twice", page().get(ids.get(1)).get("InstanceName"));
    }

    /** The view names the instance's data-guard group, which lives outside the instance: renaming it must show. */
    @Test
    @SuppressWarnings("unchecked")
    void describe_afterItsDataGuardGroupIsRenamed_showsTheNewName() {
        List<String> ids = launch(2);
        String group = (String) f.client
                .call("CreateDataGuardGroup", Map.of("DataGuardName", "first-name"))
                .get("DataGuardId");
        f.client.call("AddVmIntoDataGuard", Map.of("DataGuardId", group, "InstanceId", List.of(ids.get(0))));
        Map<String, Object> before =
                ((List<Map<String, Object>>) page().get(ids.get(0)).get("DataGuardSet")).get(0);
        assertEquals("first-name", before.get("DataGuardName"));
        f.client.call("ModifyDataGuardGroups", Map.of("DataGuardId", group, "DataGuardName", "second-name"));
        Map<String, Object> after =
                ((List<Map<String, Object>>) page().get(ids.get(0)).get("DataGuardSet")).get(0);
        assertEquals("second-name", after.get("DataGuardName"));
    }

    @Test
    void describe_afterATransitionCompletesWithTime_showsTheNewState() {
        String id = launch(1).get(0);
        assertEquals("building", state(page().get(id)));
        assertEquals("building", state(page().get(id)), "nothing due yet: the kept view");
        settle(); // no call in between: the change is computed when the next call looks
        assertEquals("active", state(page().get(id)));
        f.client.call("StopInstances", Map.of("InstanceId", List.of(id)));
        assertEquals("stopping", state(page().get(id)));
        settle();
        assertEquals("stopped", state(page().get(id)));
    }

    @Test
    void describe_afterTerminate_showsDeleting_thenLeavesTheInstanceOut() {
        List<String> ids = launch(2);
        settle();
        assertEquals(2, page().size());
        f.client.call("TerminateInstances", Map.of("InstanceId", List.of(ids.get(0)), "ForceDelete", true));
        assertEquals("deleting", state(page().get(ids.get(0))));
        settle();
        Response r = f.client.call("DescribeInstances", Map.of("MaxResults", 10));
        assertFalse(byId(r).containsKey(ids.get(0)));
        assertEquals(1L, r.get("InstanceCount"));
        assertEquals("active", state(byId(r).get(ids.get(1))));
    }

    @Test
    void describe_afterTheStateIsChangedOutsideAnyCall_showsTheChange() {
        String id = launch(1).get(0);
        settle();
        assertEquals("active", state(page().get(id)));
        synchronized (f.sandbox.state().lock()) {
            Instance i = region.instances.get(id);
            i.name = "poked";
            i.keyIds.add("key-poked"); // a list changed in place, not replaced
        }
        Map<String, Object> after = page().get(id);
        assertEquals("poked", after.get("InstanceName"));
        assertEquals(List.of("key-poked"), after.get("KeySet"));
    }

    @Test
    void describe_afterItsNetworkInterfaceChanges_showsTheNewGroupsAndDns() {
        String id = launch(1).get(0);
        settle();
        page();
        String extraGroup;
        synchronized (f.sandbox.state().lock()) {
            extraGroup = region.securityGroups.keySet().iterator().next() + "-x";
            NetworkInterface primary = region.networkInterfaces.values().stream()
                    .filter(n -> id.equals(n.instanceId))
                    .findFirst()
                    .orElseThrow();
            primary.securityGroupIds.add(extraGroup);
            primary.dns1 = "198.18.0.53";
        }
        Map<?, ?> nic = (Map<?, ?>) ((List<?>) page().get(id).get("NetworkInterfaceSet")).get(0);
        assertTrue(
                ((List<?>) nic.get("SecurityGroupSet")).contains(Map.of("SecurityGroupId", extraGroup)),
                nic.toString());
        assertEquals("198.18.0.53", nic.get("DNS1"));
    }

    @Test
    void describeInXml_afterModifyInstanceAttribute_showsTheNewName() {
        try (SandboxFixture xml = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().json(false))) {
            RegionState r = xml.sandbox.state().region("cn-beijing-6");
            String image = r.images.values().stream()
                    .filter(i -> i.platform.equals("centos-7.6"))
                    .map(i -> i.id)
                    .findFirst()
                    .orElseThrow();
            String id = set(xml.client.call(
                            "RunInstances",
                            Map.of(
                                    "ImageId",
                                    image,
                                    "SubnetId",
                                    r.defaultSubnetId,
                                    "SecurityGroupId",
                                    r.defaultSecurityGroupId,
                                    "MinCount",
                                    1,
                                    "MaxCount",
                                    1,
                                    "ChargeType",
                                    "HourlyInstantSettlement",
                                    "InstanceType",
                                    "S4.2B")))
                    .get(0)
                    .get("InstanceId")
                    .toString();
            assertEquals(
                    id,
                    set(xml.client.call("DescribeInstances", Map.of())).get(0).get("InstanceId"));
            xml.client.call("ModifyInstanceAttribute", Map.of("InstanceId", id, "InstanceName", "renamed-in-xml"));
            assertEquals(
                    "renamed-in-xml",
                    set(xml.client.call("DescribeInstances", Map.of())).get(0).get("InstanceName"));
        }
    }
}
