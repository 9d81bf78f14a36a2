package io.kecsh.runtime.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files under {@code ~/.kecsh} the way the shell's history does: directories 0700, files 0600,
 * written to a private temporary file and moved into place, so a reader never sees half a file and
 * nobody else ever sees any of it. Where the file system has no POSIX permissions nothing is set.
 */
public final class PrivateFiles {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /** Creates {@code dir} and any missing parent below an existing one as 0700; tightens an open one. */
    public static void directory(Path dir) throws IOException {
        if (!posix()) {
            Files.createDirectories(dir);
            return;
        }
        Path parent = dir.getParent();
        if (parent != null && !Files.exists(parent)) directory(parent);
        if (!Files.exists(dir)) Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        else Files.setPosixFilePermissions(dir, DIRECTORY);
    }

    /** Replaces {@code file} with {@code content}, atomically, as a 0600 file in a 0700 directory. */
    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        directory(dir);
        Path temporary = posix()
                ? Files.createTempFile(
                        dir, "." + file.getFileName(), ".tmp", PosixFilePermissions.asFileAttribute(FILE))
                : Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
        try {
            Files.write(temporary, content);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
