package io.kecsh.runtime.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Which handler emulates which action; the coverage test checks every modelled action has one. */
public final class HandlerRegistry {
    private final Map<String, ActionHandler> handlers = new TreeMap<>();

    /** Registers a handler for an action name (unique across services, as in the model). */
    public HandlerRegistry on(String action, ActionHandler handler) {
        if (handlers.putIfAbsent(action, handler) != null) {
            throw new IllegalStateException("two handlers for " + action);
        }
        return this;
    }

    public Optional<ActionHandler> find(String action) {
        return Optional.ofNullable(handlers.get(action));
    }

    public java.util.Set<String> actions() {
        return java.util.Collections.unmodifiableSet(handlers.keySet());
    }
}
