package io.kecsh.runtime.sandbox.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file's journal, over HTTP: an instance change is appended to {@code FILE.journal}
 * instead of rewriting the file, and a restarted sandbox replays it; a line a kill cut short is
 * dropped and overwritten; a damaged line before good ones is reported, never skipped; a change
 * the instance backend does not record saves the whole file and removes the journal.
 */
class StateJournalTest {
    private static final String REGION = "cn-beijing-6";

    private static SandboxFixture start(Path file) {
        return new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder());
    }

    private static String run(SandboxFixture f) {
        RegionState r = f.sandbox.state().region(REGION);
        String image;
        synchronized (f.sandbox.state().lock()) {
            image = r.images.values().stream()
                    .filter(i -> "centos-7.6".equals(i.platform))
                    .findFirst()
                    .orElseThrow()
                    .id;
        }
        Map<?, ?> created = (Map<?, ?>) ((List<?>) f.client
                        .call(
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
                                        "Daily",
                                        "InstanceType",
                                        "S4.2B"))
                        .get("InstancesSet"))
                .get(0);
        return (String) created.get("InstanceId");
    }

    private static void rename(SandboxFixture f, String id, String name) {
        f.client.call("ModifyInstanceAttribute", Map.of("InstanceId", id, "InstanceName", name));
    }

    private static String name(SandboxFixture f, String id) {
        Map<?, ?> page = f.client.call("DescribeInstances", Map.of("InstanceId", List.of(id)));
        return (String) ((Map<?, ?>) ((List<?>) page.get("InstancesSet")).get(0)).get("InstanceName");
    }

    @Test
    void instanceChanges_goToTheJournal_notTheFile_andARestartReplaysThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloud.json");
        String id;
        try (SandboxFixture f = start(file)) {
            id = run(f);
            rename(f, id, "journal-first");
            rename(f, id, "journal-second");
        }
        Path journal = dir.resolve("cloud.json.journal");
        assertTrue(Files.exists(journal), "the changes were journaled");
        assertFalse(Files.readString(file).contains(id), "the file was not rewritten for an instance change");
        assertEquals(3, Files.readAllLines(journal).size(), "one line a change: " + Files.readString(journal));
        try (SandboxFixture again = start(file)) {
            assertEquals("journal-second", name(again, id));
            rename(again, id, "after-restart");
        }
        try (SandboxFixture third = start(file)) {
            assertEquals("after-restart", name(third, id));
        }
    }

    @Test
    void aLastLineCutShort_isDropped_andTheNextChangeTakesItsPlace(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloud.json");
        Path journal = dir.resolve("cloud.json.journal");
        String id;
        try (SandboxFixture f = start(file)) {
            id = run(f);
            rename(f, id, "kept");
        }
        // what a kill -9 in the middle of a write leaves: the start of a line, no newline
        Files.writeString(journal, "{\"gen\":1,\"seq\":3,\"ids\":{\"coun", StandardOpenOption.APPEND);
        try (SandboxFixture f = start(file)) {
            assertEquals("kept", name(f, id));
            rename(f, id, "written-over-the-cut");
        }
        assertFalse(Files.readString(journal).contains("\"coun{"), "the cut line was overwritten, not continued");
        try (SandboxFixture f = start(file)) {
            assertEquals("written-over-the-cut", name(f, id));
        }
    }

    @Test
    void aDamagedLineBeforeGoodOnes_isReportedNamingTheJournal_andNothingIsReplaced(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cloud.json");
        Path journal = dir.resolve("cloud.json.journal");
        try (SandboxFixture f = start(file)) {
            String id = run(f);
            rename(f, id, "one");
        }
        String text = Files.readString(journal);
        Files.writeString(journal, "{not json\n" + text);
        StateFile.StateFileException e = assertThrows(
                StateFile.StateFileException.class,
                () -> Sandbox.start(SandboxOptions.forTests().withStateFile(file)));
        assertTrue(
                e.getMessage()
                        .contains("is damaged: its journal " + journal.toAbsolutePath() + " has a damaged line 1"),
                e.getMessage());
        assertEquals("{not json\n" + text, Files.readString(journal, StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithoutAGeneration_asAnOlderKecshWroteIt_getsAWholeSaveAtItsFirstChange(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("cloud.json");
        Path journal = dir.resolve("cloud.json.journal");
        String id;
        try (SandboxFixture f = start(file)) {
            id = run(f);
            f.client.call("CreateKey", Map.of("KeyName", "whole-save"));
        }
        String older = Files.readString(file).replaceFirst("\\s*\"journalGeneration\"\\s*:\\s*-?\\d+\\s*,", "");
        assertFalse(older.contains("journalGeneration"), older.substring(0, 200));
        Files.writeString(file, older);
        try (SandboxFixture f = start(file)) {
            rename(f, id, "first-change");
            assertFalse(Files.exists(journal), "the first change was a whole save");
            assertTrue(Files.readString(file).contains("first-change")
                    && Files.readString(file).contains("journalGeneration"));
            rename(f, id, "second-change");
            assertTrue(Files.exists(journal), "later changes are journaled");
        }
        try (SandboxFixture f = start(file)) {
            assertEquals("second-change", name(f, id));
        }
    }

    @Test
    void aChangeTheBackendDoesNotRecord_savesTheWholeFile_andRemovesTheJournal(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloud.json");
        Path journal = dir.resolve("cloud.json.journal");
        String id;
        try (SandboxFixture f = start(file)) {
            id = run(f);
            assertTrue(Files.exists(journal));
            f.client.call("CreateKey", Map.of("KeyName", "whole-save"));
            assertFalse(Files.exists(journal), "the whole save includes the journal's lines");
            assertTrue(Files.readString(file).contains(id)
                    && Files.readString(file).contains("whole-save"));
            rename(f, id, "after-the-whole-save");
        }
        try (SandboxFixture f = start(file)) {
            assertEquals("after-the-whole-save", name(f, id));
        }
    }
}
