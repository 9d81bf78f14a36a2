package io.kecsh.repl.sandbox;

import io.kecsh.dsl.engine.SandboxEndpoint;
import io.kecsh.runtime.config.ConfigException;
import io.kecsh.runtime.files.PrivateFiles;
import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The one sandbox of a home, shared by every {@code kecsh}, {@code kecsh -e} and {@code kecsh run}
 * of that home when no credentials are configured, so that what one command created the next one
 * sees (as LocalStack and moto's server mode keep one cloud).
 * <p>
 * It runs in a background process of its own ({@link HomeSandboxDaemon}), started on demand and
 * stopped when no kecsh has used it for a while ({@value #IDLE_VARIABLE} seconds, default 30
 * minutes): the state stays in one process, which alone writes {@code state.json} (atomically, under
 * the state file's lock), and no {@code kecsh -e} pays for starting a sandbox after the first. Its
 * files are in {@code ~/.kecsh/sandbox} (0700): {@code endpoint} (0600: port, process, the keys made
 * for it), {@code state.json}, {@code sandbox.log}, and the locks: {@code start.lock} (two kecsh started
 * at once end with one sandbox), {@code in-use.lock} ({@link Lease}).
 */
public final class HomeSandbox {
    public static final String STATE = "state.json";
    static final String LOG = "sandbox.log";
    static final String START_LOCK = "start.lock";
    /** Seconds without a kecsh using it after which the sandbox process stops itself. */
    public static final String IDLE_VARIABLE = "KECSH_SANDBOX_IDLE";

    static final Duration DEFAULT_IDLE = Duration.ofMinutes(30);
    /** A sandbox that is not listening after this is reported (a first start loads the model and seeds every region). */
    static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@code reset} waits for a kecsh that is finishing before it says the sandbox is in use. */
    static final Duration IN_USE_WAIT = Duration.ofSeconds(3);

    private final Path home;
    private final Path dir;
    private final Map<String, String> environment;

    public HomeSandbox(Path home, Map<String, String> environment) {
        this.home = home.toAbsolutePath();
        this.dir = directory(this.home);
        this.environment = environment;
    }

    /** {@code HOME/.kecsh/sandbox}. */
    public static Path directory(Path home) {
        return home.resolve(".kecsh").resolve("sandbox");
    }

    public Path stateFile() {
        return dir.resolve(STATE);
    }

    /**
     * The running sandbox of this home, started now if none runs (or the one the endpoint file names
     * is gone); this process counts as using it until it ends. Refused with one line saying why.
     */
    public SandboxEndpoint connect() {
        try {
            PrivateFiles.directory(dir);
            String models = OverlayFingerprint.of(home);
            // this process already uses it (a second connect): it is no restart's to decide, and trying would
            // open and close the lease file, which drops this process's own lock on it
            if (!Lease.heldHere(dir)) restartIfModelsChanged(models);
            Lease.hold(dir);
            EndpointFile.Entry entry =
                    EndpointFile.read(dir).filter(EndpointFile.Entry::live).orElseGet(this::startUnderLock);
            String older = entry.models().equals(models)
                    ? ""
                    : "; it still serves the model overlays it started with, as another kecsh uses it"
                            + " (kecsh sandbox stop once that has ended, and the next kecsh loads yours)";
            return new SandboxEndpoint(
                    entry.endpoint(),
                    entry.keys(),
                    "home sandbox at " + entry.endpoint() + ", state in " + entry.stateFile() + older);
        } catch (IOException e) {
            throw new ConfigException("the home sandbox in " + dir + " cannot be used: " + e.getMessage()
                    + " (--fresh uses a throw-away sandbox instead)");
        }
    }

    /**
     * The sandbox reads the model overlays once, at start; one that runs with other overlays than this
     * kecsh's ({@link OverlayFingerprint}: a file added, changed or removed since) is stopped here, so
     * that the next start below loads them. Safe for the cloud it keeps: the sandbox saves its state
     * after every change and closes the state file on SIGTERM, and the next one starts from that file
     * (a state written with the old model loads with the new one: an overlay adds parameters and
     * values, the resources stay as they were). Only when no other kecsh uses it, under the exclusive
     * lease: stopping it under an open shell would break that shell's calls, so it then runs on as it
     * is and {@link #connect} says so.
     */
    private void restartIfModelsChanged(String models) throws IOException {
        Optional<EndpointFile.Entry> running = running();
        if (running.isEmpty() || running.get().models().equals(models)) return;
        Optional<FileLock> unused = Lease.exclusive(dir, Duration.ZERO);
        if (unused.isEmpty()) return;
        try {
            // a kecsh arriving meanwhile waits for the lease, then finds no endpoint and starts the next sandbox
            Optional<EndpointFile.Entry> still = running();
            if (still.isPresent() && !still.get().models().equals(models)) {
                end(still.get());
                EndpointFile.remove(dir);
            }
        } finally {
            Lease.release(unused.get());
        }
    }

    /** This process uses no home sandbox any more (until its next {@link #connect}): the warm daemon between runs. */
    public static void releaseLeases() {
        Lease.releaseAll();
    }

    /** The sandbox process of this home, if one runs. */
    Optional<EndpointFile.Entry> running() {
        return EndpointFile.read(dir).filter(EndpointFile.Entry::live);
    }

    /** Only one kecsh starts the sandbox; one that waited here finds it started. */
    @SuppressWarnings("try") // the lock is held by the try, never read
    private EndpointFile.Entry startUnderLock() {
        try (FileChannel channel = FileChannel.open(
                        PrivateFiles.file(dir.resolve(START_LOCK)), StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock ignored = lock(channel)) {
            Optional<EndpointFile.Entry> started = EndpointFile.read(dir).filter(EndpointFile.Entry::live);
            if (started.isPresent()) return started.get();
            EndpointFile.remove(dir); // stale: its process is gone
            return start();
        } catch (IOException e) {
            throw new ConfigException("the home sandbox in " + dir + " cannot be started: " + e.getMessage()
                    + " (--fresh uses a throw-away sandbox instead)");
        }
    }

    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            FileLock lock = channel.tryLock();
            if (lock != null) return lock;
            if (System.nanoTime() >= deadline)
                throw new IOException("another kecsh has been starting it for " + START_TIMEOUT.toSeconds() + " s");
            Lease.sleep(Duration.ofMillis(50));
        }
    }

    private EndpointFile.Entry start() throws IOException {
        Path log = PrivateFiles.file(dir.resolve(LOG));
        if (Files.size(log) > 1_000_000) Files.write(log, new byte[0]);
        ProcessBuilder pb = new ProcessBuilder(command())
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '/' ? "/dev/null" : "NUL")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true);
        pb.environment().put("HOME", home.toString());
        Process process = pb.start();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<EndpointFile.Entry> up = EndpointFile.read(dir).filter(EndpointFile.Entry::live);
            if (up.isPresent()) return up.get();
            if (!process.isAlive() && process.exitValue() != 0) throw new IOException(lastLine(log));
            Lease.sleep(Duration.ofMillis(50));
        }
        throw new IOException("it did not start within " + START_TIMEOUT.toSeconds() + " s (see " + log + ")");
    }

    /**
     * This JVM and class path running the daemon, detached: its own session (setsid) and deaf to the
     * terminal's Ctrl-C and hang-up, so closing the terminal or interrupting a kecsh does not stop it;
     * umask 077, so the state file and everything else it writes is private too.
     */
    private List<String> command() {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(p -> Path.of(p).toAbsolutePath().toString())
                .collect(Collectors.joining(File.pathSeparator));
        List<String> java = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC",
                "-cp",
                classpath,
                HomeSandboxDaemon.class.getName(),
                home.toString(),
                Long.toString(idle().toSeconds()));
        if (!Files.isExecutable(Path.of("/bin/sh"))) return java;
        List<String> detached = new ArrayList<>(List.of(
                "/bin/sh",
                "-c",
                "umask 077; trap '' INT HUP; if command -v setsid >/dev/null 2>&1; then exec setsid \"$@\"; fi; exec \"$@\"",
                "kecsh-home-sandbox"));
        detached.addAll(java);
        return detached;
    }

    private Duration idle() {
        String seconds = environment.get(IDLE_VARIABLE);
        try {
            if (seconds != null && !seconds.isBlank())
                return Duration.ofSeconds(Math.max(1, Long.parseLong(seconds.trim())));
        } catch (NumberFormatException e) {
            throw new ConfigException(IDLE_VARIABLE + ": '" + seconds + "' is not a number of seconds (default "
                    + DEFAULT_IDLE.toSeconds() + ")");
        }
        return DEFAULT_IDLE;
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            for (int i = lines.size() - 1; i >= 0; i--) {
                String line = lines.get(i).replaceFirst("^\\S+ kecsh home sandbox: ", "");
                if (!line.isBlank()) return line;
            }
        } catch (IOException unreadable) {
            // the exit alone is reported
        }
        return "its process ended before it listened (see " + log + ")";
    }

    /**
     * Stops the sandbox process (if one runs) and, with {@code forget}, removes its state: what
     * {@code kecsh sandbox reset} and {@code kecsh sandbox stop} do. Refused while a kecsh uses it
     * (a shell left open): its calls would fail, or recreate what was just removed.
     */
    public String stop(boolean forget) {
        try {
            if (!Files.isDirectory(dir))
                return forget ? "the home sandbox is empty already (" + stateFile() + ")" : "no home sandbox runs";
            Optional<FileLock> unused = Lease.exclusive(dir, IN_USE_WAIT);
            if (unused.isEmpty()) {
                throw new ConfigException(
                        "the home sandbox is in use by another kecsh (a shell or a script still running); "
                                + "end it, then try again");
            }
            try {
                Optional<EndpointFile.Entry> running = running();
                String stopped = running.map(this::end).orElse("");
                EndpointFile.remove(dir);
                if (!forget)
                    return running.isPresent()
                            ? "stopped the home sandbox (" + stopped + "); its state stays in " + stateFile()
                            : "no home sandbox runs; its state stays in " + stateFile();
                boolean had = Files.deleteIfExists(stateFile());
                Files.deleteIfExists(dir.resolve(STATE + ".saving.tmp"));
                return (had
                                ? "emptied the home sandbox: removed " + stateFile()
                                : "the home sandbox is empty already (" + stateFile() + ")")
                        + (running.isPresent() ? " and stopped its process (" + stopped + ")" : "")
                        + "; the next command starts a fresh one";
            } finally {
                Lease.release(unused.get());
            }
        } catch (IOException e) {
            throw new ConfigException("the home sandbox in " + dir + " cannot be " + (forget ? "reset" : "stopped")
                    + ": " + e.getMessage());
        }
    }

    /** SIGTERM (its shutdown closes the server and the state file), then KILL if it has not gone in 15 s. */
    private String end(EndpointFile.Entry entry) {
        ProcessHandle.of(entry.pid()).ifPresent(p -> {
            p.destroy();
            try {
                p.onExit().get(15, TimeUnit.SECONDS);
            } catch (Exception stillThere) {
                p.destroyForcibly();
                try {
                    p.onExit().get(5, TimeUnit.SECONDS);
                } catch (Exception ignored) {
                    // reported as stopped; the state file's lock tells the next start if it is not
                }
            }
        });
        return "process " + entry.pid();
    }

    /** One line: whether it runs, where, and where its state is. */
    public String status() {
        return running()
                .map(e -> "home sandbox running at " + e.endpoint() + " (process " + e.pid() + "), state in "
                        + e.stateFile())
                .orElse("no home sandbox runs"
                        + (Files.exists(stateFile()) ? "; its state is kept in " : "; it will keep its state in ")
                        + stateFile());
    }
}
