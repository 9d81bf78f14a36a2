package io.kecsh.runtime.retry;

import java.time.Duration;

/** Waits between attempts; tests inject one that only records, so they never sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
