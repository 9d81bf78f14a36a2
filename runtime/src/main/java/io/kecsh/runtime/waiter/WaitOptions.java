package io.kecsh.runtime.waiter;

import io.kecsh.runtime.model.Waiter;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * How long to wait and how often to look. Any timeout and interval are accepted (no hidden cap);
 * the interval grows by half each poll up to {@code maxInterval} (never below the interval given).
 */
public record WaitOptions(
        Duration timeout,
        Duration interval,
        Duration maxInterval,
        Consumer<WaitProgress> progress,
        Runnable beforeCall) {

    public WaitOptions {
        if (timeout.isNegative()) throw new IllegalArgumentException("timeout must not be negative");
        if (interval.isNegative() || interval.isZero()) throw new IllegalArgumentException("interval must be positive");
        if (maxInterval.compareTo(interval) < 0) maxInterval = interval;
        if (progress == null) progress = p -> {};
        if (beforeCall == null) beforeCall = () -> {};
    }

    /** Nothing to do before each call a poll sends. */
    public WaitOptions(Duration timeout, Duration interval, Duration maxInterval, Consumer<WaitProgress> progress) {
        this(timeout, interval, maxInterval, progress, null);
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
        return new WaitOptions(t, interval, maxInterval, progress, beforeCall);
    }

    public WaitOptions withInterval(Duration i) {
        return new WaitOptions(timeout, i, maxInterval.compareTo(i) < 0 ? i : maxInterval, progress, beforeCall);
    }

    public WaitOptions withProgress(Consumer<WaitProgress> p) {
        return new WaitOptions(timeout, interval, maxInterval, p, beforeCall);
    }

    /**
     * Also runs {@code r} before each call a poll sends (every page, every slice of a long id list):
     * where a rate limit takes its slot, so a wait's polls count against it as every other call does.
     */
    public WaitOptions withBeforeCall(Runnable r) {
        Runnable prior = beforeCall;
        return new WaitOptions(timeout, interval, maxInterval, progress, () -> {
            prior.run();
            r.run();
        });
    }
}
