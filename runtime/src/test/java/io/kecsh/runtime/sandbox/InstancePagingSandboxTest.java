package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.OneInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DescribeInstances pages (MaxResults and Marker) over real HTTP while instances come and go
 * between the pages, against what the region holds at each call: the Marker is the offset of the
 * next instance in the project's creation order without the recycle bin, InstanceCount how many
 * there are, whatever serves the page (the region's index or a pass over it).
 */
class InstancePagingSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");
    private final Random random = new Random(16);

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 50, 100, 1000})
    void pagesFollowTheRegion_whileInstancesAreLaunchedAndTerminatedBetweenThem(int count) {
        launch(count, 0);
        int max = Math.max(5, count / 7); // below the count (MaxResults is at least 5: one instance fills a page)
        long marker = 0;
        int pages = 0;
        do {
            Response page = describe(Map.of("MaxResults", max, "Marker", marker));
            assertPage(page, marker, max, 0);
            marker = ((Number) page.get("Marker")).longValue();
            pages++;
            between(pages);
        } while (marker != 0 && pages < 40);
        assertTrue(pages > 1 || count < max, "more than one page: " + pages);
        // by InstanceId: the same order and count, the recycle bin and unknown projects left out
        List<String> ids = new ArrayList<>(region.instances.keySet());
        java.util.Collections.shuffle(ids, random);
        List<String> asked = ids.subList(0, Math.min(ids.size(), 30));
        Response byId = describe(Map.of("InstanceId", asked, "MaxResults", 5, "Marker", 2));
        List<String> expected = listed(0).stream().filter(asked::contains).toList();
        assertEquals((long) expected.size(), byId.get("InstanceCount"));
        assertEquals(expected.subList(Math.min(2, expected.size()), Math.min(7, expected.size())), idsOf(byId));
    }

    @Test
    void anotherProjectsInstances_pageApart_andCountApart() {
        launch(12, 0);
        launch(9, 7);
        assertPage(describe(Map.of("MaxResults", 5, "Marker", 10)), 10, 5, 0);
        assertPage(describe(Map.of("ProjectId", List.of(7), "MaxResults", 5, "Marker", 5)), 5, 5, 7);
        assertEquals(21L, describe(Map.of("ProjectId", List.of(0, 7))).get("InstanceCount"));
    }

    @Test
    void aMarkerPastTheEnd_answersAnEmptyPage_andNoMarker() {
        launch(6, 0);
        Response page = describe(Map.of("MaxResults", 5, "Marker", 40));
        assertEquals(0L, page.get("Marker"));
        assertEquals(6L, page.get("InstanceCount"));
        assertEquals(List.of(), idsOf(page));
    }

    /** Instances a test puts into the state, or changes there, without any handler: the next page shows them. */
    @Test
    void directChangesToTheState_showInTheNextPage() {
        launch(8, 0);
        assertPage(describe(Map.of("MaxResults", 5)), 0, 5, 0);
        Instance put;
        synchronized (f.sandbox.state().lock()) {
            Instance model = region.instances.values().iterator().next();
            put = new Instance();
            put.id = f.sandbox.state().ids.uuid();
            put.name = "put-directly";
            put.imageId = model.imageId;
            put.type = model.type;
            put.zone = model.zone;
            put.subnetId = model.subnetId;
            put.state = "active";
            put.chargeType = model.chargeType;
            put.creationDate = model.creationDate;
            put.securityGroupIds.addAll(model.securityGroupIds);
            put.systemDiskType = model.systemDiskType;
            put.systemDiskSize = model.systemDiskSize;
            region.instances.put(put.id, put);
        }
        Response after = describe(Map.of("MaxResults", 5, "Marker", 5));
        assertPage(after, 5, 5, 0);
        assertEquals(9L, after.get("InstanceCount"));
        assertTrue(idsOf(after).contains(put.id), "the instance put into the state is listed");
        // an instance of the page moved to the recycle bin and one to another project, directly
        synchronized (f.sandbox.state().lock()) {
            List<Instance> firstPage = new ArrayList<>(region.instances.values()).subList(0, 5);
            firstPage.get(1).state = "recycling";
            firstPage.get(3).projectId = 4;
        }
        assertPage(describe(Map.of("MaxResults", 5)), 0, 5, 0);
        assertEquals(7L, describe(Map.of("MaxResults", 5)).get("InstanceCount"));
        assertPage(describe(Map.of("ProjectId", List.of(4))), 0, 10, 4);
    }

    /** A NIC attached or detached in the state directly, without a handler: the next page shows it. */
    @Test
    void nicsAttachedOrDetachedDirectly_showInTheNextPage() {
        launch(6, 0);
        String first = listed(0).get(0);
        assertEquals(1, nicsOf(describe(Map.of("MaxResults", 5)), first).size());
        NetworkInterface free;
        synchronized (f.sandbox.state().lock()) {
            NetworkInterface primary = primaryOf(first);
            free = new NetworkInterface();
            free.id = f.sandbox.state().ids.uuid();
            free.type = "extension";
            free.elastic = true;
            free.subnetId = primary.subnetId;
            free.vpcId = primary.vpcId;
            free.zone = primary.zone;
            free.privateIp = "10.0.250.250";
            free.status = "Available";
            region.networkInterfaces.put(free.id, free); // a new NIC: the region has one more
        }
        assertEquals(1, nicsOf(describe(Map.of("MaxResults", 5)), first).size());
        synchronized (f.sandbox.state().lock()) {
            free.instanceId = first; // attached: the same number of NICs
            free.status = "InUse";
        }
        assertEquals(List.of(primaryOf(first).id, free.id), nicsOf(describe(Map.of("MaxResults", 5)), first));
        synchronized (f.sandbox.state().lock()) {
            free.instanceId = null; // detached again
            free.status = "Available";
        }
        assertEquals(List.of(primaryOf(first).id), nicsOf(describe(Map.of("MaxResults", 5)), first));
    }

    private NetworkInterface primaryOf(String instanceId) {
        return region.networkInterfaces.values().stream()
                .filter(n -> instanceId.equals(n.instanceId) && "primary".equals(n.type))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> nicsOf(Response page, String instanceId) {
        return ((List<Map<String, Object>>) page.get("InstancesSet"))
                .stream()
                        .filter(i -> instanceId.equals(i.get("InstanceId")))
                        .findFirst()
                        .map(i -> ((List<Map<String, Object>>) i.get("NetworkInterfaceSet"))
                                .stream()
                                        .map(n -> (String) n.get("NetworkInterfaceId"))
                                        .toList())
                        .orElseThrow();
    }

    /** Between pages: launch some, terminate some (to the recycle bin, or for good), let the clock finish them. */
    private void between(int page) {
        List<String> live = listed(0);
        switch (page % 3) {
            case 0 -> launch(1 + random.nextInt(7), 0);
            case 1 -> {
                if (!live.isEmpty()) {
                    terminate(List.of(live.get(random.nextInt(live.size()))), false);
                }
            }
            default -> {
                launch(2, 0);
                if (live.size() > 2) {
                    terminate(List.of(live.get(0), live.get(live.size() / 2)), true);
                }
            }
        }
        f.sandbox.clock().advance(Duration.ofMinutes(5)); // building and deleting finish at the next call
    }

    private void assertPage(Response page, long marker, int max, long project) {
        List<String> listed = listed(project); // the describe settled the region: it is as the describe saw it
        int from = (int) Math.min(marker, listed.size());
        int to = Math.min(listed.size(), from + max);
        assertEquals((long) listed.size(), page.get("InstanceCount"), "InstanceCount");
        assertEquals(listed.subList(from, to), idsOf(page), "the page at Marker " + marker);
        assertEquals(to < listed.size() ? (long) to : 0L, page.get("Marker"), "the next Marker");
    }

    /** The project's instances in creation order, without the recycle bin: what a describe without filters lists. */
    private List<String> listed(long project) {
        synchronized (f.sandbox.state().lock()) {
            return region.instances.values().stream()
                    .filter(i -> i.projectId == project && !"recycling".equals(i.state))
                    .map(i -> i.id)
                    .toList();
        }
    }

    private Response describe(Map<String, Object> params) {
        return f.client.call("DescribeInstances", params);
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsOf(Response page) {
        return ((List<Map<String, Object>>) page.get("InstancesSet"))
                .stream().map(i -> (String) i.get("InstanceId")).toList();
    }

    private void launch(int count, long project) {
        for (int left = count; left > 0; left -= 50) {
            int n = Math.min(50, left);
            Map<String, Object> run = new HashMap<>(OneInstance.runParams(region));
            run.put("MinCount", n);
            run.put("MaxCount", n);
            if (project != 0) run.put("ProjectId", project);
            f.client.call("RunInstances", run);
        }
    }

    private void terminate(List<String> ids, boolean force) {
        Map<String, Object> params = new HashMap<>(Map.of("InstanceId", ids));
        if (force) params.put("ForceDelete", true);
        f.client.call("TerminateInstances", params);
    }
}
