package io.kecsh.runtime.sandbox.server;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads a request's body as its head frames it (a Content-Length, or chunks), up to a limit. A body
 * that is cut short, a chunk size that is not hex, or one over the limit is a malformed request
 * whose answer closes the connection: the stream no longer says where the next request starts.
 */
final class RequestBodyReader {
    private static final byte[] NONE = new byte[0];
    private final int maxBody;
    private final int maxLine;

    RequestBodyReader(int maxBody, int maxLine) {
        this.maxBody = maxBody;
        this.maxLine = maxLine;
    }

    /** The whole body; a body of {@code maxBody} bytes or more is refused, as before. */
    byte[] read(RequestHead head, ConnectionInput in) throws IOException {
        long length = head.bodyLength();
        if (length == 0) return NONE;
        if (length == RequestHead.CHUNKED) return chunked(in);
        if (length >= maxBody) throw bodyMalformed();
        byte[] body = new byte[(int) length];
        readFully(in, body, 0, body.length);
        return body;
    }

    private byte[] chunked(ConnectionInput in) throws IOException {
        byte[] body = new byte[256];
        int size = 0;
        while (true) {
            long chunk = chunkSize(line(in));
            if (chunk == 0) break;
            if (size + chunk >= maxBody) throw bodyMalformed();
            if (size + chunk > body.length) body = Arrays.copyOf(body, Math.max(body.length * 2, size + (int) chunk));
            readFully(in, body, size, (int) chunk);
            size += (int) chunk;
            if (!line(in).isEmpty()) throw bodyMalformed(); // the CR LF that ends a chunk's data
        }
        // trailer fields are read past and not kept: nothing the sandbox answers depends on them
        String trailer;
        do trailer = line(in);
        while (!trailer.isEmpty());
        return size == body.length ? body : Arrays.copyOf(body, size);
    }

    /** A chunk-size line: hex digits, then any ";extension" (ignored). */
    private static long chunkSize(String line) {
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        if (hex.isEmpty() || hex.length() > 8) throw bodyMalformed();
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) throw bodyMalformed();
        }
        return Long.parseLong(hex, 16);
    }

    private String line(ConnectionInput in) throws IOException {
        try {
            String line = in.readLine(maxLine);
            if (line == null) throw bodyMalformed();
            return line;
        } catch (HttpFrontError tooLong) {
            throw bodyMalformed();
        }
    }

    private static void readFully(ConnectionInput in, byte[] into, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, offset + done, length - done);
            if (n < 0) throw bodyMalformed(); // cut short
            done += n;
        }
    }

    private static MalformedRequest bodyMalformed() {
        return new MalformedRequest("(request body)", true);
    }
}
