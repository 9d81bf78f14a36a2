package io.kecsh.repl.shell;

import io.kecsh.dsl.engine.safety.Confirmer;
import io.kecsh.dsl.error.Target;
import java.io.PrintWriter;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/**
 * Asks on the terminal before a destructive call: lists what it would affect (ids with names and
 * types) and takes y or yes; anything else, Enter, Ctrl-C or Ctrl-D is a no.
 */
final class ShellConfirmer implements Confirmer {
    private final LineReader reader;

    ShellConfirmer(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public boolean confirm(String verb, List<Target> targets) {
        PrintWriter out = reader.getTerminal().writer();
        out.println(verb + " will affect "
                + (targets.isEmpty()
                        ? "its target"
                        : targets.size() + " resource" + (targets.size() == 1 ? "" : "s") + ":"));
        for (Target t : targets) out.println("  " + t);
        out.flush();
        // An answer is not input: y or n must not come back with the up arrow, nor land in the history file.
        Object historyWas = reader.getVariable(LineReader.DISABLE_HISTORY);
        reader.setVariable(LineReader.DISABLE_HISTORY, true);
        try {
            String answer = reader.readLine("Proceed? [y/N] ");
            return answer != null
                    && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
        } catch (UserInterruptException | EndOfFileException e) {
            return false;
        } finally {
            reader.setVariable(LineReader.DISABLE_HISTORY, historyWas == null ? false : historyWas);
        }
    }
}
