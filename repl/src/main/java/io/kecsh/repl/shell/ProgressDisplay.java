package io.kecsh.repl.shell;

import java.io.PrintWriter;
import java.util.function.Consumer;
import org.jline.terminal.Terminal;

/**
 * Where progress lines of waits and batches go: on a real terminal one status line that is
 * redrawn in place (carriage return, erase to end of line), on a dumb terminal or a pipe plain
 * lines. {@link #done} ends the status line before the result is printed.
 */
final class ProgressDisplay implements Consumer<String> {
    private final Terminal terminal;
    private final boolean inPlace;
    private boolean drawn;

    ProgressDisplay(Terminal terminal) {
        this.terminal = terminal;
        this.inPlace = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
    }

    @Override
    public synchronized void accept(String line) {
        PrintWriter out = terminal.writer();
        if (inPlace) {
            int width = Math.max(20, terminal.getWidth()) - 1;
            String fitted = line.length() > width ? line.substring(0, width - 1) + "…" : line;
            out.print("\r" + fitted + "\u001b[K");
            drawn = true;
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Leaves the status line, so what follows starts on a clean line. */
    synchronized void done() {
        if (drawn) {
            terminal.writer().print("\r\u001b[K");
            terminal.writer().flush();
            drawn = false;
        }
    }
}
