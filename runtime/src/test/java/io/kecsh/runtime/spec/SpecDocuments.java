package io.kecsh.runtime.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The specification folder: {@code shared/spec} (see {@link io.kecsh.runtime.testing.SharedFolder}), or {@code -Dkecsh.spec.dir}. */
public final class SpecDocuments {
    private SpecDocuments() {
    }

    public static Path dir() {
        String configured = System.getProperty("kecsh.spec.dir");
        return configured != null ? Paths.get(configured) : io.kecsh.runtime.testing.SharedFolder.resolve("spec");
    }

    public static String read(String file) {
        try {
            return Files.readString(dir().resolve(file));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read spec file " + file, e);
        }
    }
}
