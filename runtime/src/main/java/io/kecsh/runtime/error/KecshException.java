package io.kecsh.runtime.error;

/**
 * Base of the failures a call can end in. Messages are one readable line, never hold secrets,
 * and say what to do where there is something to do.
 */
public abstract class KecshException extends RuntimeException {
    protected KecshException(String message, Throwable cause) {
        super(message, cause);
    }
}
