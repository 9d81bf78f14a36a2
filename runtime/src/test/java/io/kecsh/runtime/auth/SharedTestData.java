package io.kecsh.runtime.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kecsh.runtime.testing.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The published signature vectors in {@code runtime/src/test/resources/testdata} (their sources and
 * licences in its README.md and each set's SOURCE.md), and helpers to read their case folders.
 */
public final class SharedTestData {
    private SharedTestData() {}

    /** The folder {@code testdata/<suite>} on the test classpath. */
    public static Path suite(String suite) {
        return SharedFolder.resolve("testdata/" + suite);
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
        List<String> cases =
                caseFolders(suite).stream().map(p -> p.getFileName().toString()).toList();
        List<String> unknown =
                skips.keySet().stream().filter(c -> !cases.contains(c)).sorted().toList();
        assertEquals(List.of(), unknown, "skip list names cases that " + suite + " does not have");
        skips.forEach((c, reason) -> assertFalse(reason.isBlank(), "skip of " + c + " gives no reason"));
    }
}
