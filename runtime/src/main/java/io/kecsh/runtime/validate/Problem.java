package io.kecsh.runtime.validate;

import java.util.List;

/**
 * One thing wrong with a request, worded for the person who typed it. The same type is used by
 * the runtime, the DSL (which adds the script location) and the shell.
 *
 * @param path        the parameter path as sent on the wire, e.g. {@code DataDisk.2.Size}
 * @param given       the value given, already masked when the parameter is secret; null if absent
 * @param allowed     what is allowed, for enumerations (may be a shortened list)
 * @param suggestions close valid values or names ("did you mean")
 */
public record Problem(
        Kind kind,
        boolean warning,
        String path,
        String given,
        String message,
        List<String> allowed,
        List<String> suggestions) {

    /** What the server would answer; {@link #serverCode()} names the documented error code. */
    public enum Kind {
        MISSING("MissingParameter"),
        INVALID_VALUE("InvalidParameterValue"),
        UNKNOWN_PARAMETER("InvalidQueryParameter");

        private final String serverCode;

        Kind(String serverCode) {
            this.serverCode = serverCode;
        }

        public String serverCode() {
            return serverCode;
        }
    }

    public Problem {
        allowed = List.copyOf(allowed);
        suggestions = List.copyOf(suggestions);
    }

    static Problem error(Kind kind, String path, String given, String message) {
        return new Problem(kind, false, path, given, message, List.of(), List.of());
    }

    Problem asWarning() {
        return new Problem(kind, true, path, given, message, allowed, suggestions);
    }

    public String serverCode() {
        return kind.serverCode();
    }

    /** One line: "InstanceType: 'S4.2X' is not a valid instance type (did you mean S4.2B?)". */
    @Override
    public String toString() {
        return (warning ? "warning: " : "") + message;
    }
}
