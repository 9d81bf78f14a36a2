package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One client connection's loop, on its own thread: read a head, hand the request to the
 * dispatcher, write the answer, and keep the connection for the next request unless either side
 * said close (HTTP/1.0 without keep-alive, Connection: close, or an answer HttpCore closed after:
 * every 400, a malformed body, a refused head). A planned dropped connection closes it unanswered.
 */
final class HttpConnection implements Runnable {
    /** The statuses after which HttpCore always closed the connection (its ResponseConnControl). */
    private static boolean closesAfter(int status) {
        return status == 400
                || status == 408
                || status == 411
                || status == 413
                || status == 414
                || status == 501
                || status == 503;
    }

    /** At most this much is read past before a close (a body over the limit is not read whole). */
    private static final long LINGER_BYTES = 1024 * 1024;

    private final Socket socket;
    private final Dispatcher dispatcher;
    private final RequestHeadReader heads;
    private final RequestBodyReader bodies;
    private final AnswerWriter writer;
    private final Runnable onClose;

    HttpConnection(
            Socket socket,
            Dispatcher dispatcher,
            RequestHeadReader heads,
            RequestBodyReader bodies,
            AnswerWriter writer,
            Runnable onClose) {
        this.socket = socket;
        this.dispatcher = dispatcher;
        this.heads = heads;
        this.bodies = bodies;
        this.writer = writer;
        this.onClose = onClose;
    }

    /** What is left of the connection after an answer. */
    private enum Next {
        /** Read the next request. */
        KEEP,
        /** The answer said close: close once the client's unread bytes are read past. */
        CLOSE,
        /** A planned dropped connection, or the client's own end: close now. */
        DROP
    }

    @Override
    public void run() {
        try (socket) {
            ConnectionInput in = new ConnectionInput(socket.getInputStream());
            AnswerOutput out = new AnswerOutput(socket.getOutputStream());
            Next next;
            do next = serve(in, out);
            while (next == Next.KEEP);
            if (next == Next.CLOSE) closeAfterAnswer();
        } catch (IOException | RuntimeException gone) {
            // the client went away, the read timed out, or the server is closing: nothing to answer
        } finally {
            onClose.run();
        }
    }

    /**
     * Ends the sending side, then reads past what the client still sends (a refused 200 KB line, a
     * body not read) before closing: a socket closed with unread bytes is reset, and a reset can
     * discard the answer before the client reads it. Bounded in bytes and time.
     */
    private void closeAfterAnswer() throws IOException {
        socket.shutdownOutput();
        socket.setSoTimeout(2_000);
        byte[] discard = new byte[8192];
        InputStream in = socket.getInputStream();
        long left = LINGER_BYTES;
        int n;
        while (left > 0 && (n = in.read(discard)) >= 0) left -= n;
    }

    /** Serves one request and says what is left of the connection. */
    private Next serve(ConnectionInput in, AnswerOutput out) throws IOException {
        RequestHead head;
        try {
            head = heads.read(in);
        } catch (HttpFrontError refused) {
            writer.write(out, plainText(refused.status(), refused.getMessage()), true, null, true);
            return Next.CLOSE;
        }
        if (head == null) return Next.DROP;
        String expect = head.first("Expect");
        if (expect != null) {
            if (!expect.equalsIgnoreCase("100-continue")) {
                writer.write(out, new HttpResponse(417, Headers.empty(), new byte[0]), false, null, true);
                // the body was not read: only a connection without one can carry a next request
                return head.bodyLength() == 0 && !head.connectionSays("close") ? Next.KEEP : Next.CLOSE;
            }
            if (head.bodyLength() != 0) AnswerWriter.writeContinue(out);
        }
        HttpResponse answer;
        boolean closeFirst = false;
        try {
            answer = dispatcher.handle(SandboxRequests.toRequest(head, () -> bodies.read(head, in)));
        } catch (DropConnection drop) {
            return Next.DROP;
        } catch (MalformedRequest bad) {
            String accept = head.first("Accept");
            answer = dispatcher.malformed(bad.part(), accept != null && accept.contains("json"));
            // a body not read to its end leaves the stream unusable: answer, then close
            closeFirst = bad.closeConnection();
        } catch (RuntimeException failed) {
            // as HttpCore answered a handler's failure: 500 with its message, not a reset
            String message = failed.getMessage() != null ? failed.getMessage() : failed.toString();
            answer = plainText(500, message);
        }
        String connection = connectionHeader(head, answer.status(), closeFirst);
        writer.write(out, answer, closeFirst, connection, !head.isHead());
        return closeFirst || "close".equals(connection) ? Next.CLOSE : Next.KEEP;
    }

    /** An answer the front makes itself (a refused head, a handler's failure): its status and one line of text. */
    private static HttpResponse plainText(int status, String message) {
        return new HttpResponse(
                status,
                Headers.of("Content-Type", "text/plain; charset=UTF-8"),
                message.getBytes(StandardCharsets.UTF_8));
    }

    /** The Connection header HttpCore added at the end of an answer, or null. */
    private static String connectionHeader(RequestHead head, int status, boolean closedFirst) {
        if (closesAfter(status)) return closedFirst ? null : "close";
        if (closedFirst) return null;
        if (head.connectionSays("close")) return "close";
        if (head.connectionSays("keep-alive")) return "keep-alive";
        return head.http11() ? null : "close";
    }
}
