package io.kecsh.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.TransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.junit.jupiter.api.Test;

/** The transport over real loopback sockets: answers, refusals and silence are told apart. */
class ApacheTransportTest {
    private static final TransportSettings FAST = TransportSettings.defaults()
            .withConnectTimeout(Duration.ofSeconds(2))
            .withResponseTimeout(Duration.ofMillis(500));

    @Test
    void aRefusedConnection_neverReachedTheService() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (ApacheTransport transport = new ApacheTransport(FAST)) {
            TransportException e = assertThrows(
                    TransportException.class, () -> transport.execute(HttpRequest.get("http", "127.0.0.1", port, "/")));
            assertFalse(e.mayHaveBeenProcessed(), e.getMessage());
            assertTrue(e.getMessage().contains("cannot connect to http://127.0.0.1:" + port), e.getMessage());
        }
    }

    @Test
    void aServerThatReadsTheRequestButNeverAnswers_mayHaveProcessedIt() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ApacheTransport transport = new ApacheTransport(FAST)) {
            Thread silent = new Thread(() -> {
                try (Socket s = server.accept();
                        InputStream in = s.getInputStream()) {
                    in.read(new byte[4096]);
                    Thread.sleep(3000);
                } catch (IOException | InterruptedException ignored) {
                    // the test is over
                }
            });
            silent.setDaemon(true);
            silent.start();
            TransportException e = assertThrows(
                    TransportException.class,
                    () -> transport.execute(HttpRequest.get("http", "127.0.0.1", server.getLocalPort(), "/")));
            assertTrue(e.mayHaveBeenProcessed(), e.getMessage());
            assertTrue(e.about("RunInstances", true, 1).getMessage().contains("may or may not have taken effect"));
        }
    }

    @Test
    void theQueryIsSentPercentEncoded_andTheAnswerIsReadWhole() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                ApacheTransport transport = new ApacheTransport(FAST)) {
            StringBuilder requestLine = new StringBuilder();
            Thread answer = new Thread(() -> {
                try (Socket s = server.accept()) {
                    byte[] buf = new byte[8192];
                    int n = s.getInputStream().read(buf);
                    String head = new String(buf, 0, n, StandardCharsets.UTF_8);
                    requestLine.append(head, 0, head.indexOf("\r\n"));
                    s.getOutputStream()
                            .write(("HTTP/1.1 409 Conflict\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
                                            + "Connection: close\r\n\r\n{}")
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // reported by the assertion below
                }
            });
            answer.start();
            HttpResponse response = transport.execute(HttpRequest.get("http", "127.0.0.1", server.getLocalPort(), "/")
                    .withQueryParam("AutoDeleteTime", "2019-09-17 18:00")
                    .withQueryParam("Name", "主机*1"));
            answer.join();
            assertEquals(409, response.status());
            assertEquals("{}", response.bodyText());
            assertEquals(
                    "GET /?AutoDeleteTime=2019-09-17%2018%3A00&Name=%E4%B8%BB%E6%9C%BA%2A1 HTTP/1.1",
                    requestLine.toString());
        }
    }

    /** Making the TLS strategy reads the trust store (≈ 0.1 s of a cold start): only an https connection pays it. */
    @Test
    void tlsIsSetUpByTheFirstHttpsConnection_neverForHttp() throws Exception {
        AtomicInteger made = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
                ApacheTransport transport = new ApacheTransport(FAST, () -> {
                    made.incrementAndGet();
                    return DefaultClientTlsStrategy.createDefault();
                })) {
            Thread answer = new Thread(() -> {
                for (int i = 0; i < 2; i++) {
                    try (Socket s = server.accept()) {
                        s.getInputStream().read(new byte[8192]);
                        s.getOutputStream()
                                .write(("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
                                        .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException ignored) {
                        // the https attempt fails its handshake: what the test expects
                    }
                }
            });
            answer.setDaemon(true);
            answer.start();

            assertEquals(
                    200,
                    transport
                            .execute(HttpRequest.get("http", "127.0.0.1", server.getLocalPort(), "/"))
                            .status());
            assertEquals(0, made.get(), "an http call set TLS up");

            assertThrows(
                    TransportException.class,
                    () -> transport.execute(HttpRequest.get("https", "127.0.0.1", server.getLocalPort(), "/")));
            assertEquals(1, made.get(), "the https call did not use the strategy");
        }
    }
}
