package io.kecsh.repl.cli;

import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs kecsh's own fixed commands to warm a JVM (the launcher's archive training, the warm daemon's
 * start): nothing of the user's is read or written — a throw-away home, no environment, output to
 * nowhere, an embedded sandbox whose instances are active at once — so neither an archive nor a
 * daemon can keep a user's script, settings or secrets. The home is deleted afterwards.
 */
public final class FixedWorkload {
    /** Instances become active at once: the workload waits for nothing. */
    private static final Duration TRANSITION = Duration.ofMillis(1);

    public interface Steps {
        void run(CommandContext context);
    }

    private FixedWorkload() {}

    /** A failed step ends the workload quietly: a colder JVM is its only cost. */
    public static void run(Steps steps) throws IOException {
        Path home = Files.createTempDirectory("kecsh-fixed-workload");
        // a JVM that ends in the middle (a warm daemon stopped while it warms up) deletes the home all the same
        Thread onExit = new Thread(() -> deleteQuietly(home), "kecsh-fixed-workload-cleanup");
        Runtime.getRuntime().addShutdownHook(onExit);
        try (PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8)) {
            steps.run(CommandContext.builder()
                    .out(nowhere)
                    .err(nowhere)
                    .environment(Map.of())
                    .home(home)
                    .width(CommandContext.DEFAULT_WIDTH)
                    .sandboxOptions(SandboxOptions.interactive().withClock(SandboxClock.interactive(TRANSITION)))
                    .build());
        } catch (RuntimeException | LinkageError ignored) {
            // what ran until then is warm
        } finally {
            removeHook(onExit);
            deleteThrowAwayHome(home);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the hook runs (or ran) instead
        }
    }

    /** From a shutdown hook: the workload may still be writing into the home, so a file may come or go meanwhile. */
    private static void deleteQuietly(Path home) {
        for (int attempt = 0; attempt < 3 && Files.exists(home); attempt++) {
            try {
                deleteThrowAwayHome(home);
            } catch (IOException | RuntimeException raced) {
                // the next attempt
            }
        }
    }

    /** Deletes a throw-away home made for a fixed workload, with whatever the workload left in it. */
    public static void deleteThrowAwayHome(Path home) throws IOException {
        try (Stream<Path> all = Files.walk(home)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
