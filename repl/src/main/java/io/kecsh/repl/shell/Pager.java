package io.kecsh.repl.shell;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.jline.terminal.Terminal;

/**
 * Shows text that does not fit the screen through a pager ($PAGER, else {@code less -FRX}: quits
 * at once when the text fits after all, keeps colours and the screen) when the shell runs on a
 * real terminal; on a dumb terminal, a pipe, or when the pager cannot start, the text is printed.
 */
final class Pager {
    private final Terminal terminal;
    private final PrintWriter out;
    private final String command;
    private final Foreground foreground;

    Pager(Terminal terminal, PrintWriter out, String command, Foreground foreground) {
        this.terminal = terminal;
        this.out = out;
        this.command = command;
        this.foreground = foreground;
    }

    /** Prints the text (which ends with a newline or not), paged when it is longer than the screen. */
    void show(String text) {
        if (!pages(text) || !paged(text)) {
            out.print(text.endsWith("\n") ? text : text + "\n");
            out.flush();
        }
    }

    private boolean pages(String text) {
        if (command == null
                || command.isBlank()
                || Terminal.TYPE_DUMB.equals(terminal.getType())
                || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType())) return false;
        int height = terminal.getHeight();
        return height > 0 && text.lines().count() > height - 1;
    }

    private boolean paged(String text) {
        out.flush();
        terminal.pause();
        try {
            // 127: the shell found no such command; the text is printed instead
            return foreground.run(List.of("/bin/sh", "-c", command), text) != 127;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } finally {
            try {
                terminal.resume();
            } catch (RuntimeException ignored) {
                // reads on as before
            }
        }
    }
}
