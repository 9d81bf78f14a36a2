package io.kecsh.runtime.protocol;

/**
 * A response body kecsh cannot read: not JSON or XML, truncated, or not an object. The message
 * names the operation, says what was wrong and shows the start of the body, except for
 * operations whose answer may hold a secret (CreateKey's PrivateKey), where the body is withheld.
 */
public final class ResponseFormatException extends RuntimeException {
    private final String operation;

    ResponseFormatException(String operation, String problem, String bodyStart, Throwable cause) {
        super(operation + ": " + problem + (bodyStart == null ? "" : "; the body starts: " + bodyStart), cause);
        this.operation = operation;
    }

    /** The action whose response could not be read. */
    public String operation() {
        return operation;
    }
}
