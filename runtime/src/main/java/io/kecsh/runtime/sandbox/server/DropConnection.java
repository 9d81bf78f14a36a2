package io.kecsh.runtime.sandbox.server;

/** Thrown to make the server close the connection without answering (a planned fault). */
public final class DropConnection extends RuntimeException {
    public DropConnection() {
        super("planned dropped connection", null, false, false);
    }
}
