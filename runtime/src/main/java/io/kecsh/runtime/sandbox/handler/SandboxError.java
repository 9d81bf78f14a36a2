package io.kecsh.runtime.sandbox.handler;

import io.kecsh.runtime.model.ErrorDef;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;

/**
 * An error the sandbox answers with. Codes, statuses and message templates come from the model
 * (the documents' tables); {@link #documented} fills a template's %s. Where the documents give a
 * generic code for a state conflict (InvalidParameterValue on InstanceId), a handler may add the
 * sandbox's explanation after the documented text with {@link #because}.
 */
public final class SandboxError extends RuntimeException {
    private final String code;
    private final int status;

    public SandboxError(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** The documented error of this code for the operation (its own errors first, then common ones). */
    public static SandboxError documented(Service service, Operation operation, String code, Object... args) {
        ErrorDef def = service.error(operation, code)
                .orElseThrow(
                        () -> new IllegalStateException("the model documents no error " + code + " for " + operation));
        return new SandboxError(def.code(), def.httpStatus(), def.format(args));
    }

    /**
     * One of the service's common errors (the gateway's, not an action's: Alibaba's signature and
     * parameter codes), the first of this code whose message opens with {@code opening}.
     */
    public static SandboxError common(Service service, String code, String opening, Object... args) {
        ErrorDef def = service.commonErrors().stream()
                .filter(e -> e.code().equals(code) && e.message().startsWith(opening))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("the model documents no common error " + code + " of "
                        + service + " opening with '" + opening + "'"));
        return new SandboxError(def.code(), def.httpStatus(), def.format(args));
    }

    /** The same code and status with one of the code's other documented messages. */
    public SandboxError withMessage(String message) {
        return new SandboxError(code, status, message);
    }

    /** The same error with the sandbox's reason appended to the documented message. */
    public SandboxError because(String reason) {
        return new SandboxError(code, status, getMessage() + " " + reason);
    }
}
