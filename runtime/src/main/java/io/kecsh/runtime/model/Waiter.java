package io.kecsh.runtime.model;

import java.util.List;
import java.util.Map;

/**
 * Polls an operation until an acceptor says success or failure; delay and attempts are defaults only.
 * {@code input} holds parameters the waiter always sends (the recycle-bin filter), merged with the caller's.
 */
public record Waiter(
        String name,
        String description,
        String operation,
        int delaySeconds,
        int maxAttempts,
        Map<String, Object> input,
        List<Acceptor> acceptors) {
    public Waiter {
        input = Map.copyOf(input);
        acceptors = List.copyOf(acceptors);
    }
}
