package io.kecsh.runtime.sandbox.state;

import java.time.Instant;

/**
 * A state change under way: the resource shows its in-between state (stopping) until the change
 * is due, then its target state (stopped). Plain data, so it persists with the resource.
 *
 * @param target         the state reached when due
 * @param readyAtMillis  epoch millis from which it is due by time
 * @param describesLeft  describes still to see it before it is due by count (ignored when the
 *                       clock counts no describes)
 */
public record Transition(String target, long readyAtMillis, int describesLeft) {

    public static Transition start(String target, SandboxClock clock) {
        return new Transition(
                target, clock.instant().plus(clock.transitionDelay()).toEpochMilli(), clock.describesPerTransition());
    }

    /** A transition started now that takes {@code factor} times the normal delay (image saving is slower). */
    public static Transition start(String target, SandboxClock clock, int factor) {
        return new Transition(
                target,
                clock.instant()
                        .plus(clock.transitionDelay().multipliedBy(factor))
                        .toEpochMilli(),
                clock.describesPerTransition() * factor);
    }

    public boolean due(SandboxClock clock) {
        return due(clock.instant(), clock);
    }

    /** Due at {@code now} (read from the clock once for a whole settling pass). */
    public boolean due(Instant now, SandboxClock clock) {
        return now.toEpochMilli() >= readyAtMillis || (clock.describesPerTransition() > 0 && describesLeft <= 0);
    }

    /** The same transition after one more describe has seen it. */
    public Transition seen() {
        return new Transition(target, readyAtMillis, describesLeft - 1);
    }
}
