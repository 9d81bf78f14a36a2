package io.kecsh.repl.sandbox;

import io.kecsh.runtime.overlay.InstalledModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * What a home's model overlays ({@code ~/.kecsh/models}) are, as one short digest of every overlay
 * file's place and bytes: the home sandbox records the one it loaded, and a kecsh whose own differs
 * knows that sandbox serves an older model. Every {@code *.json} there counts, placed right or not
 * (the loader reports a misplaced one): a change to any of them is a change.
 */
final class OverlayFingerprint {
    /** The fingerprint of a home without overlays. */
    static final String NONE = "none";

    private OverlayFingerprint() {}

    static String of(Path home) {
        Path dir = InstalledModel.directory(home);
        if (dir == null || !Files.isDirectory(dir)) return NONE;
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
        boolean any = false;
        try (Stream<Path> walk = Files.walk(dir, 4)) {
            for (Path file : walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList()) {
                sha.update(dir.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Files.readAllBytes(file));
                sha.update((byte) 0);
                any = true;
            }
        } catch (IOException | UncheckedIOException unreadable) {
            // the loader reports an unreadable overlay; here it is one more state of the directory
            return "unreadable";
        }
        return any ? HexFormat.of().formatHex(sha.digest(), 0, 8) : NONE;
    }
}
