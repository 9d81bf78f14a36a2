package io.kecsh.runtime.sandbox.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state file's checks in one process: damaged-but-parseable files, the lock, the temps of cut-short saves. */
class StateFileTest {
    private static final String HEAD = "{\"format\": \"kecsh-sandbox-state\", \"version\": 1, ";

    private static String refused(Path file) {
        return assertThrows(
                        StateFile.StateFileException.class,
                        () -> Sandbox.start(SandboxOptions.forTests().withStateFile(file)))
                .getMessage();
    }

    @Test
    void nullState_isReportedInOneLineNamingTheFile_andTheFileIsLeftAlone(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloud.json");
        String text = HEAD + "\"state\": null}";
        Files.writeString(file, text);
        String message = refused(file);
        assertTrue(
                message.startsWith("the sandbox state file " + file.toAbsolutePath()
                        + " is damaged: \"state\" is missing or null"),
                message);
        assertFalse(message.contains("\n"), message);
        assertEquals(text, Files.readString(file));
    }

    @Test
    void parseableButDamagedStates_nameWhatIsWrong(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloud.json");
        List<List<String>> cases = List.of(
                List.of("\"state\": 7}", "its \"state\" is not a JSON object"),
                List.of("\"state\": {\"regions\": null}}", "state.regions is missing or null"),
                List.of(
                        "\"state\": {\"regions\": {\"cn-beijing-6\": {\"instances\": null}}}}",
                        "state.regions.cn-beijing-6.instances is missing or null"),
                List.of(
                        "\"state\": {\"regions\": {\"cn-beijing-6\": {\"instances\": {\"i-1\": {\"id\": \"i-1\"}}}}}}",
                        "state.regions.cn-beijing-6.instances.i-1.state is missing or null"),
                List.of(
                        "\"state\": {\"regions\": {\"cn-beijing-6\": {\"instances\": {\"i-1\": null}}}}}",
                        "state.regions.cn-beijing-6.instances.i-1 is null"),
                List.of("\"state\": {\"regions\": [1, 2]}}", "does not fit the sandbox state format"),
                List.of("\"state\": {\"ids\": null}}", "state.ids is missing or null"));
        for (List<String> c : cases) {
            Files.writeString(file, HEAD + c.get(0));
            String message = refused(file);
            assertTrue(
                    message.contains(file.toAbsolutePath().toString()) && message.contains(c.get(1)),
                    c + " → " + message);
            assertEquals(HEAD + c.get(0), Files.readString(file));
        }
    }

    @Test
    void secondSandboxOnOneFile_isRefused_untilTheFirstCloses(@TempDir Path dir) {
        Path file = dir.resolve("cloud.json");
        try (Sandbox first = Sandbox.start(SandboxOptions.forTests().withStateFile(file))) {
            String message = refused(file);
            assertTrue(
                    message.contains(file.toAbsolutePath() + " is in use by another sandbox in this process"), message);
            assertTrue(first.port() > 0);
        }
        Sandbox.start(SandboxOptions.forTests().withStateFile(file)).close();
    }

    @Test
    void unfinishedSavesOfAKilledSandbox_areRemovedAtStart_andSavesLeaveNoTemp(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("cloud.json");
        Sandbox.start(SandboxOptions.forTests().withStateFile(file)).close();
        Files.writeString(dir.resolve("cloud.json.saving.tmp"), "{\"half");
        Files.writeString(dir.resolve("cloud.json8812734123.tmp"), "{\"half"); // the older naming
        Files.writeString(dir.resolve("other.tmp"), "not ours");
        Sandbox.start(SandboxOptions.forTests().withStateFile(file)).close();
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(
                    List.of("cloud.json", "cloud.json.lock", "other.tmp"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }
}
