package io.kecsh.repl.daemon;

import io.kecsh.runtime.files.PrivateFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which warm daemon may run a command for this process: one started exactly as this process was
 * (the same jar, byte size and time, the same JVM and its options) in the same working directory
 * with the same environment, so that everything a script can see of its process (relative paths,
 * {@code System.getenv}, system properties, the credentials and profiles kecsh resolves) is what
 * it would have seen in-process. The key is a salted SHA-256 of all that: the environment holds
 * secrets, and the salt (a random file of this home, 0600) makes the socket's name say nothing of
 * them. A rebuilt jar has another key, so it never reaches an old daemon.
 */
record DaemonKey(Path directory, String hex, String jar) {
    static final String SALT = "salt";
    /**
     * Variables a shell changes on its own from one command to the next: {@code _} (the path the command was
     * typed as) and {@code OLDPWD} (the directory before the last cd). Keyed on, they would start a daemon for
     * each way of typing kecsh; a script that reads them sees the daemon's (that of the first such command).
     */
    static final Set<String> VOLATILE = Set.of("_", "OLDPWD");

    /** {@code HOME/.kecsh/daemon}. */
    static Path directory(Path home) {
        return home.resolve(".kecsh").resolve("daemon");
    }

    // No string concatenation (+) nor lambdas on the client's path: each shape of either spins classes at run time that
    // the launcher's archive does not keep, a few milliseconds of every start's CPU (bench/README.md, "The shell's
    // prompt").

    Path socket() {
        return directory.resolve(hex.substring(0, 24).concat(".sock"));
    }

    Path lock() {
        return directory.resolve(hex.substring(0, 24).concat(".lock"));
    }

    /** The jar as it is on disk now: a daemon whose jar changed under it refuses and ends. */
    static String jarStamp(String jar) throws IOException {
        Path p = Path.of(jar);
        return new StringBuilder()
                .append(p.toAbsolutePath())
                .append('|')
                .append(Files.size(p))
                .append('|')
                .append(Files.getLastModifiedTime(p).toMillis())
                .toString();
    }

    static DaemonKey of(Path home, String jar, List<String> jvmOptions, String cwd, Map<String, String> environment)
            throws IOException {
        Path dir = directory(home);
        PrivateFiles.directory(dir);
        MessageDigest sha = sha256();
        sha.update(salt(dir));
        StringBuilder material = new StringBuilder()
                .append(jarStamp(jar))
                .append('\0')
                .append(System.getProperty("java.home"))
                .append('\0')
                .append(System.getProperty("java.vm.version"))
                .append('\0')
                .append(cwd)
                .append('\0');
        for (String option : jvmOptions) material.append(option).append('\1');
        material.append('\0');
        for (Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet()) {
            if (VOLATILE.contains(variable.getKey())) continue;
            material.append(variable.getKey())
                    .append('=')
                    .append(variable.getValue())
                    .append('\1');
        }
        sha.update(material.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder hex = new StringBuilder();
        for (byte b : sha.digest())
            hex.append(Character.forDigit((b >> 4) & 15, 16)).append(Character.forDigit(b & 15, 16));
        return new DaemonKey(dir, hex.toString(), jar);
    }

    private static byte[] salt(Path dir) throws IOException {
        Path salt = dir.resolve(SALT);
        if (Files.isRegularFile(salt) && Files.size(salt) == 32) return Files.readAllBytes(salt);
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        Path tmp = dir.resolve(
                SALT.concat(".").concat(Long.toString(ProcessHandle.current().pid())));
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PrivateFiles.FILE));
        } catch (FileAlreadyExistsException ignored) {
            // removed just above
        }
        Files.write(tmp, fresh);
        // two first runs at once: the last rename wins and the other's daemon is never reached again (it idles out)
        Files.move(tmp, salt, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return Files.readAllBytes(salt);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
