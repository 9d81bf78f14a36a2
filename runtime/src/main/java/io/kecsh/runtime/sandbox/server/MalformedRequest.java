package io.kecsh.runtime.sandbox.server;

/**
 * A request HTTP could carry but the sandbox cannot read (a bad percent-escape, bytes that are not
 * UTF-8, a chunked body cut wrong): answered 400 InvalidQueryParameter naming the part, never with
 * a reset. {@code closeConnection}: the stream can no longer be trusted (the body was not read to
 * its end), so the answer closes it.
 */
final class MalformedRequest extends RuntimeException {
    private final String part;
    private final boolean closeConnection;

    MalformedRequest(String part, boolean closeConnection) {
        super("malformed " + part, null, false, false);
        this.part = part;
        this.closeConnection = closeConnection;
    }

    /** What is malformed, safe to echo: a parameter's name, or "(request URI)", "(request body)". */
    String part() {
        return part;
    }

    boolean closeConnection() {
        return closeConnection;
    }
}
