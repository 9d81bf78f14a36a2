package io.kecsh.runtime.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;

/**
 * The files the tests share with the project's sources, kept in the repository: {@code spec/...}
 * (the specification, the repository's {@code spec/} folder, added to the test classpath by
 * runtime/pom.xml) and {@code testdata/...} (the published signature vectors,
 * {@code src/test/resources/testdata}). They once lay beside the repository in {@code ../shared}
 * (hence the name); now a plain clone has them, so a missing file is a failure, never a skip.
 */
public final class SharedFolder {
    private SharedFolder() {}

    /** {@code <relative>} on the test classpath ({@code spec/...} or {@code testdata/...}), which must exist. */
    public static Path resolve(String relative) {
        URL url = SharedFolder.class.getResource("/" + relative);
        if (url == null) {
            return fail(relative + " is not on the test classpath (spec/ at the repository root, "
                    + "testdata/ under runtime/src/test/resources)");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException | FileSystemNotFoundException e) {
            return fail(relative + " is not a file on disk: " + url, e);
        }
    }
}
