package io.kecsh.runtime.sandbox;

import static io.kecsh.runtime.sandbox.CatalogTestSupport.clientIn;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.invalid;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.items;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.launch;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Data-guard groups over real HTTP: capacity 10, one group per instance, empty groups only are deleted. */
class DataGuardSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private String group(String name) {
        return (String) f.client
                .call("CreateDataGuardGroup", Map.of("DataGuardName", name))
                .get("DataGuardId");
    }

    private List<Map<String, Object>> groups(Object... params) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < params.length; i += 2) p.put((String) params[i], params[i + 1]);
        return items(f.client.call("DescribeDataGuardGroup", p), "DataGuardsSet");
    }

    private Map<String, Object> only(String id) {
        List<Map<String, Object>> found = groups("DataGuardId", id);
        assertEquals(1, found.size());
        return found.get(0);
    }

    private Response add(String group, List<String> instances) {
        return f.client.call("AddVmIntoDataGuard", Map.of("DataGuardId", group, "InstanceId", instances));
    }

    private String groupOf(String instance) {
        synchronized (f.sandbox.state().lock()) {
            return region.instances.get(instance).dataGuardId;
        }
    }

    @Test
    void createDataGuardGroup_isDescribedAsTheSampleShowsIt() {
        String id = group("test02");
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
        assertEquals(
                Map.of(
                        "DataGuardId",
                        id,
                        "DataGuardName",
                        "test02",
                        "DataGuardLevel",
                        "host",
                        "DataGuardCapacity",
                        10L,
                        "DataGuardUsedSize",
                        0L),
                withoutList(only(id)));
        assertTrue(items(only(id), "DataGuardInstancesList").isEmpty());
    }

    private static Map<String, Object> withoutList(Map<String, Object> group) {
        Map<String, Object> copy = new HashMap<>(group);
        copy.remove("DataGuardInstancesList");
        return copy;
    }

    @Test
    void describeDataGuardCapacity_tenAGroup_inTheCallersRegion() {
        assertEquals(
                Map.of("Region", "cn-beijing-6", "Capacity", 10L),
                struct(f.client.call("DescribeDataGuardCapacity", Map.of()), "DataGuardCapacity"));
        try (CloudClient hk = clientIn(f, "cn-hongkong-2")) {
            assertEquals(
                    Map.of("Region", "cn-hongkong-2", "Capacity", 10L),
                    struct(hk.call("DescribeDataGuardCapacity", Map.of()), "DataGuardCapacity"));
        }
    }

    @Test
    void addVmIntoDataGuard_membersAreListed_andEachInstanceKnowsItsGroup() {
        String g = group("web");
        List<String> ids = launch(f, region, 3, "S4.2B", "InstanceName", "web");
        assertEquals(true, add(g, ids.subList(0, 2)).get("Return"));
        Map<String, Object> described = only(g);
        assertEquals(2L, described.get("DataGuardUsedSize"));
        assertEquals(
                List.of(ids.get(0), ids.get(1)),
                items(described, "DataGuardInstancesList").stream()
                        .map(i -> i.get("InstanceId"))
                        .toList());
        assertEquals("web", items(described, "DataGuardInstancesList").get(0).get("InstanceName"));
        assertEquals(g, groupOf(ids.get(0)));
        assertNull(groupOf(ids.get(2)));
        add(g, List.of(ids.get(1), ids.get(2)));
        assertEquals(3L, only(g).get("DataGuardUsedSize"), "a member added again stays once");
    }

    @Test
    void addVmIntoDataGuard_oneGroupAtATime() {
        String a = group("a");
        String b = group("b");
        List<String> ids = launch(f, region, 2, "S4.2B");
        add(a, List.of(ids.get(0)));
        invalid("InstanceId.2", () -> add(b, List.of(ids.get(1), ids.get(0))));
        assertEquals(0L, only(b).get("DataGuardUsedSize"), "nothing moved");
        assertEquals(a, groupOf(ids.get(0)));
        f.client.call("RemoveVmFromDataGuard", Map.of("DataGuardId", a, "InstanceId", List.of(ids.get(0))));
        add(b, ids);
        assertEquals(2L, only(b).get("DataGuardUsedSize"));
    }

    @Test
    void addVmIntoDataGuard_tenFit_theEleventhDoesNot() {
        String g = group("full");
        List<String> ids = new ArrayList<>(launch(f, region, 11, "S4.2B"));
        add(g, ids.subList(0, 8));
        invalid("DataGuardId", () -> add(g, ids.subList(8, 11)));
        assertEquals(8L, only(g).get("DataGuardUsedSize"), "all or nothing");
        add(g, ids.subList(8, 10));
        assertEquals(10L, only(g).get("DataGuardUsedSize"));
        invalid("DataGuardId", () -> add(g, ids.subList(10, 11)));
    }

    @Test
    void addVmIntoDataGuard_unknownOrLocalDiskInstances_andUnknownGroups_areRefused() {
        String g = group("g");
        String cloud = launch(f, region, 1, "S4.2B").get(0);
        invalid("InstanceId.2", () -> add(g, List.of(cloud, "00000000-0000-4000-8000-000000000000")));
        String local = launch(f, region, 1, "I1.1A").get(0);
        var e = invalid("InstanceId.1", () -> add(g, List.of(local)));
        assertTrue(e.serviceMessage().contains("local disk"), e.serviceMessage());
        invalid("DataGuardId", () -> add("00000000-0000-4000-8000-000000000000", List.of(cloud)));
        assertEquals(0L, only(g).get("DataGuardUsedSize"));
    }

    @Test
    void removeVmFromDataGuard_leavesTheGroup_andOnlyMembersCanLeave() {
        String g = group("g");
        List<String> ids = launch(f, region, 3, "S4.2B");
        add(g, ids.subList(0, 2));
        invalid(
                "InstanceId.1",
                () -> f.client.call(
                        "RemoveVmFromDataGuard", Map.of("DataGuardId", g, "InstanceId", List.of(ids.get(2)))));
        invalid(
                "DataGuardId",
                () -> f.client.call(
                        "RemoveVmFromDataGuard",
                        Map.of(
                                "DataGuardId",
                                "00000000-0000-4000-8000-000000000000",
                                "InstanceId",
                                List.of(ids.get(0)))));
        Response r =
                f.client.call("RemoveVmFromDataGuard", Map.of("DataGuardId", g, "InstanceId", List.of(ids.get(1))));
        assertEquals(List.of(Map.of("InstanceId", ids.get(1), "Return", true)), items(r, "ReturnSet"));
        assertNull(groupOf(ids.get(1)));
        assertEquals(
                List.of(ids.get(0)),
                items(only(g), "DataGuardInstancesList").stream()
                        .map(i -> i.get("InstanceId"))
                        .toList());
    }

    @Test
    void modifyDataGuardGroups_renames_namesStayUnique() {
        String a = group("a");
        group("b");
        assertEquals(
                true,
                f.client
                        .call("ModifyDataGuardGroups", Map.of("DataGuardId", a, "DataGuardName", "renamed"))
                        .get("Return"));
        assertEquals("renamed", only(a).get("DataGuardName"));
        f.client.call("ModifyDataGuardGroups", Map.of("DataGuardId", a, "DataGuardName", "renamed"));
        invalid(
                "DataGuardName",
                () -> f.client.call("ModifyDataGuardGroups", Map.of("DataGuardId", a, "DataGuardName", "b")));
        invalid("DataGuardName", () -> group("b"));
        invalid(
                "DataGuardId",
                () -> f.client.call(
                        "ModifyDataGuardGroups",
                        Map.of("DataGuardId", "00000000-0000-4000-8000-000000000000", "DataGuardName", "x")));
    }

    @Test
    void describeDataGuardGroup_filtersByIdAndName() {
        String a = group("a");
        String b = group("b");
        assertEquals(
                List.of(a, b), groups().stream().map(g -> g.get("DataGuardId")).toList());
        assertEquals(
                List.of(b),
                groups("DataGuardName", "b").stream()
                        .map(g -> g.get("DataGuardId"))
                        .toList());
        assertEquals(List.of(), groups("DataGuardId", a, "DataGuardName", "b"));
        assertEquals(List.of(), groups("DataGuardId", "00000000-0000-4000-8000-000000000000"));
        try (CloudClient shanghai = clientIn(f, "cn-shanghai-2")) {
            assertTrue(
                    items(shanghai.call("DescribeDataGuardGroup", Map.of()), "DataGuardsSet")
                            .isEmpty(),
                    "groups are per region");
        }
    }

    @Test
    void deleteDataGuardGroups_onlyEmptyGroups_allOrNothing() {
        String a = group("a");
        String b = group("b");
        String member = launch(f, region, 1, "S4.2B").get(0);
        add(b, List.of(member));
        var e = invalid(
                "DataGuardId.2", () -> f.client.call("DeleteDataGuardGroups", Map.of("DataGuardId", List.of(a, b))));
        assertTrue(e.serviceMessage().contains("RemoveVmFromDataGuard"), e.serviceMessage());
        invalid(
                "DataGuardId.1",
                () -> f.client.call(
                        "DeleteDataGuardGroups",
                        Map.of("DataGuardId", List.of("00000000-0000-4000-8000-000000000000"))));
        assertEquals(2, groups().size());
        f.client.call("RemoveVmFromDataGuard", Map.of("DataGuardId", b, "InstanceId", List.of(member)));
        Response r = f.client.call("DeleteDataGuardGroups", Map.of("DataGuardId", List.of(a, b)));
        assertEquals(
                List.of(Map.of("DataGuardId", a, "Return", true), Map.of("DataGuardId", b, "Return", true)),
                items(r, "ReturnSet"));
        assertTrue(groups().isEmpty());
    }

    @Test
    void anInstanceThatIsGone_leavesItsGroup() {
        String g = group("g");
        List<String> ids = launch(f, region, 2, "S4.2B");
        add(g, ids);
        f.sandbox.clock().advance(Duration.ofMinutes(1));
        f.client.call("TerminateInstances", Map.of("InstanceId", List.of(ids.get(0)), "ForceDelete", true));
        f.sandbox.clock().advance(Duration.ofMinutes(1));
        f.client.call("DescribeInstances", Map.of());
        assertEquals(1L, only(g).get("DataGuardUsedSize"));
        f.client.call("RemoveVmFromDataGuard", Map.of("DataGuardId", g, "InstanceId", List.of(ids.get(1))));
        f.client.call("DeleteDataGuardGroups", Map.of("DataGuardId", List.of(g)));
    }

    @Test
    void runInstances_withADataGuardId_joinsTheGroup() {
        String g = group("g");
        List<String> ids = launch(f, region, 2, "S4.2B", "DataGuardId", g);
        assertEquals(
                ids,
                items(only(g), "DataGuardInstancesList").stream()
                        .map(i -> i.get("InstanceId"))
                        .toList());
    }
}
