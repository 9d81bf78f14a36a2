package io.kecsh.runtime.model;

import java.util.List;

/** State the server checks and a stateless validator cannot (start needs a stopped instance). */
/** {@code when}, if set, limits the precondition to calls matching it (a password change, not a rename). */
public record Precondition(List<String> states, Condition when, String text) {
    public Precondition {
        states = List.copyOf(states);
    }
}
