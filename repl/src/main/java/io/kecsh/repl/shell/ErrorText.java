package io.kecsh.repl.shell;

import io.kecsh.dsl.error.KecshScriptException;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines the shell shows for a failed input. A script failure's message is written for people:
 * one line, or a report with one line per problem ({@code RunInstances: 3 problems} then
 * {@code   - MaxCount: …}, or each compile error) — all of it is shown, since the headline alone
 * says nothing one can fix. Anything else (a shell command's refusal, a foreign message) shows
 * only its first line; the rest stays for {@code :trace}.
 */
final class ErrorText {
    /** A report longer than this is cut, saying how many lines were left out. */
    static final int MAX_LINES = 30;

    private ErrorText() {}

    static List<String> lines(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank())
            return List.of(error.getClass().getSimpleName());
        List<String> lines = message.lines().filter(l -> !l.isBlank()).toList();
        if (!(error instanceof KecshScriptException) || lines.size() <= 1) return List.of(lines.get(0));
        if (lines.size() <= MAX_LINES) return lines;
        List<String> shown = new ArrayList<>(lines.subList(0, MAX_LINES));
        shown.add("  … " + (lines.size() - MAX_LINES) + " more (:trace shows them all)");
        return shown;
    }
}
