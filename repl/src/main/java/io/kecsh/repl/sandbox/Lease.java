package io.kecsh.repl.sandbox;

import io.kecsh.runtime.files.PrivateFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is using the home sandbox, told by OS file locks on {@code in-use.lock}, which go with a
 * process however it ends: each kecsh that uses the sandbox holds a shared lock for as long as it
 * runs (a shell open all day keeps it); the sandbox stops itself, and {@code sandbox reset} empties
 * it, only under the exclusive lock, that is when no kecsh holds one. The file's modification time
 * is when a kecsh last took it, so a sandbox called by short {@code kecsh -e}s is not idle either.
 */
final class Lease {
    static final String FILE = "in-use.lock";
    /** This process's shared locks, one per home sandbox, held until the process ends. */
    private static final Map<Path, FileLock> HELD = new ConcurrentHashMap<>();

    private Lease() {}

    /**
     * Marks this process a user of the sandbox in {@code dir} until it ends; waits while the sandbox is
     * being stopped or reset (a second or two), so it is never stopped under a kecsh that is about to use it.
     */
    static void hold(Path dir) throws IOException {
        Path file = file(dir);
        if (HELD.containsKey(file)) return;
        synchronized (HELD) {
            if (HELD.containsKey(file)) return;
            // touched before the lock is taken: setting a file's time opens and closes it, and closing any
            // descriptor of a file drops every POSIX lock this process holds on it
            Files.setLastModifiedTime(file, FileTime.from(Instant.now()));
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            HELD.put(file, channel.lock(0, Long.MAX_VALUE, true));
        }
    }

    /** Whether this process uses the sandbox in {@code dir} already ({@link #hold} was called). */
    static boolean heldHere(Path dir) throws IOException {
        return HELD.containsKey(file(dir));
    }

    /**
     * The exclusive lock when no kecsh uses the sandbox, trying for up to {@code wait}; empty while one
     * does (this process included). Closing the channel of the lock releases it.
     */
    static Optional<FileLock> exclusive(Path dir, Duration wait) throws IOException {
        Path file = file(dir);
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException thisProcessUsesIt) {
                lock = null;
            }
            if (lock != null) return Optional.of(lock);
            channel.close();
            if (System.nanoTime() >= deadline) return Optional.empty();
            sleep(Duration.ofMillis(100));
        }
    }

    /**
     * Gives up every lease this process holds: a process that outlives its runs (the warm daemon)
     * calls it when none runs, so that its home sandbox can still stop when idle and be reset.
     */
    static void releaseAll() {
        synchronized (HELD) {
            HELD.values().forEach(Lease::release);
            HELD.clear();
        }
    }

    /** When a kecsh last took the lease. */
    static Instant lastTaken(Path dir) throws IOException {
        return Files.getLastModifiedTime(file(dir)).toInstant();
    }

    static void release(FileLock lock) {
        try {
            lock.channel().close();
        } catch (IOException ignored) {
            // the OS releases it with the process
        }
    }

    private static Path file(Path dir) throws IOException {
        return PrivateFiles.file(dir.resolve(FILE));
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
