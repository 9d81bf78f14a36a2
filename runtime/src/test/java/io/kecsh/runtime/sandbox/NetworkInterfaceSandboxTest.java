package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.NetworkInterface;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import io.kecsh.runtime.sandbox.state.Subnet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Network interfaces over real HTTP: vpc's ENI actions and kec's attach, detach and modify, in both documented forms. */
class NetworkInterfaceSandboxTest {
    private static final String NOBODY = "00000000-0000-4000-8000-000000000000";
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");
    private final Subnet subnetA = region.subnets.get(region.defaultSubnetId);
    private final String group = region.defaultSecurityGroupId;

    @AfterEach
    void close() {
        f.close();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Subnet subnetIn(String zone) {
        return region.subnets.values().stream()
                .filter(s -> s.zone.equals(zone))
                .findFirst()
                .orElseThrow();
    }

    /** An instance made by RunInstances in the subnet, active once the clock has moved past its build. */
    private String instance(Subnet subnet, Object... extra) {
        String image = region.images.values().stream()
                .filter(i -> i.platform.equals("centos-7.6"))
                .findFirst()
                .orElseThrow()
                .id;
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                image,
                "SubnetId",
                subnet.id,
                "SecurityGroupId",
                group,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B"));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        String id = (String)
                set(f.client.call("RunInstances", p), "InstancesSet").get(0).get("InstanceId");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        return id;
    }

    private String instance() {
        return instance(subnetA);
    }

    private String eni(Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(group)));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return (String) f.client.call("CreateNetworkInterface", p).get("NetworkInterfaceId");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> set(Map<String, Object> response, String key) {
        return (List<Map<String, Object>>) response.get(key);
    }

    private Map<String, Object> describe(String nicId) {
        List<Map<String, Object>> found = set(
                f.client.call("DescribeNetworkInterfaces", Map.of("NetworkInterfaceId", List.of(nicId))),
                "NetworkInterfaceSet");
        assertEquals(1, found.size());
        return found.get(0);
    }

    private List<String> describeIds(Map<String, ?> params) {
        return set(f.client.call("DescribeNetworkInterfaces", params), "NetworkInterfaceSet").stream()
                .map(n -> (String) n.get("NetworkInterfaceId"))
                .toList();
    }

    private String primaryOf(String instanceId) {
        return region.networkInterfaces.values().stream()
                .filter(n -> instanceId.equals(n.instanceId) && n.type.equals("primary"))
                .findFirst()
                .orElseThrow()
                .id;
    }

    private void attachEni(String nic, String instance) {
        assertEquals(
                true,
                f.client
                        .call("AttachNetworkInterface", Map.of("NetworkInterfaceId", nic, "InstanceId", instance))
                        .get("Return"));
    }

    /** A second VPC with one subnet in zone a and one security group, as the VPC API (not modelled) would make them. */
    private String[] otherVpc() {
        synchronized (f.sandbox.state().lock()) {
            Subnet s = new Subnet();
            s.id = f.sandbox.state().ids.uuid();
            s.name = "other";
            s.vpcId = f.sandbox.state().ids.uuid();
            s.zone = subnetA.zone;
            s.prefix = "172.16";
            region.subnets.put(s.id, s);
            SecurityGroup g = new SecurityGroup();
            g.id = f.sandbox.state().ids.uuid();
            g.name = "other-sg";
            g.vpcId = s.vpcId;
            region.securityGroups.put(g.id, g);
            return new String[] {s.id, g.id};
        }
    }

    private Subnet secondSubnetInZoneA() {
        synchronized (f.sandbox.state().lock()) {
            Subnet s = new Subnet();
            s.id = f.sandbox.state().ids.uuid();
            s.name = "second-a";
            s.vpcId = subnetA.vpcId;
            s.zone = subnetA.zone;
            s.prefix = "10.200";
            region.subnets.put(s.id, s);
            return s;
        }
    }

    private String secondGroup() {
        synchronized (f.sandbox.state().lock()) {
            SecurityGroup g = new SecurityGroup();
            g.id = f.sandbox.state().ids.uuid();
            g.name = "web";
            g.vpcId = subnetA.vpcId;
            region.securityGroups.put(g.id, g);
            return g.id;
        }
    }

    // ---- CreateNetworkInterface / DescribeNetworkInterfaces ------------------------------------

    @Test
    void createNetworkInterface_makesAnAvailableEni_describedWithTheSamplesFields() {
        String id = eni();
        Map<String, Object> n = describe(id);
        assertEquals(id, n.get("NetworkInterfaceId"));
        assertEquals("extension", n.get("NetworkInterfaceType"));
        assertEquals("Available", n.get("Status"));
        assertEquals(subnetA.id, n.get("SubnetId"));
        assertEquals(subnetA.name, n.get("SubnetName"));
        assertEquals(subnetA.vpcId, n.get("VpcId"));
        assertEquals("cn-beijing-6a", n.get("AvailabilityZoneName"));
        assertEquals("10.0.0.10", n.get("PrivateIpAddress"));
        assertTrue(
                ((String) n.get("MacAddress")).matches("fa:16:3e(:[0-9a-f]{2}){3}"),
                n.get("MacAddress").toString());
        assertEquals("2026-11-22 12:00:00", n.get("CreateTime")); // 04:00Z is noon in Beijing
        assertEquals(
                List.of(Map.of("SecurityGroupId", group, "SecurityGroupName", "default")), n.get("SecurityGroupSet"));
        assertEquals(group, n.get("SecurityGroupId"));
        assertEquals("198.18.254.30", n.get("DNS1"));
        assertEquals("198.18.254.31", n.get("DNS2"));
        assertFalse(n.containsKey("InstanceType"));
        assertEquals(false, n.get("Ipv6Public"));
        NetworkInterface stored = region.networkInterfaces.get(id);
        assertTrue(stored.elastic);
        assertNull(stored.instanceId);
    }

    @Test
    void createNetworkInterface_givenAnAddress_keepsIt_andRefusesOnesThatCannotBeUsed() {
        String id = eni("PrivateIpAddress", "10.0.0.77", "SecurityGroupId", List.of(group, group));
        assertEquals("10.0.0.77", describe(id).get("PrivateIpAddress"));
        assertEquals(1, ((List<?>) describe(id).get("SecurityGroupSet")).size());
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(group), "PrivateIpAddress", "10.0.0.77"),
                "PrivateIpAddress",
                "already in use");
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(group), "PrivateIpAddress", "10.1.0.5"),
                "PrivateIpAddress",
                "is not in subnet " + subnetA.id + " (10.0.0.0/16)");
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(group), "PrivateIpAddress", "10.0.0.1"),
                "PrivateIpAddress",
                "reserved");
    }

    @Test
    void createNetworkInterface_addressesAreUniqueAcrossInstancesAndEnis() {
        String instance = instance();
        String taken = region.instances.get(instance).privateIp;
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(group), "PrivateIpAddress", taken),
                "PrivateIpAddress",
                "already in use");
        String a = eni();
        String b = eni();
        List<String> ips = List.of(taken, (String) describe(a).get("PrivateIpAddress"), (String)
                describe(b).get("PrivateIpAddress"));
        assertEquals(3, ips.stream().distinct().count(), ips.toString());
        assertNotEquals(describe(a).get("MacAddress"), describe(b).get("MacAddress"));
    }

    @Test
    void createNetworkInterface_refusesUnknownSubnetsAndGroups_andGroupsOfAnotherVpc() {
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", NOBODY, "SecurityGroupId", List.of(group)),
                "SubnetId",
                "There is no subnet " + NOBODY);
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(group, NOBODY)),
                "SecurityGroupId.2",
                "There is no security group " + NOBODY);
        String[] other = otherVpc();
        f.refused(
                "CreateNetworkInterface",
                Map.of("SubnetId", subnetA.id, "SecurityGroupId", List.of(other[1])),
                "SecurityGroupId.1",
                "must be in the same VPC");
        String id = eni("SubnetId", other[0], "SecurityGroupId", List.of(other[1]));
        assertEquals("172.16.0.10", describe(id).get("PrivateIpAddress"));
        assertEquals(region.subnets.get(other[0]).vpcId, describe(id).get("VpcId"));
    }

    @Test
    void describeNetworkInterfaces_listsPrimaryNicsToo_andFiltersByZoneAndBinding() {
        String instance = instance();
        String primary = primaryOf(instance);
        String free = eni();
        Subnet subnetB = subnetIn("cn-beijing-6b");
        String inB = eni("SubnetId", subnetB.id);
        Map<String, Object> p = describe(primary);
        assertEquals("primary", p.get("NetworkInterfaceType"));
        assertEquals("InUse", p.get("Status"));
        assertEquals("kec", p.get("InstanceType"));
        assertEquals(region.instances.get(instance).privateIp, p.get("PrivateIpAddress"));
        assertEquals(List.of(primary, free, inB), describeIds(Map.of()));
        assertEquals(
                List.of(inB),
                describeIds(Map.of(
                        "Filter",
                        List.of(Map.of("Name", "availability-zone-name", "Value", List.of("cn-beijing-6b"))))));
        assertEquals(
                List.of(primary),
                describeIds(Map.of(
                        "Filter", List.of(Map.of("Name", "networkInterface-status", "Value", List.of("Bind"))))));
        assertEquals(
                List.of(free, inB),
                describeIds(Map.of(
                        "Filter", List.of(Map.of("Name", "networkInterface-status", "Value", List.of("UnBind"))))));
        assertEquals(
                List.of(free),
                describeIds(Map.of(
                        "Filter",
                        List.of(
                                Map.of("Name", "networkInterface-status", "Value", List.of("UnBind")),
                                Map.of(
                                        "Name",
                                        "availability-zone-name",
                                        "Value",
                                        List.of("cn-beijing-6a", "cn-beijing-6c"))))));
        assertEquals(List.of(free), describeIds(Map.of("NetworkInterfaceId", List.of(free, NOBODY))));
    }

    @Test
    void describeNetworkInterfaces_inXml_readsTheSameAsJson() {
        String id = eni();
        Map<String, Object> json = describe(id);
        try (CloudClient xml = new CloudClient(ClientConfig.builder()
                .endpoint(f.sandbox.endpoint())
                .json(false)
                .credentials(Cloud.KINGSOFT, f.sandbox.credentials().kingsoft())
                .clock(f.sandbox.clock())
                .build())) {
            Response r = xml.call("DescribeNetworkInterfaces", Map.of("NetworkInterfaceId", List.of(id)));
            assertEquals(List.of(json), r.get("NetworkInterfaceSet"));
        }
    }

    @Test
    void sameSandboxBuiltTheSameWay_handsOutTheSameIdsAndMacs() {
        String id = eni();
        String mac = (String) describe(id).get("MacAddress");
        try (SandboxFixture again = new SandboxFixture()) {
            RegionState r = again.sandbox.state().region("cn-beijing-6");
            String id2 = (String) again.client
                    .call(
                            "CreateNetworkInterface",
                            Map.of("SubnetId", r.defaultSubnetId, "SecurityGroupId", List.of(r.defaultSecurityGroupId)))
                    .get("NetworkInterfaceId");
            assertEquals(id, id2);
            assertEquals(mac, r.networkInterfaces.get(id2).mac);
        }
    }

    @Test
    void aStateFile_keepsNicsMidAttachment_andKeysWithoutTheirPrivateHalf_acrossRestarts(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("state.json");
        String nic;
        String key;
        try (SandboxFixture first =
                new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder())) {
            RegionState r = first.sandbox.state().region("cn-beijing-6");
            String image = r.images.values().stream()
                    .filter(i -> i.platform.equals("centos-7.6"))
                    .findFirst()
                    .orElseThrow()
                    .id;
            String instance = (String) set(
                            first.client.call(
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
                                            "HourlyInstantSettlement")),
                            "InstancesSet")
                    .get(0)
                    .get("InstanceId");
            first.sandbox.clock().advance(Duration.ofSeconds(10));
            nic = (String) first.client
                    .call(
                            "CreateNetworkInterface",
                            Map.of("SubnetId", r.defaultSubnetId, "SecurityGroupId", List.of(r.defaultSecurityGroupId)))
                    .get("NetworkInterfaceId");
            first.client.call("AttachNetworkInterface", Map.of("NetworkInterfaceId", nic, "InstanceId", instance));
            key = (String) ((Map<?, ?>) first.client
                            .call("CreateKey", Map.of("KeyName", "kept"))
                            .get("Key"))
                    .get("KeyId");
        }
        assertFalse(Files.readString(file).contains("PRIVATE KEY"), "no private key in the state file");
        try (SandboxFixture again =
                new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder())) {
            Map<String, Object> describe = Map.of("NetworkInterfaceId", List.of(nic));
            assertEquals(
                    "Attaching",
                    set(again.client.call("DescribeNetworkInterfaces", describe), "NetworkInterfaceSet")
                            .get(0)
                            .get("Status"));
            again.sandbox.clock().advance(Duration.ofSeconds(20));
            assertEquals(
                    "InUse",
                    set(again.client.call("DescribeNetworkInterfaces", describe), "NetworkInterfaceSet")
                            .get(0)
                            .get("Status"));
            assertEquals("kept", again.sandbox.state().keys.get(key).get("KeyName"));
        }
    }

    // ---- AttachNetworkInterface / DetachNetworkInterface: elastic-NIC form ---------------------

    @Test
    void attachElasticNic_showsAttachingThenInUse_andDetachMakesItAvailableAgain() {
        String instance = instance();
        String nic = eni();
        attachEni(nic, instance);
        assertEquals("Attaching", describe(nic).get("Status"));
        assertEquals("kec", describe(nic).get("InstanceType"));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals("InUse", describe(nic).get("Status"));
        assertEquals(
                List.of(nic),
                describeIds(Map.of(
                        "NetworkInterfaceId",
                        List.of(nic),
                        "Filter",
                        List.of(Map.of("Name", "networkInterface-status", "Value", List.of("Bind"))))));
        List<Map<String, Object>> nics = set(
                set(f.client.call("DescribeInstances", Map.of("InstanceId", List.of(instance))), "InstancesSet")
                        .get(0),
                "NetworkInterfaceSet");
        assertEquals(
                List.of("primary", "extension"),
                nics.stream().map(n -> n.get("NetworkInterfaceType")).toList());
        assertEquals(
                true,
                f.client
                        .call("DetachNetworkInterface", Map.of("NetworkInterfaceId", nic, "InstanceId", instance))
                        .get("Return"));
        Map<String, Object> after = describe(nic);
        assertEquals("Available", after.get("Status"));
        assertFalse(after.containsKey("InstanceType"));
        assertTrue(region.networkInterfaces.containsKey(nic));
    }

    @Test
    void attachElasticNic_completesAfterDescribes_whenTheClockCountsThem() {
        f.sandbox.clock().completeAfterDescribes(1);
        String instance = instance();
        String nic = eni();
        attachEni(nic, instance);
        assertEquals("Attaching", describe(nic).get("Status"));
        assertEquals("InUse", describe(nic).get("Status"));
    }

    @Test
    void attachElasticNic_toASecondInstance_isRefused_oneInstanceAtATime() {
        String first = instance();
        String second = instance();
        String nic = eni();
        attachEni(nic, first);
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", nic, "InstanceId", second),
                "NetworkInterfaceId",
                "is Attaching on instance " + first);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", nic, "InstanceId", second),
                "NetworkInterfaceId",
                "must be Available and attaches to one instance at a time");
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", nic, "InstanceId", first),
                "NetworkInterfaceId",
                "is InUse on this instance");
    }

    @Test
    void attachElasticNic_refusesOtherZones_nonElasticNics_andUnknownIds() {
        String instance = instance();
        String inB = eni("SubnetId", subnetIn("cn-beijing-6b").id);
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", inB, "InstanceId", instance),
                "NetworkInterfaceId",
                "is in zone cn-beijing-6b, instance " + instance + " in zone cn-beijing-6a");
        String other = instance();
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", primaryOf(other), "InstanceId", instance),
                "NetworkInterfaceId",
                "is the primary NIC of instance " + other + ", not an elastic network interface");
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", NOBODY, "InstanceId", instance),
                "NetworkInterfaceId",
                "There is no network interface " + NOBODY + " in cn-beijing-6");
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", inB, "InstanceId", NOBODY),
                "InstanceId",
                "There is no instance " + NOBODY);
    }

    @Test
    void attach_toAnInstanceStillBuilding_isRefusedUntilItIsActive() {
        String image = region.images.values().stream()
                .filter(i -> i.platform.equals("centos-7.6"))
                .findFirst()
                .orElseThrow()
                .id;
        String building = (String) set(
                        f.client.call(
                                "RunInstances",
                                Map.of(
                                        "ImageId",
                                        image,
                                        "SubnetId",
                                        subnetA.id,
                                        "SecurityGroupId",
                                        group,
                                        "MinCount",
                                        1,
                                        "MaxCount",
                                        1,
                                        "ChargeType",
                                        "HourlyInstantSettlement")),
                        "InstancesSet")
                .get(0)
                .get("InstanceId");
        String nic = eni();
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", nic, "InstanceId", building),
                "InstanceId",
                "is building; its network interfaces can change only when it is active or stopped");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        attachEni(nic, building);
    }

    @Test
    void attach_toAnInstanceInTheRecycleBin_isRefused() {
        String instance = instance();
        f.client.call("TerminateInstances", Map.of("InstanceId", List.of(instance)));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.refused(
                "AttachNetworkInterface",
                Map.of("NetworkInterfaceId", eni(), "InstanceId", instance),
                "InstanceId",
                "is in the recycle bin");
    }

    @Test
    void detach_refusesThePrimaryNic_aNicStillAttaching_andANicOfAnotherInstance() {
        String instance = instance();
        String other = instance();
        f.refused(
                "DetachNetworkInterface",
                Map.of("NetworkInterfaceId", primaryOf(instance), "InstanceId", instance),
                "NetworkInterfaceId",
                "the primary NIC cannot be detached");
        String nic = eni();
        attachEni(nic, instance);
        f.refused(
                "DetachNetworkInterface",
                Map.of("NetworkInterfaceId", nic, "InstanceId", instance),
                "NetworkInterfaceId",
                "is still Attaching");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.refused(
                "DetachNetworkInterface",
                Map.of("NetworkInterfaceId", nic, "InstanceId", other),
                "NetworkInterfaceId",
                "is not attached to instance " + other + " (it is on instance " + instance + ")");
        String free = eni();
        f.refused(
                "DetachNetworkInterface",
                Map.of("NetworkInterfaceId", free, "InstanceId", instance),
                "NetworkInterfaceId",
                "(it is Available)");
    }

    @Test
    void destroyingAnInstance_freesItsEni_evenMidAttachment_andRemovesItsPrimaryNic() {
        String instance = instance();
        String primary = primaryOf(instance);
        String nic = eni();
        attachEni(nic, instance);
        f.client.call("TerminateInstances", Map.of("InstanceId", List.of(instance), "ForceDelete", true));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.client.call("DescribeInstances", Map.of());
        assertEquals("Available", describe(nic).get("Status"));
        assertTrue(describeIds(Map.of("NetworkInterfaceId", List.of(primary))).isEmpty());
        assertEquals(
                true,
                f.client
                        .call("DeleteNetworkInterface", Map.of("NetworkInterfaceId", nic))
                        .get("Return"));
    }

    // ---- DeleteNetworkInterface ----------------------------------------------------------------

    @Test
    void deleteNetworkInterface_refusesAnAttachedEni_untilItIsDetached() {
        String instance = instance();
        String nic = eni();
        attachEni(nic, instance);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.refused(
                "DeleteNetworkInterface",
                Map.of("NetworkInterfaceId", nic),
                "NetworkInterfaceId",
                "is attached to instance " + instance + "; detach it first (DetachNetworkInterface)");
        f.client.call("DetachNetworkInterface", Map.of("NetworkInterfaceId", nic, "InstanceId", instance));
        assertEquals(
                true,
                f.client
                        .call("DeleteNetworkInterface", Map.of("NetworkInterfaceId", nic))
                        .get("Return"));
        assertTrue(describeIds(Map.of("NetworkInterfaceId", List.of(nic))).isEmpty());
        f.refused(
                "DeleteNetworkInterface",
                Map.of("NetworkInterfaceId", nic),
                "NetworkInterfaceId",
                "There is no network interface");
    }

    @Test
    void deleteNetworkInterface_refusesPrimaryAndSecondaryNics() {
        String instance = instance();
        f.refused(
                "DeleteNetworkInterface",
                Map.of("NetworkInterfaceId", primaryOf(instance)),
                "NetworkInterfaceId",
                "is the primary NIC of instance " + instance + ", not an elastic network interface.");
        f.client.call(
                "AttachNetworkInterface",
                Map.of("InstanceId", instance, "SubnetId", subnetA.id, "SecurityGroupId", List.of(group)));
        String secondary = region.networkInterfaces.values().stream()
                .filter(n -> n.type.equals("extension"))
                .findFirst()
                .orElseThrow()
                .id;
        f.refused(
                "DeleteNetworkInterface",
                Map.of("NetworkInterfaceId", secondary),
                "NetworkInterfaceId",
                "is the secondary NIC of instance " + instance
                        + ", not an elastic network interface; DetachNetworkInterface removes it.");
    }

    // ---- AttachNetworkInterface / DetachNetworkInterface: secondary-NIC form -------------------

    @Test
    void addSecondaryNic_createsAnExtensionNic_withOnlyTheFirstGroup_andDetachDeletesIt() {
        String instance = instance();
        String web = secondGroup();
        assertEquals(
                true,
                f.client
                        .call(
                                "AttachNetworkInterface",
                                Map.of(
                                        "InstanceId",
                                        instance,
                                        "SubnetId",
                                        subnetA.id,
                                        "SecurityGroupId",
                                        List.of(web, NOBODY),
                                        "PrivateIpAddress",
                                        "10.0.0.200"))
                        .get("Return"));
        NetworkInterface secondary = region.networkInterfaces.values().stream()
                .filter(n -> instance.equals(n.instanceId) && n.type.equals("extension"))
                .findFirst()
                .orElseThrow();
        assertFalse(secondary.elastic);
        Map<String, Object> n = describe(secondary.id);
        assertEquals("Attaching", n.get("Status"));
        assertEquals("10.0.0.200", n.get("PrivateIpAddress"));
        assertEquals(List.of(Map.of("SecurityGroupId", web, "SecurityGroupName", "web")), n.get("SecurityGroupSet"));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals("InUse", describe(secondary.id).get("Status"));
        assertEquals(
                true,
                f.client
                        .call(
                                "DetachNetworkInterface",
                                Map.of("InstanceId", instance, "NetworkInterfaceId", secondary.id))
                        .get("Return"));
        assertFalse(region.networkInterfaces.containsKey(secondary.id));
        assertTrue(
                describeIds(Map.of("NetworkInterfaceId", List.of(secondary.id))).isEmpty());
    }

    @Test
    void addSecondaryNic_onlyOnePerInstance_thoughAnEniMayBeAttachedBeside() {
        String instance = instance();
        Map<String, Object> add =
                Map.of("InstanceId", instance, "SubnetId", subnetA.id, "SecurityGroupId", List.of(group));
        f.client.call("AttachNetworkInterface", add);
        f.refused("AttachNetworkInterface", add, "InstanceId", "already has a secondary NIC");
        attachEni(eni(), instance);
        assertEquals(
                3,
                region.networkInterfaces.values().stream()
                        .filter(n -> instance.equals(n.instanceId))
                        .count());
    }

    @Test
    void addSecondaryNic_refusesSubnetsOfOtherZones_groupsOfOtherVpcs_andTakenAddresses() {
        String instance = instance();
        f.refused(
                "AttachNetworkInterface",
                Map.of(
                        "InstanceId",
                        instance,
                        "SubnetId",
                        subnetIn("cn-beijing-6b").id,
                        "SecurityGroupId",
                        List.of(group)),
                "SubnetId",
                "is in zone cn-beijing-6b, instance " + instance + " in zone cn-beijing-6a");
        String[] other = otherVpc();
        f.refused(
                "AttachNetworkInterface",
                Map.of("InstanceId", instance, "SubnetId", other[0], "SecurityGroupId", List.of(group)),
                "SecurityGroupId.1",
                "must be in the same VPC");
        f.refused(
                "AttachNetworkInterface",
                Map.of(
                        "InstanceId",
                        instance,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "PrivateIpAddress",
                        region.instances.get(instance).privateIp),
                "PrivateIpAddress",
                "already in use");
        f.refused(
                "AttachNetworkInterface",
                Map.of("InstanceId", NOBODY, "SubnetId", subnetA.id, "SecurityGroupId", List.of(group)),
                "InstanceId",
                "There is no instance " + NOBODY);
        assertEquals(
                1,
                region.networkInterfaces.values().stream()
                        .filter(n -> instance.equals(n.instanceId))
                        .count());
    }

    // ---- ModifyNetworkInterfaceAttribute --------------------------------------------------------

    @Test
    void modify_replacesTheSecurityGroups_andKeepsTheAddressInTheSameSubnet() {
        String instance = instance();
        String primary = primaryOf(instance);
        String ip = region.instances.get(instance).privateIp;
        String web = secondGroup();
        assertEquals(
                true,
                f.client
                        .call(
                                "ModifyNetworkInterfaceAttribute",
                                Map.of(
                                        "InstanceId",
                                        instance,
                                        "NetworkInterfaceId",
                                        primary,
                                        "SubnetId",
                                        subnetA.id,
                                        "SecurityGroupId",
                                        List.of(group, web)))
                        .get("Return"));
        assertEquals(List.of(group, web), describeGroups(primary));
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(web)));
        assertEquals(List.of(web), describeGroups(primary));
        assertEquals(ip, describe(primary).get("PrivateIpAddress"));
        assertEquals(List.of(web), region.instances.get(instance).securityGroupIds);
    }

    private List<Object> describeGroups(String nic) {
        return set(describe(nic), "SecurityGroupSet").stream()
                .map(g -> g.get("SecurityGroupId"))
                .toList();
    }

    @Test
    void modify_toANewSubnet_assignsAnAddressThere_orTakesTheOneGiven_andTheInstanceFollows() {
        String instance = instance();
        String primary = primaryOf(instance);
        Subnet second = secondSubnetInZoneA();
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        second.id,
                        "SecurityGroupId",
                        List.of(group)));
        assertEquals("10.200.0.10", describe(primary).get("PrivateIpAddress"));
        assertEquals(second.id, describe(primary).get("SubnetId"));
        Map<String, Object> seen = set(
                        f.client.call("DescribeInstances", Map.of("InstanceId", List.of(instance))), "InstancesSet")
                .get(0);
        assertEquals("10.200.0.10", seen.get("PrivateIpAddress"));
        assertEquals(second.id, seen.get("SubnetId"));
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "PrivateIpAddress",
                        "10.0.0.99"));
        assertEquals("10.0.0.99", describe(primary).get("PrivateIpAddress"));
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "PrivateIpAddress",
                        "10.0.0.98"));
        assertEquals("10.0.0.98", region.instances.get(instance).privateIp);
    }

    @Test
    void modify_acrossVpcs_needsSubnetAndGroupsOfOneVpc() {
        String instance = instance();
        String primary = primaryOf(instance);
        String[] other = otherVpc();
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        other[0],
                        "SecurityGroupId",
                        List.of(group)),
                "SecurityGroupId.1",
                "must be in the same VPC");
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        other[0],
                        "SecurityGroupId",
                        List.of(other[1])));
        Instance i = region.instances.get(instance);
        assertEquals(region.subnets.get(other[0]).vpcId, i.vpcId);
        assertEquals("172.16.0.10", i.privateIp);
    }

    @Test
    void modify_setsDnsOnThePrimaryNic_whichTheSecondaryFollows_andRefusesDnsOnTheSecondary() {
        String instance = instance();
        String primary = primaryOf(instance);
        f.client.call(
                "AttachNetworkInterface",
                Map.of("InstanceId", instance, "SubnetId", subnetA.id, "SecurityGroupId", List.of(group)));
        String secondary = region.networkInterfaces.values().stream()
                .filter(n -> instance.equals(n.instanceId) && n.type.equals("extension"))
                .findFirst()
                .orElseThrow()
                .id;
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "DNS1",
                        "8.8.8.8"));
        assertEquals("8.8.8.8", describe(primary).get("DNS1"));
        assertEquals("198.18.254.31", describe(primary).get("DNS2"));
        assertEquals("8.8.8.8", describe(secondary).get("DNS1"));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        secondary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "DNS2",
                        "1.1.1.1"),
                "DNS2",
                "its DNS follows the primary NIC, so DNS1 and DNS2 must be omitted");
        String web = secondGroup();
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        secondary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(web)));
        assertEquals(List.of(web), describeGroups(secondary));
        assertEquals(List.of(group), describeGroups(primary));
    }

    @Test
    void modify_refusesAnAttachingNic_aNicOfAnotherInstance_andOtherZones() {
        String instance = instance();
        String other = instance();
        String nic = eni();
        attachEni(nic, instance);
        Map<String, Object> change = Map.of(
                "InstanceId",
                instance,
                "NetworkInterfaceId",
                nic,
                "SubnetId",
                subnetA.id,
                "SecurityGroupId",
                List.of(group));
        f.refused("ModifyNetworkInterfaceAttribute", change, "NetworkInterfaceId", "is still Attaching");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        assertEquals(
                true, f.client.call("ModifyNetworkInterfaceAttribute", change).get("Return"));
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        other,
                        "NetworkInterfaceId",
                        nic,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group)),
                "NetworkInterfaceId",
                "is not attached to instance " + other);
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        nic,
                        "SubnetId",
                        subnetIn("cn-beijing-6c").id,
                        "SecurityGroupId",
                        List.of(group)),
                "SubnetId",
                "is in zone cn-beijing-6c");
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        nic,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "PrivateIpAddress",
                        region.instances.get(other).privateIp),
                "PrivateIpAddress",
                "already in use");
    }

    @Test
    void modify_primaryNicOfAnInstanceWithAnEip_keepsSubnetAndAddress_butMayChangeGroups() {
        String instance = instance();
        String primary = primaryOf(instance);
        synchronized (f.sandbox.state().lock()) {
            region.instances.get(instance).extra.put("AddressBandWidth", 5L);
        }
        Subnet second = secondSubnetInZoneA();
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        second.id,
                        "SecurityGroupId",
                        List.of(group)),
                "SubnetId",
                "has an EIP bound to its primary NIC");
        f.refused(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(group),
                        "PrivateIpAddress",
                        "10.0.0.99"),
                "PrivateIpAddress",
                "has an EIP bound");
        String web = secondGroup();
        f.client.call(
                "ModifyNetworkInterfaceAttribute",
                Map.of(
                        "InstanceId",
                        instance,
                        "NetworkInterfaceId",
                        primary,
                        "SubnetId",
                        subnetA.id,
                        "SecurityGroupId",
                        List.of(web)));
        assertEquals(List.of(web), describeGroups(primary));
    }
}
