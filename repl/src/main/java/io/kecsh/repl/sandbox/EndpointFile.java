package io.kecsh.repl.sandbox;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.files.PrivateFiles;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * The home sandbox's {@code endpoint} file (0600): which process serves it, on which loopback port,
 * with which keys (random for each process, so only the owner of the home can call it), and where
 * its state lives. Written whole and renamed into place, so a reader sees the old file or the new
 * one; the process removes it when it stops. One that names a process that is gone is stale.
 */
final class EndpointFile {
    static final String NAME = "endpoint";

    private EndpointFile() {}

    /**
     * What the file says: the serving process (PID and start time, so a reused PID is not taken for it),
     * its port and keys, its state file, and the {@link OverlayFingerprint} of the model it loaded.
     */
    record Entry(long pid, long startedMillis, int port, SandboxCredentials keys, Path stateFile, String models) {
        URI endpoint() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        /** The process still runs (the same one: a PID can be reused) and accepts connections on its port. */
        boolean live() {
            Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
            if (process.isEmpty()) return false;
            Optional<Instant> started = process.get().info().startInstant();
            if (started.isPresent() && startedMillis != 0 && started.get().toEpochMilli() != startedMillis)
                return false;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 2000);
                return true;
            } catch (IOException refused) {
                return false;
            }
        }

        /** The entry of this process, serving on {@code port}. */
        static Entry ofThisProcess(int port, SandboxCredentials keys, Path stateFile, String models) {
            ProcessHandle me = ProcessHandle.current();
            long started = me.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
            return new Entry(me.pid(), started, port, keys, stateFile, models);
        }

        @Override
        public String toString() {
            return "sandbox process " + pid + " on port " + port; // never the keys
        }
    }

    static Optional<Entry> read(Path dir) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(dir.resolve(NAME), StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new Entry(
                    Long.parseLong(p.getProperty("pid")),
                    Long.parseLong(p.getProperty("started", "0")),
                    Integer.parseInt(p.getProperty("port")),
                    new SandboxCredentials(
                            new Credentials(p.getProperty("kingsoft.key"), p.getProperty("kingsoft.secret")),
                            new Credentials(p.getProperty("alibaba.key"), p.getProperty("alibaba.secret"))),
                    Path.of(p.getProperty("state")),
                    // a file from before overlays were fingerprinted: its model is unknown, so never the same
                    p.getProperty("models", "")));
        } catch (NoSuchFileException absent) {
            return Optional.empty();
        } catch (IOException | RuntimeException unreadable) {
            // cut short or from another version: as good as stale, the next start replaces it
            return Optional.empty();
        }
    }

    /** Writes the file 0600 under a private name, then renames it into place. */
    static void write(Path dir, Entry e) throws IOException {
        Properties p = new Properties();
        p.setProperty("pid", Long.toString(e.pid()));
        p.setProperty("started", Long.toString(e.startedMillis()));
        p.setProperty("port", Integer.toString(e.port()));
        p.setProperty("kingsoft.key", e.keys().kingsoft().accessKeyId());
        p.setProperty("kingsoft.secret", e.keys().kingsoft().secret());
        p.setProperty("alibaba.key", e.keys().alibaba().accessKeyId());
        p.setProperty("alibaba.secret", e.keys().alibaba().secret());
        p.setProperty("state", e.stateFile().toString());
        p.setProperty("models", e.models());
        Path temp = dir.resolve(NAME + "." + e.pid() + ".tmp");
        Files.deleteIfExists(temp);
        PrivateFiles.file(temp);
        try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
            p.store(out, "kecsh home sandbox: private (0600), removed when the sandbox stops");
        }
        try {
            Files.move(temp, dir.resolve(NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e2) {
            Files.move(temp, dir.resolve(NAME), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Whether the file (still) names this entry's process: another one, or none, means this process must stop serving. */
    static boolean names(Path dir, Entry e) {
        return read(dir)
                .map(found -> found.pid() == e.pid() && found.port() == e.port())
                .orElse(false);
    }

    /** Removes the file if it names this entry (a newer sandbox's file is left alone). */
    static void removeIfNames(Path dir, Entry e) {
        try {
            if (names(dir, e)) Files.deleteIfExists(dir.resolve(NAME));
        } catch (IOException ignored) {
            // a file left behind names a process that is gone: stale, and replaced by the next start
        }
    }

    static void remove(Path dir) throws IOException {
        Files.deleteIfExists(dir.resolve(NAME));
    }
}
