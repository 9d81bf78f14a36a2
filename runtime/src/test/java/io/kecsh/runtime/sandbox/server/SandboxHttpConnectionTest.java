package io.kecsh.runtime.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.sandbox.SandboxFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What the sandbox's HTTP front keeps of a connection, over a raw socket: several requests on one
 * keep-alive connection, HTTP/1.0 and Connection: close ending it after the answer, the interim
 * 100 Continue before a body, a chunked body with an extension and a trailer. These held with
 * HttpCore's server and must hold with the hand-written one. An unsigned request that names
 * DescribeRegions in its body is answered 403 MissingAuthenticationToken: the body was read (a
 * request without an action is 404 instead).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxHttpConnectionTest {
    private static final String DESCRIBE =
            "GET /?Action=DescribeRegions&Version=2016-03-04 HTTP/1.1\r\n" + "Host: 127.0.0.1\r\n\r\n";
    private static final String FORM = "Action=DescribeRegions&Version=2016-03-04";
    private SandboxFixture f;

    @BeforeAll
    void start() {
        f = new SandboxFixture();
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void keepAliveConnection_answersEveryRequestInTurn_andStaysOpen() throws IOException {
        String post = "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: " + FORM.length() + "\r\n\r\n" + FORM;
        try (Socket socket = connect()) {
            send(socket, DESCRIBE + post + DESCRIBE);
            List<Answer> answers = List.of(read(socket), read(socket), read(socket));
            for (Answer a : answers) {
                assertEquals(403, a.status(), a.head());
                assertTrue(a.body().contains("MissingAuthenticationToken"), a.body());
                assertTrue(!a.head().toLowerCase(Locale.ROOT).contains("connection: close"), a.head());
            }
            send(socket, DESCRIBE); // still open after three
            assertEquals(403, read(socket).status());
        }
    }

    @Test
    void http10WithoutKeepAlive_andConnectionClose_areAnsweredThenClosed() throws IOException {
        for (String request : List.of(
                "GET /?Action=DescribeRegions&Version=2016-03-04 HTTP/1.0\r\n\r\n",
                DESCRIBE.replace("\r\n\r\n", "\r\nConnection: close\r\n\r\n"))) {
            try (Socket socket = connect()) {
                send(socket, request);
                Answer answer = read(socket);
                assertEquals(403, answer.status(), answer.head());
                assertTrue(answer.head().contains("\r\nConnection: close\r\n"), answer.head());
                assertEquals(-1, socket.getInputStream().read(), "closed after the answer");
            }
        }
    }

    @Test
    void expectContinue_getsTheInterim100BeforeTheBodyIsSent() throws IOException {
        try (Socket socket = connect()) {
            send(
                    socket,
                    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nExpect: 100-continue\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + FORM.length()
                            + "\r\n\r\n");
            assertEquals(100, read(socket).status());
            send(socket, FORM);
            Answer answer = read(socket);
            assertEquals(403, answer.status(), answer.head());
            assertTrue(answer.body().contains("MissingAuthenticationToken"), answer.body());
        }
    }

    @Test
    void chunkedBody_withAnExtensionAndATrailer_isRead() throws IOException {
        try (Socket socket = connect()) {
            send(
                    socket,
                    "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\n\r\n"
                            + "16;name=value\r\nAction=DescribeRegions\r\n"
                            + Integer.toHexString(FORM.length() - 22) + "\r\n" + FORM.substring(22) + "\r\n"
                            + "0\r\nX-Trailer: ignored\r\n\r\n" + DESCRIBE);
            Answer chunked = read(socket);
            assertEquals(403, chunked.status(), chunked.head() + chunked.body());
            assertEquals(403, read(socket).status(), "the next request on the connection");
        }
    }

    private record Answer(int status, String head, String body) {}

    private Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", f.sandbox.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One answer: its head to the empty line, then Content-Length bytes of body (none for a 1xx). */
    private static Answer read(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int last4 = 0;
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            last4 = (last4 << 8) | b;
            if (last4 == 0x0D0A0D0A) break;
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        assertTrue(h.startsWith("HTTP/1.1 ") && h.endsWith("\r\n\r\n"), "an answer's head: " + h);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                length = Integer.parseInt(line.substring(15).trim());
        }
        return new Answer(
                Integer.parseInt(h.substring(9, 12)), h, new String(in.readNBytes(length), StandardCharsets.UTF_8));
    }
}
