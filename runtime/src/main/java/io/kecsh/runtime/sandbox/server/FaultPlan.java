package io.kecsh.runtime.sandbox.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Faults to play, per action, for reliability tests of the client and the DSL: the next calls may
 * be refused with an error (LimitExceeded 409 for throttling, any documented 5xx …), have their
 * connection dropped before or after the call took effect, or be delayed. Queued faults are used
 * up one per call; latency stays until cleared; {@link RandomFaults} play seeded random ones.
 */
public final class FaultPlan {
    /** One planned fault. {@code code} is a documented error code for ERROR. */
    public record Fault(Kind kind, String code) {
        /** PASS: the call goes through untouched (it aims the faults queued after it at a later call). */
        public enum Kind {
            ERROR,
            DROP_BEFORE,
            DROP_AFTER,
            PASS
        }
    }

    private final Map<String, Deque<Fault>> queued = new ConcurrentHashMap<>();
    private final Map<String, Duration> latency = new ConcurrentHashMap<>();
    private volatile RandomFaults random;
    /** Every call of each action that reached the plan, faulted or not; {@link #clear} keeps them. */
    private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();

    /** The next {@code times} calls of the action answer this documented error. */
    public FaultPlan failNext(String action, String code, int times) {
        return queue(action, new Fault(Fault.Kind.ERROR, code), times);
    }

    /** The next {@code times} calls are throttled: 409 LimitExceeded. */
    public FaultPlan throttleNext(String action, int times) {
        return failNext(action, "LimitExceeded", times);
    }

    /** The next calls lose their connection before anything is done. */
    public FaultPlan dropBeforeNext(String action, int times) {
        return queue(action, new Fault(Fault.Kind.DROP_BEFORE, null), times);
    }

    /** The next calls take effect, then lose their connection before the answer: the ambiguous case. */
    public FaultPlan dropAfterNext(String action, int times) {
        return queue(action, new Fault(Fault.Kind.DROP_AFTER, null), times);
    }

    /** The next {@code times} calls go through untouched: {@code passNext(a, 1).dropAfterNext(a, 1)} hits the second call. */
    public FaultPlan passNext(String action, int times) {
        return queue(action, new Fault(Fault.Kind.PASS, null), times);
    }

    public FaultPlan latency(String action, Duration delay) {
        latency.put(action, delay);
        return this;
    }

    /** Seeded random faults on every call that has no queued fault (null stops them). */
    public FaultPlan random(RandomFaults faults) {
        this.random = faults;
        return this;
    }

    public FaultPlan clear() {
        queued.clear();
        latency.clear();
        random = null;
        return this;
    }

    /** The fault to play on this call of the action: a queued one (used up), else a random one if drawn. */
    public Optional<Fault> next(String action) {
        calls.computeIfAbsent(action, a -> new LongAdder()).increment();
        Deque<Fault> q = queued.get(action);
        if (q != null) {
            synchronized (q) {
                Fault f = q.poll();
                if (f != null) return Optional.of(f);
            }
        }
        RandomFaults r = random;
        return r == null ? Optional.empty() : r.draw(action);
    }

    /**
     * How many calls of the action the sandbox has received (signed and known, whatever was played on
     * them): what a test counts to see which pages a walk asked for, and when.
     */
    public long calls(String action) {
        LongAdder n = calls.get(action);
        return n == null ? 0 : n.sum();
    }

    public Optional<Duration> latencyOf(String action) {
        return Optional.ofNullable(latency.get(action));
    }

    private FaultPlan queue(String action, Fault fault, int times) {
        Deque<Fault> q = queued.computeIfAbsent(action, a -> new ArrayDeque<>());
        synchronized (q) {
            for (int i = 0; i < times; i++) q.add(fault);
        }
        return this;
    }
}
