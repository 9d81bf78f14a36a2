package io.kecsh.runtime.sandbox.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** One request's bytes over a fresh loopback socket, and what came back: an answer, a clean close, or a failure. */
final class RawHttp {
    /** status -1: closed without an answer; -2: reset or timed out. */
    record Answer(int status, String head, String body) {
        boolean answered() {
            return status >= 100;
        }
    }

    private RawHttp() {}

    static Answer send(int port, byte[] request, int timeoutMillis) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(timeoutMillis);
            try {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                socket.shutdownOutput(); // an incomplete request then ends: the server must answer or close
            } catch (IOException serverClosedFirst) {
                // it may already have answered and closed (a refused head); read what it sent
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            return new Answer(-2, e.toString(), "");
        }
    }

    static Answer send(int port, String request) {
        return send(port, request.getBytes(StandardCharsets.ISO_8859_1), 10_000);
    }

    private static Answer read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int last4 = 0;
        while ((b = in.read()) != -1) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) break;
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        if (h.isEmpty()) return new Answer(-1, "", "");
        if (!h.matches("(?s)HTTP/1\\.[01] \\d{3} .*\r\n\r\n")) return new Answer(-2, h, "");
        int status = Integer.parseInt(h.substring(9, 12));
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                length = Integer.parseInt(line.substring(15).trim());
        }
        return new Answer(status, h, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
}
