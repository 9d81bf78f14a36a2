package io.kecsh.runtime.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Warns when a file holding secrets is open to anyone but its owner, as ssh does for private
 * keys (ssh refuses; kecsh warns, so a shared CI box with a deliberate setup still works).
 * Only POSIX permissions are understood: on file systems without them (Windows NTFS, some
 * network mounts) nothing is checked, rather than guess at ACLs and warn on every start.
 */
final class FilePermissions {
    private FilePermissions() {}

    /** The warning for {@code file}, or empty when it is private or its permissions are unknowable. */
    static Optional<String> exposureWarning(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) return Optional.empty();
        Set<PosixFilePermission> permissions;
        try {
            permissions = view.readAttributes().permissions();
        } catch (IOException e) {
            return Optional.empty();
        }
        // Write access matters too: whoever can edit the file can swap the keys or the endpoint.
        boolean group = permissions.contains(PosixFilePermission.GROUP_READ)
                || permissions.contains(PosixFilePermission.GROUP_WRITE);
        boolean others = permissions.contains(PosixFilePermission.OTHERS_READ)
                || permissions.contains(PosixFilePermission.OTHERS_WRITE);
        if (!group && !others) return Optional.empty();
        String who = group && others ? "its group and others" : group ? "its group" : "others";
        return Optional.of(file + " holds secrets but is open to " + who + " ("
                + PosixFilePermissions.toString(permissions) + "); make it private: chmod 600 " + file);
    }
}
