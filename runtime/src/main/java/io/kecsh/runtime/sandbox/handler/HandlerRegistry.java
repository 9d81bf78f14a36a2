package io.kecsh.runtime.sandbox.handler;

import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/** Which handler emulates which action; the coverage test checks every modelled action has one. */
public final class HandlerRegistry {
    private final Map<String, ActionHandler> handlers = new TreeMap<>();
    private final Set<String> recording = new HashSet<>();
    private final List<BiConsumer<SandboxRequest, SandboxState>> beforeEachCall = new ArrayList<>();

    /**
     * Work to do before any handler sees the state (under the same lock): applying time-driven
     * changes, so that no domain reads an instance as "stopping" after its stop has finished.
     */
    public HandlerRegistry beforeEachCall(BiConsumer<SandboxRequest, SandboxState> step) {
        beforeEachCall.add(step);
        return this;
    }

    public void runBeforeEachCall(SandboxRequest request, SandboxState state) {
        beforeEachCall.forEach(step -> step.accept(request, state));
    }

    /**
     * Registers a handler for an action name (unique across services, as in the model). A backend's
     * {@link Refusal} from it is answered here, once for every handler, as the model documents it.
     */
    public HandlerRegistry on(String action, ActionHandler handler) {
        if (handlers.putIfAbsent(action, answeringRefusals(handler)) != null) {
            throw new IllegalStateException("two handlers for " + action);
        }
        return this;
    }

    private static ActionHandler answeringRefusals(ActionHandler handler) {
        return (request, state) -> {
            try {
                return handler.handle(request, state);
            } catch (Refusal refusal) {
                throw refusal.answer(request);
            }
        };
    }

    /**
     * Declares that these actions record every change they make in the state's
     * {@link io.kecsh.runtime.sandbox.state.ChangeSet}, so that the state file may journal them; any
     * other action is taken to change anything (its change, or the next one, saves the whole state).
     */
    public HandlerRegistry recordingChanges(String... actions) {
        recording.addAll(List.of(actions));
        return this;
    }

    /** Whether the action records its changes (see {@link #recordingChanges}). */
    public boolean recordsChanges(String action) {
        return recording.contains(action);
    }

    public Optional<ActionHandler> find(String action) {
        return Optional.ofNullable(handlers.get(action));
    }

    public Set<String> actions() {
        return Collections.unmodifiableSet(handlers.keySet());
    }
}
