package io.kecsh.repl.shell;

import org.jline.reader.impl.history.DefaultHistory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Set;

/**
 * JLine's history, kept private: the file 0600 in a 0700 directory (re-applied after every write,
 * since a rewrite may replace the file), and each entry redacted before it is stored — so neither
 * the file, nor {@code :history}, nor the up arrow ever hold a password.
 */
final class PrivateHistory extends DefaultHistory {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private final SecretRedactor redactor;
    private final Path file;

    PrivateHistory(SecretRedactor redactor, Path file) {
        this.redactor = redactor;
        this.file = file;
        prepare();
    }

    @Override
    public void add(Instant time, String line) {
        super.add(time, redactor.redact(line));
        restrict();
    }

    @Override
    public void save() throws IOException {
        super.save();
        restrict();
    }

    /** Creates the directory and an empty file with their permissions before JLine writes anything. */
    private void prepare() {
        if (file == null) return;
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.exists(dir)) Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            if (!Files.exists(file)) Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            restrict();
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user profile directory is private already.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the history file " + file, e);
        }
    }

    private void restrict() {
        if (file == null || !Files.exists(file)) return;
        try {
            Files.setPosixFilePermissions(file, FILE);
        } catch (UnsupportedOperationException | IOException ignored) {
            // Best effort after a write; prepare() already refused to go on without a private file.
        }
    }
}
