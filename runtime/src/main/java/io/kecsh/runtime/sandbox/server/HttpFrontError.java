package io.kecsh.runtime.sandbox.server;

/**
 * A request the HTTP front refuses before the dispatcher sees it (no request line, a header
 * without a colon, a line over the limit, an HTTP version it does not speak): answered with the
 * status and a one-line text body, as HttpCore answered them, and the connection is closed,
 * since what follows on it cannot be trusted to start a request.
 */
final class HttpFrontError extends Exception {
    private final int status;

    HttpFrontError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    int status() {
        return status;
    }
}
