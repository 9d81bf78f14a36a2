package io.kecsh.runtime.waiter;

import io.kecsh.runtime.error.KecshException;

/** A wait that ended without success: a failure state was reached, or time ran out. */
public class WaiterException extends KecshException {
    private final boolean timedOut;
    private final transient Object lastResult;

    public WaiterException(String message, boolean timedOut, Object lastResult, Throwable cause) {
        super(message, cause);
        this.timedOut = timedOut;
        this.lastResult = lastResult;
    }

    public boolean timedOut() {
        return timedOut;
    }

    /** The last response seen (a result tree), or null if the last poll failed. */
    public Object lastResult() {
        return lastResult;
    }
}
