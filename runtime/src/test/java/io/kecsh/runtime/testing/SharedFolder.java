package io.kecsh.runtime.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The {@code shared/} folder that lies beside the repository (as CI lays it out): the specification
 * and the published test vectors. Found by walking up from the working directory. On CI (CI=true) a
 * missing folder fails, so tests that read it cannot silently stop running; elsewhere they are skipped.
 */
public final class SharedFolder {
    private SharedFolder() {
    }

    /** {@code shared/<relative>}, which must exist once {@code shared/} is found. */
    public static Path resolve(String relative) {
        for (Path p = Paths.get("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path shared = p.resolve("shared");
            if (Files.isDirectory(shared.resolve("spec")) || Files.isDirectory(shared.resolve("testdata"))) {
                Path target = shared.resolve(relative);
                if (!Files.exists(target)) fail("shared/ has no " + relative);
                return target;
            }
        }
        if ("true".equals(System.getenv("CI"))) fail("shared/ not found above " + Paths.get("").toAbsolutePath());
        assumeTrue(false, "shared/ not found above the working directory");
        return null;
    }
}
