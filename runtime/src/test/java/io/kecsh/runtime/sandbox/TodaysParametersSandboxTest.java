package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SecurityGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: what the sandbox does with the parameters Kingsoft's current SDK sends — it keeps and
 * shows what DescribeInstances shows (sdk-go's response members), binds every security group of a
 * SecurityGroupId.N list, filters by today's filter names, pages DescribeNetworkInterfaces and
 * DescribeLocalVolumes, finds the volume of a snapshot, and resizes a system disk with the type.
 */
class TodaysParametersSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, Object> run(Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                CatalogTestSupport.centos(region),
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B"));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return p;
    }

    private String launch(Object... extra) {
        return (String) CatalogTestSupport.items(f.client.call("RunInstances", run(extra)), "InstancesSet")
                .get(0)
                .get("InstanceId");
    }

    private Map<String, Object> describe(String id) {
        return CatalogTestSupport.items(
                        f.client.call("DescribeInstances", Map.of("InstanceId", List.of(id))), "InstancesSet")
                .get(0);
    }

    private String secondGroup() {
        synchronized (f.sandbox.state().lock()) {
            SecurityGroup g = new SecurityGroup();
            g.id = f.sandbox.state().ids.uuid();
            g.vpcId = region.securityGroups.get(region.defaultSecurityGroupId).vpcId;
            g.name = "second";
            region.securityGroups.put(g.id, g);
            return g.id;
        }
    }

    @Test
    void runInstances_failureAutoDeleteSyncTagIpv6_areShownByDescribeInstances() {
        String id = launch(
                "FailureAutoDelete",
                true,
                "SyncTag",
                false,
                "DistributeIpv6",
                true,
                "Tag",
                List.of(Map.of("Key", "env", "Value", "prod")),
                "IamRoleName",
                "reader");
        Map<String, Object> shown = describe(id);
        assertEquals(true, shown.get("FailureAutoDelete"));
        assertEquals(false, shown.get("SyncTag"));
        assertEquals(true, shown.get("IsDistributeIpv6"));
        Map<String, Object> plain = describe(launch());
        assertFalse(plain.containsKey("FailureAutoDelete"), "not given, not shown");
    }

    @Test
    void runInstances_securityGroupList_bindsEveryGroup_aDslListOrOneValue() {
        String second = secondGroup();
        String both = launch("SecurityGroupId", List.of(region.defaultSecurityGroupId, second));
        Map<?, ?> nic = (Map<?, ?>) ((List<?>) describe(both).get("NetworkInterfaceSet")).get(0);
        assertEquals(
                List.of(Map.of("SecurityGroupId", region.defaultSecurityGroupId), Map.of("SecurityGroupId", second)),
                nic.get("SecurityGroupSet"));
        String one = launch("SecurityGroupId", second);
        nic = (Map<?, ?>) ((List<?>) describe(one).get("NetworkInterfaceSet")).get(0);
        assertEquals(List.of(Map.of("SecurityGroupId", second)), nic.get("SecurityGroupSet"));
    }

    @Test
    void runInstances_unknownSecondGroup_isRefusedByItsIndexedName() {
        f.refused(
                "RunInstances",
                run("SecurityGroupId", List.of(region.defaultSecurityGroupId, "0f6e7c1a-44c3-4cbb-9a34-3a1f4b0e6d21")),
                "SecurityGroupId.2",
                "There is no security group");
    }

    @Test
    void describeInstances_todaysFilterNames_selectTheMatchingInstances() {
        String web = launch("InstanceName", "web");
        String db = launch("InstanceName", "db");
        assertEquals(List.of(web), ids(filter("instance-name", "web")));
        assertEquals(List.of(db), ids(filter("private-ip-address", (String)
                describe(db).get("PrivateIpAddress"))));
        assertEquals(2, ids(filter("instance-type", "S4.2B")).size());
        assertEquals(2, ids(filter("availability-zone-name", "cn-beijing-6a")).size());
        assertEquals(
                2, ids(filter("image-id", CatalogTestSupport.centos(region))).size());
        assertEquals(0, ids(filter("charge-type", "Monthly")).size());
    }

    private Response filter(String name, String value) {
        return f.client.call(
                "DescribeInstances", Map.of("Filter", List.of(Map.of("Name", name, "Value", List.of(value)))));
    }

    private static List<Object> ids(Map<String, Object> response) {
        return CatalogTestSupport.items(response, "InstancesSet").stream()
                .map(i -> i.get("InstanceId"))
                .toList();
    }

    @Test
    void describeNetworkInterfaces_terraformFilters_andMaxResultsNextToken_page() {
        for (int i = 0; i < 3; i++) launch();
        Response all = f.client.call(
                "vpc",
                "DescribeNetworkInterfaces",
                Map.of(
                        "Filter",
                        List.of(
                                Map.of("Name", "instance-type", "Value", List.of("kec")),
                                Map.of("Name", "securitygroup-id", "Value", List.of(region.defaultSecurityGroupId)))));
        assertEquals(3L, all.get("TotalCount"));
        assertNull(all.get("NextToken"));
        Response first = f.client.call(
                "vpc",
                "DescribeNetworkInterfaces",
                Map.of(
                        "MaxResults",
                        5,
                        "Filter",
                        List.of(Map.of(
                                "Name",
                                "vpc-id",
                                "Value",
                                List.of(region.subnets.get(region.defaultSubnetId).vpcId)))));
        assertEquals(3, ((List<?>) first.get("NetworkInterfaceSet")).size());
        for (int i = 0; i < 3; i++) launch();
        Response page = f.client.call("vpc", "DescribeNetworkInterfaces", Map.of("MaxResults", 5));
        assertEquals(5, ((List<?>) page.get("NetworkInterfaceSet")).size());
        Response rest = f.client.call(
                "vpc", "DescribeNetworkInterfaces", Map.of("MaxResults", 5, "NextToken", page.get("NextToken")));
        assertEquals(6, 5 + ((List<?>) rest.get("NetworkInterfaceSet")).size());
        assertNull(rest.get("NextToken"));
    }

    @Test
    void createNetworkInterface_name_isShown() {
        String id = (String) f.client
                .call(
                        "vpc",
                        "CreateNetworkInterface",
                        Map.of(
                                "SubnetId",
                                region.defaultSubnetId,
                                "SecurityGroupId",
                                List.of(region.defaultSecurityGroupId),
                                "NetworkInterfaceName",
                                "eni-web"))
                .get("NetworkInterfaceId");
        Map<String, Object> shown = CatalogTestSupport.items(
                        f.client.call("vpc", "DescribeNetworkInterfaces", Map.of("NetworkInterfaceId", List.of(id))),
                        "NetworkInterfaceSet")
                .get(0);
        assertEquals("eni-web", shown.get("NetworkInterfaceName"));
    }

    private Instance localInstance(String state) {
        synchronized (f.sandbox.state().lock()) {
            Instance i = new Instance();
            i.id = f.sandbox.state().ids.uuid();
            i.name = "local-" + i.id.substring(0, 6);
            i.imageId = CatalogTestSupport.centos(region);
            i.type = "I1.1A";
            i.zone = "cn-beijing-6a";
            i.subnetId = region.defaultSubnetId;
            i.securityGroupIds.add(region.defaultSecurityGroupId);
            i.state = state;
            i.chargeType = "HourlyInstantSettlement";
            i.creationDate = "2026-11-22T03:00:00Z";
            i.systemDiskType = "Local_SSD";
            i.systemDiskSize = 20;
            i.dataDiskGb = 50;
            region.instances.put(i.id, i);
            return i;
        }
    }

    @Test
    void rollbackLocalVolume_snapshotAlone_rollsBackItsVolume_aWrongVolumeIsStillRefused() {
        Instance i = localInstance("stopped");
        Instance other = localInstance("stopped");
        String snapshot = (String) f.client
                .call(
                        "CreateLocalVolumeSnapshot",
                        Map.of("LocalVolumeId", i.id + "-c", "LocalVolumeSnapshotName", "before"))
                .get("LocalVolumeSnapshotId");
        f.sandbox.clock().advance(Duration.ofMinutes(1));
        f.refused(
                "RollbackLocalVolume",
                Map.of("LocalVolumeId", other.id + "-c", "LocalVolumeSnapshotId", snapshot),
                "LocalVolumeSnapshotId",
                "is of local volume " + i.id + "-c");
        assertEquals(
                true,
                f.client
                        .call("RollbackLocalVolume", Map.of("LocalVolumeSnapshotId", snapshot))
                        .get("Return"));
    }

    @Test
    void describeLocalVolumes_instanceIdCategoryAndPaging() {
        Instance i = localInstance("active");
        localInstance("active");
        Response data =
                f.client.call("DescribeLocalVolumes", Map.of("InstanceId", i.id, "LocalVolumeCategory", "data"));
        assertEquals(
                List.of(i.id + "-c"),
                CatalogTestSupport.items(data, "LocalVolumeSet").stream()
                        .map(v -> v.get("LocalVolumeId"))
                        .toList());
        Response page = f.client.call("DescribeLocalVolumes", Map.of("MaxResults", 3));
        assertEquals(4L, page.get("LocalVolumeCount"));
        assertEquals(3, CatalogTestSupport.items(page, "LocalVolumeSet").size());
        Response rest = f.client.call("DescribeLocalVolumes", Map.of("MaxResults", 3, "Marker", page.get("Marker")));
        assertEquals(1, CatalogTestSupport.items(rest, "LocalVolumeSet").size());
        assertEquals(0L, rest.get("Marker"));
    }

    @Test
    void modifyInstanceType_systemDiskResize_growsTheDisk_neverShrinksIt() {
        Instance i = localInstance("stopped");
        f.client.call(
                "ModifyInstanceType",
                Map.of("InstanceId", i.id, "InstanceType", "I1.2A", "SystemDisk", Map.of("DiskSize", 60)));
        assertEquals(60L, ((Map<?, ?>) describe(i.id).get("SystemDisk")).get("DiskSize"));
        ServiceException e = assertThrows(
                ServiceException.class,
                () -> f.client.call(
                        "ModifyInstanceType",
                        Map.of("InstanceId", i.id, "InstanceType", "I1.2A", "SystemDisk", Map.of("DiskSize", 30))));
        assertTrue(e.serviceMessage().contains("can only grow"), e.serviceMessage());
    }

    @Test
    void createModel_withoutALoginMethod_isStored() {
        String id = (String) f.client
                .call(
                        "CreateModel",
                        Map.of(
                                "ImageId",
                                CatalogTestSupport.centos(region),
                                "SubnetId",
                                region.defaultSubnetId,
                                "SecurityGroupId",
                                region.defaultSecurityGroupId,
                                "ChargeType",
                                "HourlyInstantSettlement",
                                "PurchaseTime",
                                0,
                                "InstanceType",
                                "S4.2B",
                                "ModelName",
                                "no-login"))
                .get("ModelId");
        Map<String, Object> model = CatalogTestSupport.items(
                        f.client.call("DescribeModels", Map.of("ModelId", List.of(id))), "ModelSet")
                .get(0);
        assertEquals(region.defaultSecurityGroupId, model.get("SecurityGroupId"));
    }
}
