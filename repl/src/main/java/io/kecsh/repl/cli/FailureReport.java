package io.kecsh.repl.cli;

import io.kecsh.dsl.error.KecshScriptException;
import io.kecsh.repl.shell.SecretLiterals;
import io.kecsh.runtime.text.UserText;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Tells the user what failed: {@code kecsh: } and the message on stderr — one line per problem,
 * never a stack trace unless {@code --debug} asked for it — and returns the exit code for it.
 * The secrets the script typed ({@link SecretLiterals}) are masked in both: Groovy's compile errors
 * echo the source line, and its runtime errors the values of the arguments.
 */
public final class FailureReport {
    private final PrintStream err;
    private final boolean debug;
    private final SecretLiterals secrets;

    public FailureReport(PrintStream err, boolean debug, SecretLiterals secrets) {
        this.err = err;
        this.debug = debug;
        this.secrets = secrets;
    }

    public int report(Throwable failure) {
        int code = ExitCodes.of(failure);
        if (code == ExitCodes.INTERRUPTED) {
            err.println("kecsh: interrupted");
        } else {
            for (String line : secrets.mask(message(failure)).split("\\R")) {
                // Escaped once more here: whatever message a failure carries, no ESC or NUL reaches the terminal.
                if (!line.isBlank()) err.println(UserText.escaped(line.startsWith("  ") ? line : "kecsh: " + line));
            }
        }
        if (debug) err.print(secrets.mask(trace(failure)));
        return code;
    }

    private static String message(Throwable failure) {
        String m = failure.getMessage();
        return m == null || m.isBlank() ? failure.getClass().getSimpleName() : m;
    }

    private static String trace(Throwable failure) {
        if (failure instanceof KecshScriptException k) return k.trace();
        StringWriter out = new StringWriter();
        failure.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
