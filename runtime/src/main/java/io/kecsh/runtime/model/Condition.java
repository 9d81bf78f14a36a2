package io.kecsh.runtime.model;

import java.util.List;

/**
 * The "when" of a rule: a parameter's value (or, with {@code attr}, an attribute of its enum value,
 * such as the family of an instance type) compared one of four ways.
 */
public record Condition(String param, String attr, Kind kind, List<String> values, boolean present) {

    public enum Kind {
        EQUALS,
        NOT_EQUALS,
        IN,
        PRESENT
    }

    public Condition {
        values = List.copyOf(values);
    }

    /** How the condition reads in a message: "ChargeType is Monthly". */
    public String describe() {
        String subject = attr == null ? param : attr + " of " + param;
        return switch (kind) {
            case EQUALS -> subject + " is " + values.get(0);
            case NOT_EQUALS -> subject + " is not " + values.get(0);
            case IN -> subject + " is one of " + String.join(", ", values);
            case PRESENT -> param + (present ? " is given" : " is not given");
        };
    }
}
