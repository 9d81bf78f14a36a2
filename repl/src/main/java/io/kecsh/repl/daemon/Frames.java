package io.kecsh.repl.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The wire between a {@code kecsh} client and its warm daemon, over a Unix domain socket: frames of
 * one type byte, a length and that many bytes. One writer at a time per side ({@link #write} is
 * synchronized on the stream), so the client's interrupt and its stdin answers never interleave.
 */
final class Frames {
    // client -> daemon
    /** The daemon key the client computed (hex, UTF-8): the daemon refuses any other. */
    static final byte HELLO = 'H';
    /** The command line, NUL-separated UTF-8. */
    static final byte ARGS = 'A';
    /** Bytes of the client's stdin, answering {@link #STDIN_WANTED}; an empty one is end of input. */
    static final byte STDIN = 'I';
    /** The client got SIGINT or SIGTERM (the signal's number, one byte): stop the run. */
    static final byte INTERRUPT = 'X';
    /** {@code kecsh daemon status}: one line back in {@link #OUT}. */
    static final byte STATUS = 'S';
    /** {@code kecsh daemon stop}: the daemon ends once its runs have. */
    static final byte STOP = 'Q';
    /**
     * Before {@link #ARGS}: the command is the shell, on the client's terminal (type, encoding, columns, rows;
     * NUL-separated). Its keys then come unasked in {@link #STDIN} frames, an empty one when the terminal is gone.
     */
    static final byte TERMINAL = 'T';
    /** The client's terminal was resized: columns and rows, NUL-separated. */
    static final byte SIZE = 'W';
    /** The exit status (four-byte int) of a {@link #FOREGROUND} command. */
    static final byte FOREGROUND_DONE = 'D';

    // daemon -> client
    /** The daemon took the command line and runs it: from here on, a broken connection is not a reason to rerun it. */
    static final byte STARTED = 's';
    /** Not served here (another build, or a command this daemon cannot run faithfully): the client runs it itself. */
    static final byte REFUSED = 'r';

    static final byte OUT = 'o';
    static final byte ERR = 'e';
    /** The run reads stdin: at most this many bytes (four-byte int) wanted. */
    static final byte STDIN_WANTED = 'i';
    /** The exit code (four-byte int): the last frame of a run. */
    static final byte EXIT = 'x';
    /**
     * The shell hands the terminal to a command (the pager, {@code :edit}'s editor), which the client runs with its
     * own terminal: "inherit" or "pipe" (then {@link #FOREGROUND_TEXT} follows, its stdin) and the argv, NUL-separated.
     */
    static final byte FOREGROUND = 'f';
    /** The standard input of a {@link #FOREGROUND} command in "pipe" mode. */
    static final byte FOREGROUND_TEXT = 't';

    private Frames() {}

    record Frame(byte type, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        int number() {
            return ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | (body[3] & 0xff);
        }
    }

    static void write(DataOutputStream out, byte type, byte[] body, int offset, int length) throws IOException {
        synchronized (out) {
            out.writeByte(type);
            out.writeInt(length);
            out.write(body, offset, length);
            out.flush();
        }
    }

    static void write(DataOutputStream out, byte type, byte[] body) throws IOException {
        write(out, type, body, 0, body.length);
    }

    static void write(DataOutputStream out, byte type, String text) throws IOException {
        write(out, type, text.getBytes(StandardCharsets.UTF_8));
    }

    static void writeNumber(DataOutputStream out, byte type, int n) throws IOException {
        write(out, type, new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
    }

    /** The next frame; null at the end of the stream (the other side closed). */
    /** The next frame, or null when the other side went away, whether cleanly or with the connection broken. */
    static Frame readOrEnd(DataInputStream in) {
        try {
            return read(in);
        } catch (IOException broken) {
            return null;
        }
    }

    static Frame read(DataInputStream in) throws IOException {
        int type = in.read();
        if (type < 0) return null;
        int length = in.readInt();
        if (length < 0 || length > 64 << 20) throw new IOException("bad frame length " + length);
        byte[] body = new byte[length];
        try {
            in.readFully(body);
        } catch (EOFException e) {
            return null;
        }
        return new Frame((byte) type, body);
    }

    static String joinArgs(String[] args) {
        return String.join("\0", args);
    }

    static String[] splitArgs(String joined) {
        return joined.isEmpty() ? new String[0] : joined.split("\0", -1);
    }
}
