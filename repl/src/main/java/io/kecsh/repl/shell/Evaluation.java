package io.kecsh.repl.shell;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jline.terminal.Terminal;

/**
 * Runs each evaluation on one evaluation thread while the shell's thread waits, so Ctrl-C (the
 * terminal's INT signal) can interrupt it: the DSL's waits sleep through an interruptible sleeper,
 * so a wait ends at once, and the shell reports "cancelled" and prompts again.
 */
final class Evaluation implements AutoCloseable {
    /** The value, or the error, or that it was cancelled. */
    record Outcome(Object value, Throwable error, boolean cancelled) {}

    private final Terminal terminal;
    private final AtomicReference<Thread> running = new AtomicReference<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kecsh-eval");
        t.setDaemon(true);
        return t;
    });

    Evaluation(Terminal terminal) {
        this.terminal = terminal;
    }

    Outcome run(Callable<Object> body) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, signal -> {
            Thread t = running.get();
            if (t != null) {
                cancelled.set(true);
                t.interrupt();
            }
        });
        try {
            Future<Object> future = thread.submit(() -> {
                Thread.interrupted(); // a cancel that arrived after the last evaluation ended must not hit this one
                running.set(Thread.currentThread());
                try {
                    return body.call();
                } finally {
                    running.set(null);
                    Thread.interrupted();
                }
            });
            return outcome(future, cancelled);
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }

    /** Waits for the end, through interruptions of this thread: the evaluation decides when it is over. */
    private static Outcome outcome(Future<Object> future, AtomicBoolean cancelled) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    Object value = future.get();
                    return new Outcome(value, null, false);
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return new Outcome(null, e.getCause(), cancelled.get());
                }
            }
        } finally {
            if (interrupted) Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
