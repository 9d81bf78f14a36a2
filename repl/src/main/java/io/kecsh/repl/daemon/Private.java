package io.kecsh.repl.daemon;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The daemon's directory is 0700 and every file in it 0600, whatever the umask. */
final class Private {
    static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private Private() {}

    static Path directory(Path dir) throws IOException {
        Path parent = dir.getParent();
        if (parent != null && !Files.isDirectory(parent)) directory(parent);
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
        } catch (FileAlreadyExistsException exists) {
            // made by another kecsh
        }
        if (!Files.getPosixFilePermissions(dir).equals(DIRECTORY)) Files.setPosixFilePermissions(dir, DIRECTORY);
        return dir;
    }

    static Path file(Path file) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException exists) {
            if (!Files.getPosixFilePermissions(file).equals(FILE)) Files.setPosixFilePermissions(file, FILE);
        }
        return file;
    }
}
