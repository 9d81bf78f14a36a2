package io.kecsh.runtime.retry;

import io.kecsh.runtime.model.ErrorDef;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Whether a failed attempt may be sent again — the rule that keeps a mutation from happening twice:
 * <ul>
 *   <li>proof the request was not processed (refused connection; an error the model marks
 *       {@code retry: safe}, such as LimitExceeded 409): any call is retried;</li>
 *   <li>it may have been processed (time-out after sending; an error marked
 *       {@code retry: idempotent}, such as ServiceTimeout or InternalError): only reads, and
 *       mutations that carry a ClientToken the client reuses on every attempt;</li>
 *   <li>anything else: not retried.</li>
 * </ul>
 */
public final class RetryDecision {

    private RetryDecision() {}

    /** True when the operation is safe to repeat even if an earlier attempt took effect. */
    public static boolean idempotent(Operation operation) {
        return !operation.mutating() || operation.params().containsKey("ClientToken");
    }

    public static boolean afterTransportFailure(Operation operation, boolean mayHaveBeenProcessed) {
        return !mayHaveBeenProcessed || idempotent(operation);
    }

    public static boolean afterServiceError(
            Service service, Operation operation, String code, int httpStatus, String message) {
        Optional<String> retry =
                documented(service, operation, code, httpStatus, message).flatMap(ErrorDef::retryClass);
        if (retry.isEmpty()) return false;
        return retry.get().equals("safe") || idempotent(operation);
    }

    /**
     * Whether a request answered with this error may still have taken effect: an error the model
     * marks {@code idempotent} (ServiceUnavailable, ServiceTimeout …) says the service may have
     * processed it, one marked {@code safe} (LimitExceeded, the auth service down) proves it did
     * not; an unmarked one is the caller's mistake (4xx: refused) or the service's own failure (5xx:
     * nobody can tell).
     */
    public static boolean mayHaveBeenProcessed(
            Service service, Operation operation, String code, int httpStatus, String message) {
        Optional<String> retry =
                documented(service, operation, code, httpStatus, message).flatMap(ErrorDef::retryClass);
        if (retry.isPresent()) return retry.get().equals("idempotent");
        return httpStatus >= 500;
    }

    /**
     * The documented error for a code and status. A code can have several meanings
     * (ServiceUnavailable: the auth service was down — not processed — or the service failed —
     * maybe processed); the row whose message template matches the message wins, otherwise the
     * most cautious row of that code and status.
     */
    static Optional<ErrorDef> documented(
            Service service, Operation operation, String code, int httpStatus, String message) {
        ErrorDef cautious = null;
        for (ErrorDef e : service.errorsOf(operation)) {
            if (!e.code().equals(code) || e.httpStatus() != httpStatus) continue;
            if (message != null && template(e.message()).matcher(message).matches()) return Optional.of(e);
            if (cautious == null || rank(e) < rank(cautious)) cautious = e;
        }
        return Optional.ofNullable(cautious);
    }

    /** "Exception %s" as a pattern: literal text, with %s standing for anything. */
    private static Pattern template(String message) {
        StringBuilder regex = new StringBuilder();
        for (String part : message.split("%s", -1)) {
            if (regex.length() > 0) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static int rank(ErrorDef e) {
        if (e.retry() == null) return 0;
        return e.retry().equals("idempotent") ? 1 : 2;
    }
}
