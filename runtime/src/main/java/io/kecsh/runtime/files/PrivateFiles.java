package io.kecsh.runtime.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
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
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private PrivateFiles() {}

    /**
     * Creates {@code dir} and any missing parent as 0700, made so from the start (never created open
     * and closed afterwards); tightens an existing one found more open. Another kecsh making it at the
     * same moment is no error.
     */
    public static Path directory(Path dir) throws IOException {
        if (!posix()) return Files.createDirectories(dir);
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) directory(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (FileAlreadyExistsException exists) {
            // made by another kecsh, or by the user
        }
        if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) Files.setPosixFilePermissions(dir, DIRECTORY);
        return dir;
    }

    /** An empty file made 0600, or an existing one kept as it is and made 0600 if it was more open. */
    public static Path file(Path file) throws IOException {
        if (!posix()) {
            if (!Files.exists(file)) Files.createFile(file);
            return file;
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            if (!Files.getPosixFilePermissions(file).equals(FILE)) Files.setPosixFilePermissions(file, FILE);
        }
        return file;
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
