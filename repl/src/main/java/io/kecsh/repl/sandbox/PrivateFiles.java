package io.kecsh.repl.sandbox;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories and files only their owner may read: 0700 and 0600 where the file system has POSIX
 * modes (elsewhere the user's own profile directory is already private). Made so from the start,
 * never created open and closed afterwards, so no other user can read a key in between.
 */
final class PrivateFiles {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFiles() {}

    /** {@code dir} and its missing parents made 0700; an existing one found more open is closed. */
    static Path directory(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) directory(parent);
        if (posix(dir)) {
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException exists) {
                // made by another kecsh, or by the user
            }
            if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) Files.setPosixFilePermissions(dir, DIRECTORY);
        } else {
            Files.createDirectories(dir);
        }
        return dir;
    }

    /** An empty file made 0600 (kept as it is when it exists, then made 0600 if it was more open). */
    static Path file(Path file) throws IOException {
        if (posix(file.getParent())) {
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } catch (FileAlreadyExistsException exists) {
                if (!Files.getPosixFilePermissions(file).equals(FILE)) Files.setPosixFilePermissions(file, FILE);
            }
        } else if (!Files.exists(file)) {
            Files.createFile(file);
        }
        return file;
    }

    private static boolean posix(Path anyPath) {
        return anyPath.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
