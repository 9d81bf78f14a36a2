package io.kecsh.runtime.validate;

/**
 * A request the model refuses; nothing was sent. The message lists every problem, one a line.
 * (Transport failures and service errors have their own types in the client.)
 */
public class ValidationException extends IllegalArgumentException {
    private final transient ValidationReport report;

    public ValidationException(ValidationReport report) {
        super(
                report.errors().size() == 1
                        ? report.operation() + ": " + report.errors().get(0)
                        : report.describe());
        this.report = report;
    }

    public ValidationReport report() {
        return report;
    }
}
