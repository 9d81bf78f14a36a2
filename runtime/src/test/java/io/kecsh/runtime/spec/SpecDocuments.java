package io.kecsh.runtime.spec;

import io.kecsh.runtime.testing.SharedFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The specification: the repository's {@code spec/} folder, on the test classpath as {@code /spec} (see {@link SharedFolder}). */
public final class SpecDocuments {
    private SpecDocuments() {}

    public static Path dir() {
        return SharedFolder.resolve("spec");
    }

    public static String read(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read spec file " + file, e);
        }
    }
}
