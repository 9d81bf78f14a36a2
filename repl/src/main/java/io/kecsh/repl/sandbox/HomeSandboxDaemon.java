package io.kecsh.repl.sandbox;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.files.PrivateFiles;
import io.kecsh.runtime.overlay.InstalledModel;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import io.kecsh.runtime.sandbox.state.StateFile;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The home sandbox's process: {@code HomeSandboxDaemon HOME IDLE_SECONDS}, started detached by the
 * first kecsh that needs it ({@link HomeSandbox}). It serves the sandbox on loopback with keys
 * made for it alone, keeps the state in {@code HOME/.kecsh/sandbox/state.json} (saved atomically
 * after every change, locked against a second process), publishes itself in the endpoint file, and
 * stops — removing that file — when no kecsh has used it for IDLE_SECONDS, when the file no longer
 * names it (reset, or the home removed) or on SIGTERM. It reads the model overlays once, at start: a
 * kecsh that finds them changed since restarts it ({@link HomeSandbox#connect}).
 */
public final class HomeSandboxDaemon {
    /** How often it looks at its endpoint file and whether anyone uses it. */
    static final Duration CHECK = Duration.ofSeconds(1);
    /** How long it waits for a sandbox that is stopping to let go of the state file. */
    static final Duration STATE_LOCK_WAIT = Duration.ofSeconds(15);

    private HomeSandboxDaemon() {}

    public static void main(String[] args) throws IOException {
        Path home = Path.of(args[0]).toAbsolutePath();
        Duration idle = Duration.ofSeconds(Long.parseLong(args[1]));
        Path dir = PrivateFiles.directory(HomeSandbox.directory(home));
        Path stateFile = dir.resolve(HomeSandbox.STATE);
        waitForStateFile(stateFile);
        SandboxCredentials keys = randomKeys();
        // taken before the overlays are read: one changed while they load makes the next kecsh restart this sandbox
        String models = OverlayFingerprint.of(home);
        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(SandboxOptions.interactive()
                    .withStateFile(stateFile)
                    .withCredentials(keys)
                    .withModel(InstalledModel.forHome(home).model()));
        } catch (StateFile.StateFileException e) {
            System.err.println(Instant.now() + " kecsh home sandbox: " + e.getMessage());
            System.exit(2);
            return;
        }
        EndpointFile.Entry me = EndpointFile.Entry.ofThisProcess(sandbox.port(), keys, stateFile, models);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            EndpointFile.removeIfNames(dir, me);
                            sandbox.close();
                        },
                        "kecsh-home-sandbox-stop"));
        EndpointFile.write(dir, me);
        System.err.println(Instant.now() + " kecsh home sandbox: " + me + ", state in " + stateFile);
        serveUntilUnused(dir, me, sandbox, idle);
        System.exit(0);
    }

    private static void serveUntilUnused(Path dir, EndpointFile.Entry me, Sandbox sandbox, Duration idle)
            throws IOException {
        Instant lastInUse = Instant.now();
        while (true) {
            Lease.sleep(CHECK);
            if (!EndpointFile.names(dir, me)) {
                System.err.println(Instant.now()
                        + " kecsh home sandbox: its endpoint file is gone (reset, or the home removed); stopping");
                return;
            }
            Optional<FileLock> unused = Lease.exclusive(dir, Duration.ZERO);
            if (unused.isEmpty()) {
                lastInUse = Instant.now();
                continue;
            }
            Instant last = Lease.lastTaken(dir).isAfter(lastInUse) ? Lease.lastTaken(dir) : lastInUse;
            if (Duration.between(last, Instant.now()).compareTo(idle) >= 0) {
                // under the lock: a kecsh arriving now waits, then finds no endpoint and starts the next sandbox,
                // which the state file's lock, let go of here, lets start
                EndpointFile.removeIfNames(dir, me);
                sandbox.close();
                System.err.println(
                        Instant.now() + " kecsh home sandbox: unused for " + idle.toSeconds() + " s; stopped");
                return;
            }
            Lease.release(unused.get());
        }
    }

    /** A sandbox that was just stopped may still be closing its state file: wait for it rather than fail. */
    private static void waitForStateFile(Path stateFile) throws IOException {
        Path lockFile = new StateFile(stateFile).lockFile();
        long deadline = System.nanoTime() + STATE_LOCK_WAIT.toNanos();
        try (FileChannel channel = FileChannel.open(
                lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            while (System.nanoTime() < deadline) {
                FileLock free = channel.tryLock();
                if (free != null) {
                    free.release();
                    return;
                }
                Lease.sleep(Duration.ofMillis(100));
            }
        }
        // still taken: Sandbox.start says by whom
    }

    /** Keys for this process only: whoever can read the endpoint file (0600) can call it, nobody else. */
    static SandboxCredentials randomKeys() {
        SecureRandom random = new SecureRandom();
        return new SandboxCredentials(
                new Credentials("AKLTHOME" + hex(random, 8), secret(random)),
                new Credentials("LTAIHOME" + hex(random, 8), secret(random)));
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private static String secret(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
