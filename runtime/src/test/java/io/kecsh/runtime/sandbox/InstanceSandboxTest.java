package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.error.TransportException;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.waiter.WaitOptions;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The instance domain over real HTTP: what the documents say a real endpoint does. */
class InstanceSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private String image() {
        return region.images.values().stream()
                .filter(i -> i.platform.equals("centos-7.6"))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
    }

    private Map<String, Object> run(int count, Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                image(),
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
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> set(Map<String, Object> response, String key) {
        return (List<Map<String, Object>>) response.get(key);
    }

    private List<String> launch(int count, Object... extra) {
        return set(f.client.call("RunInstances", run(count, extra)), "InstancesSet").stream()
                .map(i -> (String) i.get("InstanceId"))
                .toList();
    }

    private String stateOf(String id) {
        Response r = f.client.call(
                "DescribeInstances",
                Map.of(
                        "InstanceId",
                        List.of(id),
                        "Filter",
                        List.of(Map.of(
                                "Name",
                                "instance-state.name",
                                "Value",
                                List.of(
                                        "recycling",
                                        "active",
                                        "stopped",
                                        "building",
                                        "stopping",
                                        "starting",
                                        "deleting",
                                        "rebooting",
                                        "rebuilding",
                                        "updating_password")))));
        List<Map<String, Object>> found = set(r, "InstancesSet");
        return found.isEmpty() ? "gone" : (String) ((Map<?, ?>) found.get(0).get("InstanceState")).get("Name");
    }

    @Test
    void theDesignCardRun_createsThreeInstances_thatBecomeActive() {
        List<String> ids = launch(3);
        assertEquals(3, ids.size());
        assertEquals("building", stateOf(ids.get(0)));
        Map<String, Object> done = f.client.waitFor(
                "InstanceActive",
                Map.of("InstanceId", ids),
                WaitOptions.defaultsFor(f.client.waiter("InstanceActive")));
        assertEquals(3, set(done, "InstancesSet").size());
        Map<String, Object> one = set(done, "InstancesSet").get(0);
        assertEquals("S4.2B", one.get("InstanceType"));
        assertEquals(2L, ((Map<?, ?>) one.get("InstanceConfigure")).get("VCPU"));
        assertEquals(4L, ((Map<?, ?>) one.get("InstanceConfigure")).get("MemoryGb"));
        assertTrue(((String) one.get("PrivateIpAddress")).startsWith("10.0.0."));
        assertEquals("cn-beijing-6a", one.get("AvailabilityZone"));
        assertEquals("可用区A", one.get("AvailabilityZoneName"));
        assertEquals("HourlyInstantSettlement", one.get("ChargeType"));
        assertTrue(
                ((String) one.get("InstanceName")).matches("KSC-IN-[A-Z0-9]{10}"),
                one.get("InstanceName").toString());
        assertEquals(1, set(one, "NetworkInterfaceSet").size());
        assertFalse(f.sleeps.isEmpty());
    }

    @Test
    void minAndMaxCount_createTheMostTheQuotaAllows_orNothing() {
        synchronized (f.sandbox.state().lock()) {
            region.instanceQuota = 5;
        }
        assertEquals(
                5,
                set(f.client.call("RunInstances", run(1, "MinCount", 3, "MaxCount", 10)), "InstancesSet")
                        .size());
        ServiceException e = assertThrows(ServiceException.class, () -> f.client.call("RunInstances", run(1)));
        assertEquals("InvalidParameterValue", e.code());
        assertTrue(
                e.getMessage().contains("input parameter MinCount")
                        && e.getMessage().contains("nothing was created"),
                e.getMessage());
        assertEquals(5, region.instances.size());
    }

    @Test
    void aTypeNotSoldInTheSubnetsZone_isRefused_namingWhereItIs() {
        ServiceException e = assertThrows(ServiceException.class, () -> launch(1, "InstanceType", "C3.4B"));
        assertTrue(
                e.getMessage().contains("C3.4B is not sold in cn-beijing-6a")
                        && e.getMessage().contains("cn-beijing-6b"),
                e.getMessage());
    }

    @Test
    void aDataGuardGroup_takesNoMoreThanItsCapacity() {
        String group = (String) f.client
                .call("CreateDataGuardGroup", Map.of("DataGuardName", "db"))
                .get("DataGuardId");
        assertEquals(10, launch(10, "DataGuardId", group).size());
        ServiceException e = assertThrows(ServiceException.class, () -> launch(1, "DataGuardId", group));
        assertTrue(e.getMessage().contains("room for 0 more instances"), e.getMessage());
    }

    @Test
    void namesAndHostNames_numberTheirSuffixes() {
        launch(3, "InstanceName", "web", "InstanceNameSuffix", 5, "HostName", "web", "HostNameSuffix", 1);
        List<String> names = region.instances.values().stream()
                .map(i -> i.name + "/" + i.hostName)
                .toList();
        assertEquals(List.of("web-5/web-1", "web-6/web-2", "web-7/web-3"), names);
    }

    @Test
    void startStopReboot_followTheStateTable_andAnswerEachInstancesReturn() {
        List<String> ids = launch(2);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        Response start = f.client.call("StartInstances", Map.of("InstanceId", ids));
        assertEquals(
                List.of(false, false),
                set(start, "InstancesSet").stream().map(i -> i.get("Return")).toList());
        Response stop = f.client.call(
                "StopInstances", Map.of("InstanceId", List.of(ids.get(0)), "StoppedMode", "StopCharging"));
        assertEquals(true, set(stop, "InstancesSet").get(0).get("Return"));
        assertEquals("stopping", stateOf(ids.get(0)));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals("stopped", stateOf(ids.get(0)));
        assertEquals("StopCharging", region.instances.get(ids.get(0)).stoppedMode);
        assertEquals(
                true,
                set(f.client.call("StartInstances", Map.of("InstanceId", List.of(ids.get(0)))), "InstancesSet")
                        .get(0)
                        .get("Return"));
        assertEquals("starting", stateOf(ids.get(0)));
        assertEquals(
                true,
                set(f.client.call("RebootInstances", Map.of("InstanceId", List.of(ids.get(1)))), "InstancesSet")
                        .get(0)
                        .get("Return"));
        assertEquals("rebooting", stateOf(ids.get(1)));
    }

    @Test
    void stopCharging_fallsBackToKeepCharging_forTypesThatCannot() {
        String id = launch(1, "InstanceType", "I1.2B").get(0);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.client.call("StopInstances", Map.of("InstanceId", List.of(id), "StoppedMode", "StopCharging"));
        assertEquals("KeepCharging", region.instances.get(id).stoppedMode);
    }

    @Test
    void terminate_putsInstancesInTheRecycleBin_hiddenUnlessAskedFor_andForceDeleteDestroys() {
        List<String> ids = launch(2);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.client.call("TerminateInstances", Map.of("InstanceId", ids));
        f.client.waitFor(
                "InstanceRecycling",
                Map.of("InstanceId", ids),
                WaitOptions.defaultsFor(f.client.waiter("InstanceRecycling")));
        assertEquals(0L, f.client.call("DescribeInstances", Map.of()).get("InstanceCount"));
        assertEquals(
                2L,
                f.client
                        .call(
                                "DescribeInstances",
                                Map.of(
                                        "Filter",
                                        List.of(Map.of("Name", "instance-state.name", "Value", List.of("recycling")))))
                        .get("InstanceCount"));
        f.client.call("TerminateInstances", Map.of("InstanceId", List.of(ids.get(0)), "ForceDelete", true));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals("gone", stateOf(ids.get(0)));
        assertEquals("recycling", stateOf(ids.get(1)));
    }

    @Test
    void modifications_enforceTheirDocumentedPreconditions() {
        String id = launch(1).get(0);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        ServiceException image = assertThrows(
                ServiceException.class,
                () -> f.client.call("ModifyInstanceImage", Map.of("InstanceId", id, "InstancePassword", "Passw0rd!x")));
        assertTrue(image.getMessage().contains("needs it stopped"), image.getMessage());
        ServiceException password = assertThrows(
                ServiceException.class,
                () -> f.client.call(
                        "ModifyInstanceAttribute", Map.of("InstanceId", id, "InstancePassword", "Passw0rd!x")));
        assertFalse(password.getMessage().contains("Passw0rd!x"));
        assertEquals(
                true,
                f.client
                        .call("ModifyInstanceAttribute", Map.of("InstanceId", id, "InstanceName", "renamed"))
                        .get("Return"));
        assertEquals("renamed", region.instances.get(id).name);
        ServiceException smaller = assertThrows(
                ServiceException.class,
                () -> f.client.call("ModifyInstanceType", Map.of("InstanceId", id, "InstanceType", "I1.1A")));
        assertTrue(smaller.getMessage().contains("larger type"), smaller.getMessage());
        f.client.call("StopInstances", Map.of("InstanceId", List.of(id)));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals(
                true,
                f.client
                        .call("ModifyInstanceImage", Map.of("InstanceId", id, "KeepImageLogin", true))
                        .get("Return"));
        assertEquals("rebuilding", stateOf(id));
    }

    @Test
    void describe_filtersSearchesSortsAndPages_asDocumented() {
        launch(3, "InstanceName", "web", "InstanceNameSuffix", 1);
        launch(2, "InstanceName", "db", "InstanceNameSuffix", 1, "ProjectId", 7L);
        launch(4, "InstanceName", "ci", "InstanceNameSuffix", 1);
        assertEquals(
                7L,
                f.client.call("DescribeInstances", Map.of()).get("InstanceCount"),
                "project 7 is not the default project");
        assertEquals(
                2L,
                f.client
                        .call("DescribeInstances", Map.of("ProjectId", List.of(7L)))
                        .get("InstanceCount"));
        assertEquals(
                3L, f.client.call("DescribeInstances", Map.of("Search", "WEB")).get("InstanceCount"));
        Response sorted = f.client.call(
                "DescribeInstances", Map.of("Sort", List.of(Map.of("Name", "InstanceName", "Value", "DESC"))));
        assertEquals("web-3", set(sorted, "InstancesSet").get(0).get("InstanceName"));
        Response page = f.client.call("DescribeInstances", Map.of("MaxResults", 5));
        assertEquals(5L, page.get("Marker"));
        assertEquals(5, set(page, "InstancesSet").size());
        Response last = f.client.call("DescribeInstances", Map.of("MaxResults", 5, "Marker", 5));
        assertEquals(0L, last.get("Marker"));
        assertEquals(2, set(last, "InstancesSet").size());
        assertEquals(7, f.client.pages("DescribeInstances", Map.of()).items().count());
        String zone = "cn-beijing-6a";
        assertEquals(
                7L,
                f.client
                        .call(
                                "DescribeInstances",
                                Map.of(
                                        "Filter",
                                        List.of(
                                                Map.of("Name", "availability-zone.name", "Value", List.of(zone)),
                                                Map.of("Name", "subnet-id", "Value", List.of(region.defaultSubnetId)))))
                        .get("InstanceCount"));
        assertEquals(
                0L,
                f.client
                        .call(
                                "DescribeInstances",
                                Map.of(
                                        "Filter",
                                        List.of(Map.of(
                                                "Name",
                                                "network-interface.group-id",
                                                "Value",
                                                List.of("00000000-0000-4000-8000-000000000000")))))
                        .get("InstanceCount"));
    }

    @Test
    void autoDeleteTimes_deleteTheInstance_whenTheyPass() {
        String id = launch(1).get(0);
        String when = LocalDateTime.ofInstant(f.sandbox.clock().instant(), ZoneOffset.ofHours(8))
                .plusHours(1)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        f.client.call("ModifyInstanceAutoDeleteTime", Map.of("InstanceId", List.of(id), "AutoDeleteTime", when));
        assertEquals(when, region.instances.get(id).autoDeleteTime);
        f.sandbox.clock().advance(Duration.ofMinutes(61));
        f.client.call("DescribeInstances", Map.of());
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals("gone", stateOf(id));
    }

    @Test
    void dryRun_answersWouldSucceed_andCreatesNothing() {
        Response r = f.client.call("RunInstances", run(2, "DryRun", true));
        assertTrue(r.dryRun());
        assertEquals(0, region.instances.size());
    }

    @Test
    void unknownIds_areInvalidParameterValue_namingTheParameter() {
        ServiceException e = assertThrows(
                ServiceException.class,
                () -> f.client.call(
                        "StartInstances", Map.of("InstanceId", List.of("48de6f74-e287-45df-b55e-94266d77483f"))));
        assertEquals("InvalidParameterValue", e.code());
        assertEquals(400, e.httpStatus());
        assertTrue(e.serviceMessage()
                .startsWith("An invalid or out-of-range value was supplied for the input parameter InstanceId.1."));
        Image missing = new Image();
        ServiceException img = assertThrows(
                ServiceException.class,
                () -> f.client.call("RunInstances", run(1, "ImageId", "48de6f74-e287-45df-b55e-94266d77483f")));
        assertTrue(img.getMessage().contains("parameter ImageId"), img.getMessage() + missing);
    }

    @Test
    void monitoringAndVnc() {
        String id = launch(1).get(0);
        Response on = f.client.call("MonitorInstances", Map.of("InstanceId", List.of(id)));
        assertEquals("enabled", ((Map<?, ?>) set(on, "InstancesSet").get(0).get("Monitoring")).get("State"));
        Response off = f.client.call("UnmonitorInstances", Map.of("InstanceId", List.of(id)));
        assertEquals("disabled", ((Map<?, ?>) set(off, "InstancesSet").get(0).get("Monitoring")).get("State"));
        assertThrows(ServiceException.class, () -> f.client.call("DescribeInstanceVnc", Map.of("InstanceId", id)));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertTrue(((String) f.client
                        .call("DescribeInstanceVnc", Map.of("InstanceId", id))
                        .get("vncUrl"))
                .startsWith("http://"));
    }

    @Test
    void faults_throttlingIsRetried_andADropAfterTheCallLeavesOneInstance() {
        f.sandbox.faults().throttleNext("RunInstances", 2);
        assertEquals(1, launch(1).size());
        assertEquals(2, f.sleeps.size());
        f.sandbox.faults().dropAfterNext("RunInstances", 1);
        TransportException e = assertThrows(TransportException.class, () -> launch(1));
        assertTrue(e.mayHaveBeenProcessed());
        assertEquals(2, region.instances.size(), "the dropped call took effect once and was not repeated");
    }

    @Test
    void xmlAnswers_parseTheSame() {
        launch(2);
        try (SandboxFixture xml = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().json(false))) {
            RegionState r = xml.sandbox.state().region("cn-beijing-6");
            String img = r.images.values().iterator().next().id;
            xml.client.call(
                    "RunInstances",
                    Map.of(
                            "ImageId",
                            img,
                            "SubnetId",
                            r.defaultSubnetId,
                            "SecurityGroupId",
                            r.defaultSecurityGroupId,
                            "MinCount",
                            2,
                            "MaxCount",
                            2,
                            "ChargeType",
                            "Daily"));
            Response described = xml.client.call("DescribeInstances", Map.of());
            assertEquals(2L, described.get("InstanceCount"));
            assertEquals("I1.1A", set(described, "InstancesSet").get(0).get("InstanceType"));
        }
    }
}
