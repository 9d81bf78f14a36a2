package io.kecsh.runtime.config;

import java.util.List;

/**
 * The configuration cannot be used: a broken profile file, a profile that does not exist, half a
 * key pair in the environment. Carries every problem found, each starting with where it is
 * ({@code /home/u/.kecsh/config:7: …} or the variable's name), so one run shows them all.
 * Messages name keys and variables, never the secret values.
 */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(message(problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    /** Each problem on its own, in the order found. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) throw new IllegalArgumentException("a ConfigException needs a problem");
        if (problems.size() == 1) return problems.get(0);
        return problems.size() + " configuration problems:\n  " + String.join("\n  ", problems);
    }
}
