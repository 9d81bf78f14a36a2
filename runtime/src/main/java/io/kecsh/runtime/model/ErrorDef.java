package io.kecsh.runtime.model;

import java.util.Optional;

/**
 * A documented error: code, verbatim message (with %s placeholders), HTTP status.
 *
 * @param retry {@code safe} when the error proves the request was not processed (any call may be
 *              retried), {@code idempotent} when it may have been processed (retry reads and
 *              ClientToken calls only), or null when retrying cannot help
 */
public record ErrorDef(String code, String message, int httpStatus, String type, String zh, String retry) {

    public Optional<String> retryClass() {
        return Optional.ofNullable(retry);
    }

    /** The message with its %s placeholders filled in order; missing arguments leave them empty. */
    public String format(Object... args) {
        StringBuilder out = new StringBuilder();
        int argument = 0;
        for (int i = 0; i < message.length(); i++) {
            if (message.startsWith("%s", i)) {
                out.append(argument < args.length ? String.valueOf(args[argument++]) : "");
                i++;
            } else {
                out.append(message.charAt(i));
            }
        }
        return out.toString();
    }
}
