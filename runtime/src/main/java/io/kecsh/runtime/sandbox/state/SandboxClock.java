package io.kecsh.runtime.sandbox.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The sandbox's time, and how fast things change. Interactive use: real time, and a transition
 * (building → active, stopping → stopped …) completes a few seconds after it starts, so waiters
 * and progress are visible. Tests: time stands still unless {@link #advance} moves it, and a
 * transition can also complete after a number of describes, so no test ever sleeps.
 */
public final class SandboxClock extends Clock {
    private final boolean manual;
    private volatile Instant manualNow;
    private volatile Duration transitionDelay;
    private volatile int describesPerTransition;

    private SandboxClock(boolean manual, Instant start, Duration transitionDelay, int describesPerTransition) {
        this.manual = manual;
        this.manualNow = start;
        this.transitionDelay = transitionDelay;
        this.describesPerTransition = describesPerTransition;
    }

    /** Real time; transitions take {@code delay} (a few seconds by default). */
    public static SandboxClock interactive(Duration delay) {
        return new SandboxClock(false, null, delay, 0);
    }

    /** Time that moves only by {@link #advance}; transitions take 10 simulated seconds unless tests change it. */
    public static SandboxClock manual(Instant start) {
        return new SandboxClock(true, start, Duration.ofSeconds(10), 0);
    }

    public SandboxClock advance(Duration d) {
        if (!manual) throw new IllegalStateException("only a manual sandbox clock can be advanced");
        manualNow = manualNow.plus(d);
        return this;
    }

    /** Transitions also complete after this many describes that see them (0: by time only). */
    public SandboxClock completeAfterDescribes(int n) {
        this.describesPerTransition = n;
        return this;
    }

    public SandboxClock transitionDelay(Duration d) {
        this.transitionDelay = d;
        return this;
    }

    public Duration transitionDelay() {
        return transitionDelay;
    }

    public int describesPerTransition() {
        return describesPerTransition;
    }

    public boolean isManual() {
        return manual;
    }

    @Override
    public Instant instant() {
        return manual ? manualNow : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
