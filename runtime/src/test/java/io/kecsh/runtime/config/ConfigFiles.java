package io.kecsh.runtime.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes {@code .kecsh/config} under a test's temporary home directory. */
final class ConfigFiles {
    private ConfigFiles() {}

    static boolean posixSupported() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Writes the file private (0600) where permissions exist, as a careful user would. */
    static Path write(Path home, String text) throws IOException {
        return write(home, text, "rw-------");
    }

    static Path write(Path home, String text, String permissions) throws IOException {
        Path file = home.resolve(".kecsh").resolve("config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        if (posixSupported()) Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        return file;
    }
}
