package io.kecsh.runtime.validate;

import java.util.List;
import java.util.Map;

/**
 * Everything the validator found about one request, plus the request as typed values (lists as
 * {@code List}, structures as {@code Map}, numbers as Long/BigDecimal, booleans as Boolean).
 */
public record ValidationReport(
        String operation, List<Problem> problems, Map<String, Object> normalized, String variant) {

    public ValidationReport {
        problems = List.copyOf(problems);
    }

    public List<Problem> errors() {
        return problems.stream().filter(p -> !p.warning()).toList();
    }

    public List<Problem> warnings() {
        return problems.stream().filter(Problem::warning).toList();
    }

    public boolean isValid() {
        return errors().isEmpty();
    }

    /** Throws a {@link ValidationException} carrying this report when there is any error. */
    public ValidationReport orThrow() {
        if (!isValid()) throw new ValidationException(this);
        return this;
    }

    /** "RunInstances: 2 problems" followed by one indented line a problem. */
    public String describe() {
        List<Problem> errors = errors();
        StringBuilder out = new StringBuilder(operation).append(": ");
        out.append(errors.size() == 1 ? "1 problem" : errors.size() + " problems");
        for (Problem p : problems)
            out.append(System.lineSeparator()).append("  - ").append(p);
        return out.toString();
    }
}
