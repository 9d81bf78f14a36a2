package io.kecsh.dsl.result

import groovy.transform.CompileStatic

/**
 * The script running on this thread, as its results see it: the engine's session enters itself
 * here for the length of a run, and a result's {@code waitUntil} asks it.
 */
@CompileStatic
final class RunningScript {
    private static final ThreadLocal<ResultWaits> CURRENT = new ThreadLocal<>()

    private RunningScript() {
    }

    /** The running script's waits; fails when no script runs on this thread. */
    static ResultWaits waits() {
        ResultWaits running = CURRENT.get()
        if (running == null) throw new IllegalStateException('no kecsh script is running on this thread')
        running
    }

    /** The running script's waits, or null when no script runs on this thread. */
    static ResultWaits onThread() {
        CURRENT.get()
    }

    /** Runs the body with {@code running} as this thread's script, restoring the one before. */
    static <T> T enter(ResultWaits running, Closure<T> body) {
        ResultWaits previous = CURRENT.get()
        CURRENT.set(running)
        try {
            body.call()
        } finally {
            if (previous == null) CURRENT.remove() else CURRENT.set(previous)
        }
    }
}
