package io.kecsh.runtime.waiter;

import io.kecsh.runtime.model.Waiter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How long to wait and how often to look. Any timeout and interval are accepted (no hidden cap);
 * the interval grows by half each poll up to {@code maxInterval} (never below the interval given).
 */
public record WaitOptions(Duration timeout, Duration interval, Duration maxInterval, Consumer<WaitProgress> progress) {

    public WaitOptions {
        if (timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        if (maxInterval.compareTo(interval) < 0) maxInterval = interval;
        if (progress == null) progress = p -> {};
    }

    /** The waiter's own delay and attempts, as the model gives them. */
    public static WaitOptions defaultsFor(Waiter waiter) {
        Duration interval = Duration.ofSeconds(Math.max(1, waiter.delaySeconds()));
        return new WaitOptions(
                interval.multipliedBy(waiter.maxAttempts()),
                interval,
                interval.multipliedBy(4).compareTo(Duration.ofSeconds(30)) > 0
                        ? interval.multipliedBy(4)
                        : Duration.ofSeconds(30),
                null);
    }

    public WaitOptions withTimeout(Duration t) {
        return new WaitOptions(t, interval, maxInterval, progress);
    }

    public WaitOptions withInterval(Duration i) {
        return new WaitOptions(timeout, i, maxInterval.compareTo(i) < 0 ? i : maxInterval, progress);
    }

    public WaitOptions withProgress(Consumer<WaitProgress> p) {
        return new WaitOptions(timeout, interval, maxInterval, p);
    }
}
