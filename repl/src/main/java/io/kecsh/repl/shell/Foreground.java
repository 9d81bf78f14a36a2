package io.kecsh.repl.shell;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Where the shell runs a command it hands the terminal to (the pager, {@code :edit}'s editor): in this
 * process with its terminal ({@link #LOCAL}), or, for a shell the warm daemon serves, in the client
 * that owns the user's terminal.
 */
@FunctionalInterface
public interface Foreground {
    /** This process's own terminal: the command inherits stdout and stderr, and stdin unless {@code text} is given. */
    Foreground LOCAL = (argv, text) -> {
        ProcessBuilder pb = new ProcessBuilder(argv)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        if (text == null) pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
        Process process = pb.start();
        if (text != null) {
            try (OutputStream in = process.getOutputStream()) {
                in.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException quitEarly) {
                // the user left the pager before reading it all
            }
        }
        return process.waitFor();
    };

    /** Runs {@code argv} on the user's terminal until it ends; its exit status. {@code text}: its stdin, or null for the terminal's. */
    int run(List<String> argv, String text) throws IOException, InterruptedException;
}
