package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.HttpResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hc.core5.http.impl.EnglishReasonPhraseCatalog;

/**
 * Writes an answer as HTTP/1.1 in the order HttpCore wrote it (the handler's headers, Date,
 * Content-Length, Content-Type, then Connection), so that clients and tests see the same answers.
 * The Date line is made once a second, not for every answer.
 */
final class AnswerWriter {
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
            .withZone(ZoneOffset.UTC);
    /** Status lines of the statuses the sandbox answers, made once ("HTTP/1.1 200 OK\r\n"). */
    private static final byte[][] STATUS_LINES = new byte[600][];

    private volatile DateLine date = new DateLine(0, new byte[0]);

    /**
     * "Content-Type: …" lines as bytes, by value: every answer has one of the sandbox's few types
     * (the writer's constant strings, whose hash is kept). Bounded, since a value could come from anywhere.
     */
    private final Map<String, byte[]> contentTypeLines = new ConcurrentHashMap<>();

    private record DateLine(long second, byte[] line) {}

    /**
     * @param closeFirst the handler asked for the connection to close (a body not read to its end):
     *     its Connection header comes first, where the handler's headers go
     * @param connection the Connection header's value at the end ("close", "keep-alive"), or null for none
     * @param withBody false for HEAD, whose answer has the length but not the body
     */
    void write(AnswerOutput out, HttpResponse answer, boolean closeFirst, String connection, boolean withBody)
            throws IOException {
        out.write(statusLine(answer.status()));
        if (closeFirst) out.writeAscii("Connection: close\r\n");
        String contentType = null;
        for (Map.Entry<String, String> h : answer.headers().entries()) {
            if (h.getKey().equalsIgnoreCase("Content-Type")) {
                if (contentType == null) contentType = h.getValue();
                continue;
            }
            header(out, h.getKey(), h.getValue());
        }
        out.write(dateLine());
        out.writeAscii("Content-Length: ");
        out.writeAscii(Integer.toString(answer.bodyLength()));
        out.writeAscii("\r\n");
        if (contentType != null) contentType(out, contentType);
        if (connection != null) header(out, "Connection", connection);
        out.writeAscii("\r\n");
        if (withBody) answer.writeBodyTo(out);
        out.flush();
    }

    /** The interim answer to Expect: 100-continue, before the body is read. */
    static void writeContinue(AnswerOutput out) throws IOException {
        out.writeAscii("HTTP/1.1 100 Continue\r\n\r\n");
        out.flush();
    }

    private void contentType(AnswerOutput out, String value) {
        byte[] line = contentTypeLines.get(value);
        if (line == null) {
            if (contentTypeLines.size() >= 16 || !isAscii(value)) {
                header(out, "Content-Type", value);
                return;
            }
            line = ("Content-Type: " + value + "\r\n").getBytes(StandardCharsets.US_ASCII);
            contentTypeLines.put(value, line);
        }
        out.write(line);
    }

    private static void header(AnswerOutput out, String name, String value) {
        out.writeAscii(name);
        out.writeAscii(": ");
        // values are the sandbox's own (content types, Allow): ASCII; anything else is encoded, not truncated
        if (isAscii(value)) out.writeAscii(value);
        else {
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length);
        }
        out.writeAscii("\r\n");
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) return false;
        }
        return true;
    }

    private static byte[] statusLine(int status) {
        if (status < 100 || status >= STATUS_LINES.length)
            return ("HTTP/1.1 " + status + " \r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] line = STATUS_LINES[status];
        if (line == null) {
            String reason = EnglishReasonPhraseCatalog.INSTANCE.getReason(status, Locale.ROOT);
            line = ("HTTP/1.1 " + status + " " + (reason == null ? "" : reason) + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            STATUS_LINES[status] = line; // a benign race: every thread makes the same line
        }
        return line;
    }

    private byte[] dateLine() {
        long second = System.currentTimeMillis() / 1000;
        DateLine current = date;
        if (current.second() != second) {
            String text = "Date: " + HTTP_DATE.format(Instant.ofEpochSecond(second)) + "\r\n";
            current = new DateLine(second, text.getBytes(StandardCharsets.US_ASCII));
            date = current;
        }
        return current.line();
    }
}
