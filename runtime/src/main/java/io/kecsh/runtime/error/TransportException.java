package io.kecsh.runtime.error;

/**
 * The request did not get an HTTP answer. {@link #mayHaveBeenProcessed()} tells the two cases
 * apart that matter for safety: a refused connection never reached the service; a time-out after
 * the request was sent may have changed something, and then a mutating call must be reconciled by
 * looking, not by repeating it.
 */
public class TransportException extends KecshException {
    private final boolean mayHaveBeenProcessed;

    public TransportException(String message, boolean mayHaveBeenProcessed, Throwable cause) {
        super(message, cause);
        this.mayHaveBeenProcessed = mayHaveBeenProcessed;
    }

    public boolean mayHaveBeenProcessed() {
        return mayHaveBeenProcessed;
    }

    /** The same failure told about an operation, with what it means for a mutation. */
    public TransportException about(String operation, boolean mutating, int attempts) {
        String tried = attempts > 1 ? " after " + attempts + " attempts" : "";
        String advice = !mayHaveBeenProcessed
                ? " The request did not reach the service."
                : mutating
                        ? " The request was sent but no answer came: " + operation
                                + " may or may not have taken effect. Check the resource's state before trying again."
                        : "";
        return new TransportException(
                operation + ": " + getMessage() + tried + "." + advice, mayHaveBeenProcessed, getCause());
    }
}
