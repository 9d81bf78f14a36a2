package io.kecsh.runtime.sandbox.handler;

/**
 * A backend's refusal, typed: the state logic knows no request, so it says which documented error
 * it is ({@link #code}), which parameter it names and the sandbox's reason. The handler registry
 * answers it as the model documents that code for the call's operation — HTTP status and message
 * read from the model, never retyped here — with the reason after the documented text.
 */
public abstract class Refusal extends RuntimeException {
    private final String param;

    protected Refusal(String param, String reason) {
        super(reason, null, false, false);
        this.param = param;
    }

    /** The documented error code; the model gives its status and message. */
    public abstract String code();

    /** The parameter the documented message names. */
    public String param() {
        return param;
    }

    public String reason() {
        return getMessage();
    }

    /** The answer to {@code request}: the model's error of this code for its operation, and the reason. */
    public SandboxError answer(SandboxRequest request) {
        return request.error(code(), param).because(reason());
    }
}
