package io.kecsh.runtime.sandbox.kec.image;

import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.describeImage;
import static io.kecsh.runtime.sandbox.kec.image.ImageFixture.list;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What this domain keeps survives a restart from the state file, transitions under way included. */
class ImageStatePersistenceTest {
    @Test
    void stateFile_imageSavingAndSnapshotCreating_carryOnAfterARestart(@TempDir Path dir) {
        Path file = dir.resolve("sandbox.json");
        SandboxClock clock = SandboxClock.manual(Instant.parse("2026-11-22T04:00:00Z"));
        SandboxOptions options = SandboxOptions.forTests().withClock(clock).withStateFile(file);
        String imageId;
        String snapshotId;
        try (SandboxFixture f = new SandboxFixture(options, ClientConfig.builder())) {
            Instance source = new Instance();
            synchronized (f.sandbox.state().lock()) {
                source.id = f.sandbox.state().ids.uuid();
                source.name = "persisted";
                source.state = "stopped";
                source.dataDiskGb = 30;
                source.creationDate = "2026-11-22T03:00:00Z";
                f.sandbox.state().region("cn-beijing-6").instances.put(source.id, source);
            }
            imageId = (String) f.client
                    .call("CreateImage", Map.of("InstanceId", source.id, "Name", "survivor"))
                    .get("ImageId");
            snapshotId = (String) f.client
                    .call(
                            "CreateLocalVolumeSnapshot",
                            Map.of("LocalVolumeId", source.id + "-c", "LocalVolumeSnapshotName", "survivor"))
                    .get("LocalVolumeSnapshotId");
            clock.advance(Duration.ofSeconds(10));
            assertEquals("saving", describeImage(f.client, imageId).get("ImageState"));
        }
        try (SandboxFixture f = new SandboxFixture(options, ClientConfig.builder())) {
            assertEquals(20261122L, f.sandbox.state().ids.seed(), "the ID sequence carries on from the file");
            assertEquals("saving", describeImage(f.client, imageId).get("ImageState"));
            Response snapshots = f.client.call("DescribeLocalVolumeSnapshots", Map.of());
            assertEquals(
                    snapshotId, list(snapshots, "LocalVolumeSnapshotSet").get(0).get("LocalVolumeSnapshotId"));
            assertEquals(
                    "ACTIVE", list(snapshots, "LocalVolumeSnapshotSet").get(0).get("State"));
            clock.advance(Duration.ofSeconds(30));
            assertEquals("active", describeImage(f.client, imageId).get("ImageState"));
            assertTrue(
                    describeImage(f.client, "3d939f30-e3db-4bd4-9dda-f8b40a92e9c6")
                            .get("Name")
                            .toString()
                            .contains("Nvidia"),
                    "market images were seeded once, into the state file");
        }
    }

    @Test
    void dryRun_createImage_answersDryRunOperationAndCreatesNothing() {
        try (ImageFixture x = new ImageFixture()) {
            Instance source = x.instance("active");
            Response r = x.client.call("CreateImage", Map.of("InstanceId", source.id, "Name", "dry", "DryRun", true));
            assertTrue(r.dryRun());
            assertEquals(
                    4,
                    list(x.client.call("DescribeImages", Map.of()), "ImagesSet").size());
        }
    }
}
