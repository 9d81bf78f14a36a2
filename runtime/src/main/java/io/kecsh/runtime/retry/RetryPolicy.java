package io.kecsh.runtime.retry;

import java.time.Duration;

/**
 * How hard to try: at most {@code maxAttempts} sends and {@code maxTotalTime} from the first send,
 * with {@code backoff} between. What may be retried at all is {@link RetryDecision}'s business.
 */
public record RetryPolicy(int maxAttempts, Duration maxTotalTime, Backoff backoff) {

    public RetryPolicy {
        if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }

    public static RetryPolicy standard() {
        return new RetryPolicy(5, Duration.ofMinutes(2), Backoff.standard());
    }

    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Backoff.standard());
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, maxTotalTime, backoff);
    }

    public RetryPolicy withBackoff(Backoff newBackoff) {
        return new RetryPolicy(maxAttempts, maxTotalTime, newBackoff);
    }
}
