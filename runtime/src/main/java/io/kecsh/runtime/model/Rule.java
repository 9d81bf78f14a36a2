package io.kecsh.runtime.model;

import java.time.Duration;
import java.util.List;

/**
 * A constraint between parameters that the document states in prose
 * (PurchaseTime only with Monthly; DataDisk Type and Size together; one attribute per call).
 * Paths name parameters; {@code X[]} walks every item of list X.
 */
public record Rule(
        Kind kind,
        List<String> params,
        String than,
        Object value,
        Condition when,
        String message,
        boolean warning,
        List<Decision> decisions) {

    public enum Kind {
        ONLY_WHEN("onlyWhen"),
        REQUIRED_WHEN("requiredWhen"),
        TOGETHER("together"),
        EXACTLY_ONE("exactlyOne"),
        AT_MOST_ONE("atMostOne"),
        AT_LEAST_ONE("atLeastOne"),
        NOT_GREATER_THAN("notGreaterThan"),
        EQUALS_WHEN("equalsWhen"),
        MAX_SPAN("maxSpan");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        static Kind parse(String id) {
            for (Kind k : values()) {
                if (k.id.equals(id)) return k;
            }
            throw new IllegalArgumentException("unknown rule '" + id + "'");
        }
    }

    public Rule {
        params = List.copyOf(params);
        decisions = List.copyOf(decisions);
    }

    /** For maxSpan: the longest time allowed from the first parameter to the second (ISO 8601, e.g. P3D). */
    public Duration maxSpan() {
        return Duration.parse(String.valueOf(value));
    }

    /** The single parameter of onlyWhen / requiredWhen / notGreaterThan / equalsWhen. */
    public String param() {
        return params.get(0);
    }
}
