package io.kecsh.runtime.sandbox.server;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * One answer's bytes, head and body, gathered so that the socket gets one write: a 58 KB page
 * written through an 8 KB buffer took several system calls, and the head alone one more. The
 * buffer is the connection's, kept between answers unless an unusually large one grew it.
 */
final class AnswerOutput extends OutputStream {
    private static final int KEPT = 256 * 1024;
    private final OutputStream socket;
    private byte[] buffer = new byte[16 * 1024];
    private int count;

    AnswerOutput(OutputStream socket) {
        this.socket = socket;
    }

    @Override
    public void write(int b) {
        room(1);
        buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int offset, int length) {
        room(length);
        System.arraycopy(b, offset, buffer, count, length);
        count += length;
    }

    /** ASCII text (status lines, header names and values the sandbox writes) without an encoder. */
    void writeAscii(String s) {
        int length = s.length();
        room(length);
        for (int i = 0; i < length; i++) buffer[count + i] = (byte) s.charAt(i);
        count += length;
    }

    @Override
    public void write(byte[] b) {
        write(b, 0, b.length);
    }

    /** Sends what was gathered in one write. */
    @Override
    public void flush() throws IOException {
        if (count == 0) return;
        socket.write(buffer, 0, count);
        socket.flush();
        count = 0;
        if (buffer.length > KEPT) buffer = new byte[16 * 1024];
    }

    private void room(int length) {
        if (count + length > buffer.length) buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + length));
    }
}
