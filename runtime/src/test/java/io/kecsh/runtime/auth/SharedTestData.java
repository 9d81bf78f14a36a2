package io.kecsh.runtime.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Finds the published signature vectors in {@code shared/testdata}, beside the repository as CI
 * lays it out, by walking up from the working directory. On CI (CI=true) a missing folder fails,
 * so the vector tests cannot silently stop running; elsewhere it skips them.
 */
public final class SharedTestData {
    private SharedTestData() {
    }

    /** The folder {@code shared/testdata/<suite>}. */
    public static Path suite(String suite) {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/testdata");
            if (Files.isDirectory(candidate)) {
                Path dir = candidate.resolve(suite);
                if (!Files.isDirectory(dir)) fail("shared/testdata has no " + suite + " folder");
                return dir;
            }
        }
        if ("true".equals(System.getenv("CI"))) fail("shared/testdata not found above " + Paths.get("").toAbsolutePath());
        assumeTrue(false, "shared/testdata not found above the working directory");
        return null;
    }

    /** The case folders of a suite (every sub-folder), sorted by name. */
    public static List<Path> caseFolders(Path suite) {
        try (Stream<Path> children = Files.list(suite)) {
            return children.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails unless every case a skip list names is a real case folder, so stale entries cannot hide. */
    public static void assertSkipListNamesExistingCases(Path suite, Map<String, String> skips) {
        List<String> cases = caseFolders(suite).stream().map(p -> p.getFileName().toString()).toList();
        List<String> unknown = skips.keySet().stream().filter(c -> !cases.contains(c)).sorted().toList();
        assertEquals(List.of(), unknown, "skip list names cases that " + suite + " does not have");
        skips.forEach((c, reason) -> assertFalse(reason.isBlank(), "skip of " + c + " gives no reason"));
    }
}
