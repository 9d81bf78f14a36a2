package io.kecsh.repl.daemon;

import io.kecsh.repl.shell.Foreground;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.Charset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * The daemon's side of a client's terminal: a JLine terminal whose keys are the bytes the client
 * reads from its tty in raw mode and whose output goes back in {@link Frames#OUT} frames. JLine's
 * line discipline does here what the kernel's does for a shell in its own process: Ctrl-C, Ctrl-\
 * and Ctrl-Z become the terminal's INT, QUIT and TSTP signals. Output is sent unprocessed (OPOST
 * off): the client's tty turns newlines into CR LF, as it does for a shell in its own process.
 * Commands the shell hands the terminal to (pager, editor) run in the client, on the real terminal.
 */
final class RemoteTerminal implements Foreground {
    private final DataOutputStream out;
    private final PipedOutputStream keys = new PipedOutputStream();
    private final ExternalTerminal terminal;
    private final BlockingQueue<Integer> foregroundDone = new LinkedBlockingQueue<>();

    /** {@code spec}: the client's {@link Frames#TERMINAL} frame (type, encoding, columns, rows). */
    RemoteTerminal(String spec, DataOutputStream out) throws IOException {
        this.out = out;
        String[] parts = Frames.splitArgs(spec);
        String type = parts.length > 0 && !parts[0].isBlank() ? parts[0] : "xterm";
        Charset encoding = parts.length > 1 && Charset.isSupported(parts[1])
                ? Charset.forName(parts[1])
                : Charset.defaultCharset();
        PipedInputStream keysIn = new PipedInputStream(keys, 64 * 1024);
        this.terminal = new Unpaused(
                type,
                keysIn,
                new BufferedOutputStream(new DaemonServer.FrameOutputStream(out, Frames.OUT), 8192),
                encoding);
        Attributes attributes = terminal.getAttributes();
        attributes.setOutputFlag(Attributes.OutputFlag.OPOST, false);
        terminal.setAttributes(attributes);
        if (parts.length > 3) resize(parts[2] + "\0" + parts[3]);
    }

    /**
     * A terminal whose key pump never pauses (resume() finds it running): while the pager or the editor runs, the
     * client sends no keys. JLine's pause interrupts the pump thread in its read of the pipe, which breaks the pipe
     * for good: every line after a page of output read empty.
     */
    private static final class Unpaused extends ExternalTerminal {
        Unpaused(String type, PipedInputStream keys, BufferedOutputStream output, Charset encoding) throws IOException {
            super("kecsh", type, keys, output, encoding);
        }

        @Override
        public void pause() {
            // see the class comment
        }

        @Override
        public void pause(boolean wait) {
            // see the class comment
        }
    }

    Terminal terminal() {
        return terminal;
    }

    /** Keys the user typed. */
    void keys(byte[] bytes) throws IOException {
        if (bytes.length == 0) {
            keys.close(); // the terminal is gone: the shell reads the end of its input and ends
            return;
        }
        keys.write(bytes);
        keys.flush();
    }

    /** The client's {@link Frames#SIZE}: the line editor redraws for it as for a resize of its own terminal. */
    void resize(String columnsAndRows) {
        String[] cr = Frames.splitArgs(columnsAndRows);
        try {
            int columns = Integer.parseInt(cr[0]);
            int rows = Integer.parseInt(cr[1]);
            if (columns > 0 && rows > 0) {
                terminal.setSize(new Size(columns, rows));
                terminal.raise(Terminal.Signal.WINCH);
            }
        } catch (RuntimeException badSize) {
            // a terminal that reports no size keeps the one it had
        }
    }

    /** The client went away (its terminal closed, a TERM): what runs is interrupted and the shell reads its end. */
    void hangUp() {
        foregroundDone.offer(129);
        terminal.raise(Terminal.Signal.INT);
        try {
            keys.close();
        } catch (IOException ignored) {
            // closed already
        }
    }

    /** The client's {@link Frames#FOREGROUND_DONE}. */
    void foregroundDone(int status) {
        foregroundDone.offer(status);
    }

    @Override
    public int run(List<String> argv, String text) throws IOException, InterruptedException {
        terminal.flush();
        foregroundDone.clear();
        synchronized (out) {
            Frames.write(out, Frames.FOREGROUND, (text == null ? "inherit\0" : "pipe\0") + String.join("\0", argv));
            if (text != null) Frames.write(out, Frames.FOREGROUND_TEXT, text);
        }
        return foregroundDone.take();
    }
}
