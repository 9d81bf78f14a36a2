package io.kecsh.repl.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.ListIterator;
import java.util.Set;
import org.jline.reader.impl.history.DefaultHistory;

/**
 * JLine's history, kept private: the file 0600 in a 0700 directory (re-applied after every write,
 * since a rewrite may replace the file), and each entry redacted before it is stored — so neither
 * the file, nor {@code :history}, nor the up arrow ever hold a password. A line that reveals a
 * secret typed earlier ({@code x = 'p'} then {@code password: x}, see {@link SecretLiterals})
 * masks it in the entries kept before too: in memory, and in the file, rewritten under a private
 * temporary name and moved over it.
 */
final class PrivateHistory extends DefaultHistory {
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private final SecretRedactor redactor;
    private final SecretLiterals secrets;
    private final Path file;

    PrivateHistory(SecretRedactor redactor, SecretLiterals secrets, Path file) {
        this.redactor = redactor;
        this.secrets = secrets;
        this.file = file;
        prepare();
    }

    @Override
    public void add(Instant time, String line) {
        if (secrets.learn(line).grew()) forgetSecrets();
        super.add(time, redactor.redact(secrets.maskLiterals(line)));
        restrict();
    }

    /** Masks the secrets known now in every entry kept before they were known: in memory and in the file. */
    void forgetSecrets() {
        for (ListIterator<Entry> it = iterator(first()); it.hasNext(); ) {
            Entry e = it.next();
            String masked = secrets.maskLiterals(e.line());
            if (!masked.equals(e.line())) it.set(createEntry(e.index(), e.time(), masked));
        }
        if (file == null || !Files.exists(file)) return;
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> masked = lines.stream().map(secrets::maskLiterals).toList();
            if (masked.equals(lines)) return;
            Path dir = file.toAbsolutePath().getParent();
            Path temporary = Files.createTempFile(dir, ".history", ".tmp"); // 0600 on POSIX
            try {
                Files.write(temporary, masked, StandardCharsets.UTF_8);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            restrict();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite the history file " + file + " without a secret", e);
        }
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
            else Files.setPosixFilePermissions(dir, DIRECTORY); // one an older kecsh, or something else, left open
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
