package io.kecsh.runtime.sandbox.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A connection's bytes, buffered: lines for the head and the chunk sizes, raw bytes for bodies.
 * One buffer per connection, read straight from the socket (no stream wrappers per request).
 */
final class ConnectionInput {
    private final InputStream in;
    private byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    ConnectionInput(InputStream in) {
        this.in = in;
    }

    /**
     * The next line without its line end (CR LF, or a lone LF as HttpCore took it), decoded as
     * ISO-8859-1 so that every byte stays one char and the strict URI reader can refuse what is
     * not ASCII; what is left when the stream ends is the last line; null when it ends first.
     *
     * @throws HttpFrontError 431 when the line is {@code maxLength} bytes or longer
     */
    String readLine(int maxLength) throws IOException, HttpFrontError {
        int scanned = position;
        while (true) {
            for (int i = scanned; i < limit; i++) {
                if (buffer[i] == '\n') {
                    int end = i > position && buffer[i - 1] == '\r' ? i - 1 : i;
                    if (i - position >= maxLength) throw lineTooLong();
                    String line = new String(buffer, position, end - position, StandardCharsets.ISO_8859_1);
                    position = i + 1;
                    return line;
                }
            }
            if (limit - position >= maxLength) throw lineTooLong();
            scanned = limit - position;
            if (!fill()) {
                if (limit == position) return null;
                String last = new String(buffer, position, limit - position, StandardCharsets.ISO_8859_1);
                position = limit;
                return last;
            }
            scanned += position;
        }
    }

    /** Reads up to {@code length} body bytes; -1 at the end of the stream. */
    int read(byte[] into, int offset, int length) throws IOException {
        if (position < limit) {
            int n = Math.min(length, limit - position);
            System.arraycopy(buffer, position, into, offset, n);
            position += n;
            return n;
        }
        return in.read(into, offset, length);
    }

    /** Moves what is unread to the front (growing the buffer when it is full) and reads more; false at the end. */
    private boolean fill() throws IOException {
        if (position > 0) {
            System.arraycopy(buffer, position, buffer, 0, limit - position);
            limit -= position;
            position = 0;
        }
        if (limit == buffer.length) buffer = Arrays.copyOf(buffer, buffer.length * 2);
        int n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) return false;
        limit += n;
        return true;
    }

    private static HttpFrontError lineTooLong() {
        return new HttpFrontError(431, "Maximum line length limit exceeded");
    }
}
