package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;

/**
 * Which handler emulates which action (the coverage test checks every modelled action has one),
 * and which calls may run beside each other: every call runs alone under the state's exclusive
 * lock unless it is a read registered with {@link #onRead} and nothing is due, in which case it
 * runs under the shared lock with the other reads (a read-mostly load would otherwise queue every
 * request behind one lock).
 */
public final class HandlerRegistry {
    private final Map<String, ActionHandler> handlers = new TreeMap<>();
    private final Map<String, Read> reads = new TreeMap<>();
    private final List<BeforeEachCall> beforeEachCall = new ArrayList<>();

    private record BeforeEachCall(BiConsumer<SandboxRequest, SandboxState> step, BiPredicate<SandboxRequest, SandboxState> idle) {
    }

    private record Read(BiPredicate<SandboxRequest, SandboxState> quiet, ActionHandler view) {
    }

    /**
     * Work to do before any handler sees the state (under the exclusive lock): applying time-driven
     * changes, so that no domain reads an instance as "stopping" after its stop has finished.
     * {@code idle} tells, without changing anything, that the step has nothing to do now.
     */
    public HandlerRegistry beforeEachCall(BiConsumer<SandboxRequest, SandboxState> step, BiPredicate<SandboxRequest, SandboxState> idle) {
        beforeEachCall.add(new BeforeEachCall(step, idle));
        return this;
    }

    public void runBeforeEachCall(SandboxRequest request, SandboxState state) {
        beforeEachCall.forEach(b -> b.step().accept(request, state));
    }

    /** Registers a handler for an action name (unique across services, as in the model). */
    public HandlerRegistry on(String action, ActionHandler handler) {
        if (handlers.putIfAbsent(action, handler) != null) {
            throw new IllegalStateException("two handlers for " + action);
        }
        return this;
    }

    /**
     * Registers a read: {@code handler} is the whole call (it may apply what is due, as describes
     * do); when {@code quiet} holds (checked under the shared lock: nothing is due that the handler
     * would apply), {@code view} answers instead, changing nothing, beside other reads.
     */
    public HandlerRegistry onRead(String action, ActionHandler handler, BiPredicate<SandboxRequest, SandboxState> quiet,
                                  ActionHandler view) {
        on(action, handler);
        reads.put(action, new Read(quiet, view));
        return this;
    }

    /** A read that never changes anything: it always runs beside other reads. */
    public HandlerRegistry onRead(String action, ActionHandler view) {
        return onRead(action, view, (r, s) -> true, view);
    }

    public Optional<ActionHandler> find(String action) {
        return Optional.ofNullable(handlers.get(action));
    }

    /**
     * The handler that may answer this call under the shared lock, or empty when the call must run
     * alone (not a registered read, or something is due). Call it holding the shared lock.
     */
    public Optional<ActionHandler> sharedView(SandboxRequest request, SandboxState state) {
        Read read = reads.get(request.action());
        if (read == null || !state.regions.containsKey(request.region())) return Optional.empty();
        for (BeforeEachCall b : beforeEachCall) if (!b.idle().test(request, state)) return Optional.empty();
        return read.quiet().test(request, state) ? Optional.of(read.view()) : Optional.empty();
    }

    public Set<String> actions() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
