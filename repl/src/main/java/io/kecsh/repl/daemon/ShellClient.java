package io.kecsh.repl.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;
import org.jline.terminal.spi.SystemStream;
import sun.misc.Signal;

/**
 * The client half of the shell through the warm daemon: it puts its terminal in raw mode (no echo,
 * no line editing, no signals from keys: Ctrl-C reaches the daemon's line discipline as a byte),
 * sends every key, and each resize, to the daemon's shell, and writes what that shell prints. The
 * pager and {@code :edit}'s editor run here, on the real terminal, with its own mode back. The
 * terminal's mode is restored on every way out: the shell's end, the daemon's loss, and a TERM or
 * hang-up of this process (a shutdown hook, which also tells the daemon to end the shell).
 */
final class ShellClient {
    /** Raw reads wait at most this long (tenths of a second), so the key pump can stop for a foreground command. */
    private static final int READ_TIMEOUT_TENTHS = 1;

    private final SocketChannel channel;
    /** The process's terminal, for its mode and size only: no JLine terminal (its capabilities cost an infocmp run). */
    private final Pty terminal;

    private final Attributes cooked;
    private final Attributes raw;
    private final DataInputStream in;
    private final DataOutputStream out;
    private final OutputStream stdout = new FileOutputStream(FileDescriptor.out);
    private final OutputStream stderr = new FileOutputStream(FileDescriptor.err);
    private final Object pumpLock = new Object();
    private boolean pumpPaused;
    private boolean pumpIdle;

    private ShellClient(SocketChannel channel, Pty terminal) throws IOException {
        this.channel = channel;
        this.terminal = terminal;
        this.cooked = terminal.getAttr();
        this.raw = raw(cooked);
        this.in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel), 65536));
        this.out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
    }

    /** The shell in the daemon on this process's terminal; {@link DaemonClient#NOT_SERVED} when it cannot be. */
    static int relay(SocketChannel channel, DaemonKey key, String[] args) throws IOException {
        Pty terminal;
        try {
            terminal = new JniTerminalProvider().current(SystemStream.Output);
        } catch (IOException | LinkageError | RuntimeException noNativeAccess) {
            channel.close();
            return DaemonClient.NOT_SERVED;
        }
        return relay(channel, key, args, terminal);
    }

    /** The same on a given terminal: the launcher's archive training ({@link ClientRehearsal}) brings a pty of its own. */
    static int relay(SocketChannel channel, DaemonKey key, String[] args, Pty terminal) throws IOException {
        ShellClient client;
        try {
            client = new ShellClient(channel, terminal);
        } catch (IOException notATerminal) {
            channel.close();
            return DaemonClient.NOT_SERVED;
        }
        return client.run(key, args);
    }

    private int run(DaemonKey key, String[] args) throws IOException {
        CountDownLatch ended = new CountDownLatch(1);
        try {
            Size size = terminal.getSize();
            Frames.write(out, Frames.HELLO, key.hex());
            Frames.write(
                    out,
                    Frames.TERMINAL,
                    String.join(
                            "\0",
                            type(),
                            encoding().name(),
                            Integer.toString(size.getColumns()),
                            Integer.toString(size.getRows())));
            // raw before the daemon can print its prompt: keys typed from here on are not echoed twice
            terminal.setAttr(raw);
            Frames.write(out, Frames.ARGS, Frames.joinArgs(args));
            Frames.Frame first = Frames.read(in);
            if (first == null || first.type() != Frames.STARTED) {
                restore();
                return DaemonClient.NOT_SERVED;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> onSignal(ended), "kecsh-shell-signal"));
            // keys make no signals here (ISIG off); a kill -INT, -TERM or -HUP runs the shutdown hook as the JVM does
            Signal.handle(new Signal("WINCH"), signal -> sendSize());
            Thread pump = new Thread(this::pumpKeys, "kecsh-shell-keys");
            pump.setDaemon(true);
            pump.start();
            return copyOutput();
        } finally {
            ended.countDown();
            restore();
            channel.close();
        }
    }

    /** The terminal's own mode less everything a line discipline does with keys: that is done in the daemon. */
    private static Attributes raw(Attributes cooked) {
        Attributes raw = new Attributes(cooked);
        raw.setLocalFlags(
                EnumSet.of(
                        Attributes.LocalFlag.ICANON,
                        Attributes.LocalFlag.ECHO,
                        Attributes.LocalFlag.ISIG,
                        Attributes.LocalFlag.IEXTEN),
                false);
        raw.setInputFlags(
                EnumSet.of(
                        Attributes.InputFlag.IXON,
                        Attributes.InputFlag.ICRNL,
                        Attributes.InputFlag.INLCR,
                        Attributes.InputFlag.IGNCR),
                false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 0);
        raw.setControlChar(Attributes.ControlChar.VTIME, READ_TIMEOUT_TENTHS);
        return raw;
    }

    /** $TERM, as JLine reads it for a shell in its own process. */
    private static String type() {
        String type = System.getenv("TERM");
        return type == null || type.isBlank() ? "ansi" : type;
    }

    /** The terminal's encoding as the JVM found it (JDK 17 sets sun.stdout.encoding when stdout is a terminal). */
    private static Charset encoding() {
        for (String property : new String[] {"stdout.encoding", "sun.stdout.encoding"}) {
            String name = System.getProperty(property);
            if (name != null && Charset.isSupported(name)) return Charset.forName(name);
        }
        return Charset.defaultCharset();
    }

    private void restore() {
        try {
            terminal.setAttr(cooked);
        } catch (IOException | RuntimeException gone) {
            // the terminal went away: nothing to restore
        }
    }

    /** What the daemon sends until the shell's exit code. */
    private int copyOutput() throws IOException {
        while (true) {
            Frames.Frame f = Frames.readOrEnd(in);
            if (f == null) {
                restore();
                stderr.write(("\nkecsh: the background JVM ended during the shell "
                                + "(kecsh --no-daemon runs the shell in its own process)\n")
                        .getBytes(StandardCharsets.UTF_8));
                return DaemonClient.LOST;
            }
            switch (f.type()) {
                case Frames.OUT -> write(stdout, f.body());
                case Frames.ERR -> write(stderr, f.body());
                case Frames.FOREGROUND -> foreground(f.text());
                case Frames.EXIT -> {
                    return f.number();
                }
                default -> {
                    // nothing else comes to a shell's client
                }
            }
        }
    }

    private static void write(OutputStream target, byte[] bytes) {
        try {
            target.write(bytes);
        } catch (IOException lost) {
            // a terminal that went away: the hang-up ends this process
        }
    }

    /** Sends each key as it comes; pauses while a foreground command has the terminal. */
    private void pumpKeys() {
        InputStream keys = new FileInputStream(FileDescriptor.in);
        byte[] buf = new byte[4096];
        int emptyAtOnce = 0;
        try {
            while (true) {
                synchronized (pumpLock) {
                    while (pumpPaused) {
                        pumpIdle = true;
                        pumpLock.notifyAll();
                        pumpLock.wait();
                    }
                    pumpIdle = false;
                }
                // -1 is also a raw read that timed out (no key within READ_TIMEOUT_TENTHS): a hang-up ends the JVM
                long before = System.nanoTime();
                int n = keys.read(buf);
                if (n > 0) {
                    Frames.write(out, Frames.STDIN, Arrays.copyOf(buf, n));
                    emptyAtOnce = 0;
                } else if (System.nanoTime() - before < TimeUnit.MILLISECONDS.toNanos(10) && ++emptyAtOnce > 100) {
                    throw new IOException("the terminal is gone"); // reads that end at once: a hang-up (nohup'd)
                }
            }
        } catch (IOException gone) {
            try {
                Frames.write(out, Frames.STDIN, new byte[0]); // the terminal is gone: the shell ends
            } catch (IOException ignored) {
                // so is the daemon
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendSize() {
        try {
            Size size = terminal.getSize();
            Frames.write(out, Frames.SIZE, size.getColumns() + "\0" + size.getRows());
        } catch (IOException | RuntimeException ignored) {
            // the daemon went away: the main loop says so
        }
    }

    /** The pager or the editor, here, with the terminal in its own mode and the key pump stopped until it ends. */
    private void foreground(String spec) throws IOException {
        String[] parts = Frames.splitArgs(spec);
        boolean piped = parts[0].equals("pipe");
        String text = null;
        if (piped) {
            Frames.Frame f = Frames.read(in);
            text = f == null ? "" : f.text();
        }
        int status;
        try {
            pauseKeys(true);
            restore();
            ProcessBuilder pb = new ProcessBuilder(List.of(parts).subList(1, parts.length))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            if (!piped) pb.redirectInput(ProcessBuilder.Redirect.INHERIT);
            Process process = pb.start();
            if (piped) {
                try (OutputStream stdin = process.getOutputStream()) {
                    stdin.write(text.getBytes(StandardCharsets.UTF_8));
                } catch (IOException quitEarly) {
                    // the user left the pager before reading it all
                }
            }
            status = process.waitFor();
        } catch (IOException cannotStart) {
            status = 127;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = 130;
        } finally {
            terminal.setAttr(raw);
            pauseKeys(false);
        }
        Frames.writeNumber(out, Frames.FOREGROUND_DONE, status);
    }

    private void pauseKeys(boolean pause) throws IOException {
        synchronized (pumpLock) {
            pumpPaused = pause;
            pumpLock.notifyAll();
            if (!pause) return;
            try {
                while (!pumpIdle) pumpLock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** A TERM, HUP or INT of this process: the terminal's mode back, and the daemon ends the shell. */
    private void onSignal(CountDownLatch ended) {
        if (ended.getCount() == 0) return;
        restore();
        try {
            Frames.write(out, Frames.INTERRUPT, new byte[] {0});
            ended.await(5, TimeUnit.SECONDS);
        } catch (IOException | InterruptedException ignored) {
            // the JVM ends with the signal's code anyway
        }
    }
}
