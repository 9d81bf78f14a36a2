package io.kecsh.runtime.model;

/** The model files are broken: a bug in kecsh's data, never the user's input. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
