package io.kecsh.runtime.waiter;

import java.time.Duration;

/**
 * One poll's news for a progress line: "InstanceActive: attempt 3, 12s of 1800s: building ×2, active ×1".
 *
 * @param observed what the waiter's path showed, counted ("building ×2, active ×1")
 * @param nextDelay how long until the next look (zero when the wait is over)
 * @param timeout how long the wait may take in all (so a person sees the limit before it bites)
 */
public record WaitProgress(
        String waiter, int attempt, Duration elapsed, String observed, Duration nextDelay, Duration timeout) {

    @Override
    public String toString() {
        return waiter + ": attempt " + attempt + ", " + elapsed.toSeconds() + "s of " + timeout.toSeconds() + "s: "
                + observed;
    }
}
