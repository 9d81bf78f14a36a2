package io.kecsh.runtime.retry;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "full jitter" (a random delay between zero and the exponential cap), so
 * many clients throttled at once do not come back in lockstep.
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(200), Duration.ofSeconds(20), Math::random);
    }

    /** The delay before retry number {@code retry} (1 for the first retry). */
    public Duration delay(int retry) {
        double cap = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, Math.min(retry - 1, 30)));
        return Duration.ofMillis((long) (cap * random.getAsDouble()));
    }
}
