package io.kecsh.runtime.sandbox.kec.image;

import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.STEP;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.ids;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.waiter.WaitOptions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalVolumeHandlersTest {
    @Test
    void describeLocalVolumes_localDisks_areTheSystemAndDataVolumesOfTheSamples() {
        try (ImageFixture x = new ImageFixture()) {
            Instance pang = x.instance("active", i -> {
                i.name = "pang";
                i.dataDiskGb = 40;
            });
            Response r = x.client.call("DescribeLocalVolumes", Map.of());
            assertEquals(0L, r.get("Marker"));
            assertEquals(2L, r.get("LocalVolumeCount"));
            List<Map<String, Object>> set = list(r, "LocalVolumeSet");
            assertEquals(
                    Map.of(
                            "LocalVolumeId",
                            pang.id + "-a",
                            "LocalVolumeName",
                            "ksc-" + pang.id + "-vda",
                            "LocalVolumeState",
                            "attached",
                            "InstanceId",
                            pang.id,
                            "InstanceName",
                            "pang",
                            "InstanceState",
                            "active",
                            "LocalVolumeType",
                            "SSD",
                            "LocalVolumeCategory",
                            "system",
                            "LocalVolumeSize",
                            20L,
                            "CreationDate",
                            "2026-11-22T03:00:00Z"),
                    set.get(0));
            assertEquals(pang.id + "-c", set.get(1).get("LocalVolumeId"));
            assertEquals("ksc-" + pang.id + "-vdc", set.get(1).get("LocalVolumeName"));
            assertEquals("data", set.get(1).get("LocalVolumeCategory"));
            assertEquals(40L, set.get(1).get("LocalVolumeSize"));
        }
    }

    @Test
    void describeLocalVolumes_cloudSystemDisk_isNotALocalVolume() {
        try (ImageFixture x = new ImageFixture()) {
            Instance cloudOnly = x.instance("active", i -> i.systemDiskType = "SSD3.0");
            Instance withLocalData = x.instance("stopped", i -> {
                i.systemDiskType = "EHDD";
                i.dataDiskGb = 100;
            });
            Response r = x.client.call("DescribeLocalVolumes", Map.of());
            assertEquals(List.of(withLocalData.id + "-c"), ids(r, "LocalVolumeSet", "LocalVolumeId"));
            assertEquals(1L, r.get("LocalVolumeCount"));
            x.invalid(
                    "CreateLocalVolumeSnapshot",
                    Map.of("LocalVolumeId", cloudOnly.id + "-a", "LocalVolumeSnapshotName", "sys"),
                    "LocalVolumeId",
                    "There is no local volume " + cloudOnly.id + "-a in region cn-beijing-6.");
        }
    }

    @Test
    void describeLocalVolumes_instanceName_listsThatInstancesVolumesOnly() {
        try (ImageFixture x = new ImageFixture()) {
            x.instance("active", i -> i.name = "web");
            Instance db = x.instance("active", i -> {
                i.name = "db";
                i.dataDiskGb = 200;
            });
            Response r = x.client.call("DescribeLocalVolumes", Map.of("InstanceName", "db"));
            assertEquals(List.of(db.id + "-a", db.id + "-c"), ids(r, "LocalVolumeSet", "LocalVolumeId"));
            assertEquals(
                    0L,
                    x.client
                            .call("DescribeLocalVolumes", Map.of("InstanceName", "nobody"))
                            .get("LocalVolumeCount"));
        }
    }

    @Test
    void createLocalVolumeSnapshot_dataVolume_isCreatingThenActive() {
        try (ImageFixture x = new ImageFixture()) {
            Instance db = x.instance("active", i -> i.dataDiskGb = 50);
            String id = (String) x.client
                    .call(
                            "CreateLocalVolumeSnapshot",
                            Map.of(
                                    "LocalVolumeId",
                                    db.id + "-c",
                                    "LocalVolumeSnapshotName",
                                    "mytest_snapshotid",
                                    "LocalVolumeSnapshotDesc",
                                    "mytest"))
                    .get("LocalVolumeSnapshotId");
            Response creating = x.client.call("DescribeLocalVolumeSnapshots", Map.of());
            assertEquals(1L, creating.get("LocalVolumeSnapshotCount"));
            Map<String, Object> s = list(creating, "LocalVolumeSnapshotSet").get(0);
            assertEquals(
                    Map.ofEntries(
                            Map.entry("LocalVolumeSnapshotId", id),
                            Map.entry("LocalVolumeSnapshotName", "mytest_snapshotid"),
                            Map.entry("LocalVolumeSnapshotDesc", "mytest"),
                            Map.entry("SourceLocalVolumeId", db.id + "-c"),
                            Map.entry("SourceLocalVolumeName", "ksc-" + db.id + "-vdc"),
                            Map.entry("SourceLocalVolumeCategory", "data"),
                            Map.entry("SourceLocalVolumeState", "attached"),
                            Map.entry("State", "creating"),
                            Map.entry("CreationDate", "2026-11-22T04:00:00Z"),
                            Map.entry("InstanceId", db.id),
                            Map.entry("DiskSize", 50L),
                            Map.entry("SnapshotType", "manual")),
                    s);
            x.advance(STEP);
            assertEquals(
                    "ACTIVE",
                    list(x.client.call("DescribeLocalVolumeSnapshots", Map.of()), "LocalVolumeSnapshotSet")
                            .get(0)
                            .get("State"));
        }
    }

    @Test
    void localVolumeSnapshotReadyWaiter_afterCreate_succeedsAfterTheDescribes() {
        try (ImageFixture x = new ImageFixture()) {
            x.f.sandbox.clock().completeAfterDescribes(2);
            Instance web = x.instance("stopped", i -> i.name = "web");
            x.client.call(
                    "CreateLocalVolumeSnapshot",
                    Map.of("LocalVolumeId", web.id + "-a", "LocalVolumeSnapshotName", "before upgrade"));
            Map<String, Object> done = x.client.waitFor(
                    "LocalVolumeSnapshotReady",
                    Map.of("InstanceName", "web"),
                    WaitOptions.defaultsFor(x.client.waiter("LocalVolumeSnapshotReady")));
            assertEquals("ACTIVE", list(done, "LocalVolumeSnapshotSet").get(0).get("State"));
            assertEquals(2, x.f.sleeps.size());
        }
    }

    @Test
    void createLocalVolumeSnapshot_unknownVolumeOrBusyInstance_isInvalidLocalVolumeId() {
        try (ImageFixture x = new ImageFixture()) {
            Instance noData = x.instance("active");
            x.invalid(
                    "CreateLocalVolumeSnapshot",
                    Map.of("LocalVolumeId", noData.id + "-c", "LocalVolumeSnapshotName", "data"),
                    "LocalVolumeId",
                    "There is no local volume " + noData.id + "-c");
            x.invalid(
                    "CreateLocalVolumeSnapshot",
                    Map.of(
                            "LocalVolumeId",
                            "89004402-e982-4d9c-a9d5-9530b58122e4-a",
                            "LocalVolumeSnapshotName",
                            "mysnapshot"),
                    "LocalVolumeId",
                    "There is no local volume 89004402-e982-4d9c-a9d5-9530b58122e4-a");
            Instance rebooting = x.instance("rebooting");
            x.invalid(
                    "CreateLocalVolumeSnapshot",
                    Map.of("LocalVolumeId", rebooting.id + "-a", "LocalVolumeSnapshotName", "now"),
                    "LocalVolumeId",
                    "is rebooting; its local volumes can be snapshotted when it is active or stopped.");
        }
    }

    @Test
    void describeLocalVolumeSnapshots_byVolumeNameOrInstanceName_filters() {
        try (ImageFixture x = new ImageFixture()) {
            Instance web = x.instance("active", i -> i.name = "web");
            Instance db = x.instance("active", i -> {
                i.name = "db";
                i.dataDiskGb = 80;
            });
            String webSys = snapshot(x, web.id + "-a", "web_sys");
            String dbSys = snapshot(x, db.id + "-a", "db_sys");
            String dbData = snapshot(x, db.id + "-c", "db_data");
            assertEquals(List.of(webSys, dbSys, dbData), snapshotIds(x, Map.of()));
            assertEquals(List.of(dbSys, dbData), snapshotIds(x, Map.of("InstanceName", "db")));
            assertEquals(List.of(dbData), snapshotIds(x, Map.of("LocalVolumeName", "ksc-" + db.id + "-vdc")));
            assertEquals(
                    List.of(),
                    snapshotIds(x, Map.of("LocalVolumeName", "ksc-" + db.id + "-vdc", "InstanceName", "web")));
        }
    }

    @Test
    void rollbackLocalVolume_stoppedInstanceActiveSnapshot_succeeds() {
        try (ImageFixture x = new ImageFixture()) {
            Instance web = x.instance("stopped");
            String id = snapshot(x, web.id + "-a", "known_good");
            x.advance(STEP);
            assertEquals(
                    true,
                    x.client
                            .call(
                                    "RollbackLocalVolume",
                                    Map.of("LocalVolumeId", web.id + "-a", "LocalVolumeSnapshotId", id))
                            .get("Return"));
        }
    }

    @Test
    void rollbackLocalVolume_runningInstance_isInvalidLocalVolumeId() {
        try (ImageFixture x = new ImageFixture()) {
            Instance web = x.instance("active");
            String id = snapshot(x, web.id + "-a", "known_good");
            x.advance(STEP);
            x.invalid(
                    "RollbackLocalVolume",
                    Map.of("LocalVolumeId", web.id + "-a", "LocalVolumeSnapshotId", id),
                    "LocalVolumeId",
                    "Instance " + web.id + " is active; stop it before rolling back its local volume.");
        }
    }

    @Test
    void rollbackLocalVolume_snapshotOfAnotherVolumeOrUnfinishedOrUnknown_isInvalidSnapshotId() {
        try (ImageFixture x = new ImageFixture()) {
            Instance db = x.instance("stopped", i -> i.dataDiskGb = 40);
            String data = snapshot(x, db.id + "-c", "data");
            x.advance(STEP);
            x.invalid(
                    "RollbackLocalVolume",
                    Map.of("LocalVolumeId", db.id + "-a", "LocalVolumeSnapshotId", data),
                    "LocalVolumeSnapshotId",
                    "Snapshot " + data + " is of local volume " + db.id + "-c, not of " + db.id + "-a.");
            String fresh = snapshot(x, db.id + "-a", "fresh");
            x.invalid(
                    "RollbackLocalVolume",
                    Map.of("LocalVolumeId", db.id + "-a", "LocalVolumeSnapshotId", fresh),
                    "LocalVolumeSnapshotId",
                    "is creating; a volume can be rolled back to an ACTIVE snapshot.");
            x.invalid(
                    "RollbackLocalVolume",
                    Map.of(
                            "LocalVolumeId",
                            db.id + "-a",
                            "LocalVolumeSnapshotId",
                            "6c86abb3-06cd-4822-b3e1-68295383f2bb"),
                    "LocalVolumeSnapshotId",
                    "There is no local volume snapshot 6c86abb3-06cd-4822-b3e1-68295383f2bb");
            x.invalid(
                    "RollbackLocalVolume",
                    Map.of("LocalVolumeId", "89004402-e982-4d9c-a9d5-9530b58122e4-a", "LocalVolumeSnapshotId", data),
                    "LocalVolumeId",
                    "There is no local volume 89004402-e982-4d9c-a9d5-9530b58122e4-a");
        }
    }

    @Test
    void deleteLocalVolumeSnapshot_several_areGoneAndReportedOneByOne() {
        try (ImageFixture x = new ImageFixture()) {
            Instance web = x.instance("active", i -> i.dataDiskGb = 20);
            String a = snapshot(x, web.id + "-a", "one");
            String b = snapshot(x, web.id + "-c", "two");
            String c = snapshot(x, web.id + "-c", "three");
            Response r = x.client.call("DeleteLocalVolumeSnapshot", Map.of("LocalVolumeSnapshotId", List.of(a, c)));
            assertEquals(
                    List.of(
                            Map.of("LocalVolumeSnapshotId", a, "Return", true),
                            Map.of("LocalVolumeSnapshotId", c, "Return", true)),
                    list(r, "ReturnSet"));
            assertEquals(List.of(b), snapshotIds(x, Map.of()));
        }
    }

    @Test
    void deleteLocalVolumeSnapshot_oneUnknown_isInvalidNamingItAndDeletesNothing() {
        try (ImageFixture x = new ImageFixture()) {
            Instance web = x.instance("active");
            String a = snapshot(x, web.id + "-a", "kept");
            x.invalid(
                    "DeleteLocalVolumeSnapshot",
                    Map.of("LocalVolumeSnapshotId", List.of(a, "2bed1223-deda-4519-bfb7-0968779f844d")),
                    "LocalVolumeSnapshotId.2",
                    "There is no local volume snapshot 2bed1223-deda-4519-bfb7-0968779f844d in region cn-beijing-6.");
            assertEquals(List.of(a), snapshotIds(x, Map.of()));
        }
    }

    private static String snapshot(ImageFixture x, String volumeId, String name) {
        return (String) x.client
                .call("CreateLocalVolumeSnapshot", Map.of("LocalVolumeId", volumeId, "LocalVolumeSnapshotName", name))
                .get("LocalVolumeSnapshotId");
    }

    private static List<String> snapshotIds(ImageFixture x, Map<String, Object> params) {
        return ids(
                x.client.call("DescribeLocalVolumeSnapshots", params),
                "LocalVolumeSnapshotSet",
                "LocalVolumeSnapshotId");
    }
}
