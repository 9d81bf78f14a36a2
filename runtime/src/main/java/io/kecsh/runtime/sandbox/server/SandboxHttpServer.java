package io.kecsh.runtime.sandbox.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sandbox's HTTP/1.1 server on loopback, serving every modelled API on one port: any Host is
 * accepted (clients keep their real host names only when a proxy or DNS points them here; with an
 * endpoint override they send 127.0.0.1), and routing is the dispatcher's job.
 *
 * <p>Written on plain sockets, one thread per connection, rather than HttpCore 5's classic server:
 * its request parsing, entity and stream wrappers, router and response formatting were about a
 * sixth of the sandbox's CPU per request (bench/README.md, "The HTTP front by hand"). The parts:
 * {@link RequestHeadReader} (line and headers, within the limits below), {@link RequestBodyReader}
 * (Content-Length and chunked bodies), {@link SandboxRequests} (the dispatcher's request),
 * {@link AnswerWriter} (status line, headers, body) and {@link HttpConnection} (the keep-alive loop).
 */
public final class SandboxHttpServer implements AutoCloseable {
    /** Request line and header line limit (a signed query of every parameter fits many times over). */
    static final int MAX_LINE = 64 * 1024;

    static final int MAX_HEADERS = 200;
    /** A form body larger than this is refused rather than held in memory. */
    static final int MAX_BODY = 8 * 1024 * 1024;
    /** A connection idle this long between or within requests is closed (HttpCore's socket timeout here). */
    private static final int READ_TIMEOUT_MILLIS = 2 * 60 * 1000;

    private final int requestedPort;
    private final Dispatcher dispatcher;
    private final RequestHeadReader heads = new RequestHeadReader(MAX_LINE, MAX_HEADERS);
    private final RequestBodyReader bodies = new RequestBodyReader(MAX_BODY, MAX_LINE);
    private final AnswerWriter writer = new AnswerWriter();
    /** Open connections, closed with the server so that no thread waits out its read timeout. */
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();

    private final ExecutorService workers = Executors.newCachedThreadPool(threads("sandbox-http-"));
    private volatile ServerSocket listener;
    private volatile boolean closed;

    public SandboxHttpServer(int port, Dispatcher dispatcher) {
        this.requestedPort = port;
        this.dispatcher = dispatcher;
    }

    public SandboxHttpServer start() {
        try {
            ServerSocket socket = new ServerSocket();
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), requestedPort));
            listener = socket;
        } catch (IOException e) {
            workers.shutdown();
            throw new IllegalStateException("the sandbox cannot listen on loopback: " + e.getMessage(), e);
        }
        Thread accepting = threads("sandbox-http-listener-").newThread(this::accept);
        accepting.start();
        return this;
    }

    private void accept() {
        ServerSocket socket = listener;
        while (!closed) {
            Socket connection;
            try {
                connection = socket.accept();
            } catch (IOException e) {
                if (closed || socket.isClosed()) return;
                continue; // one failed accept (the client gave up) does not stop the server
            }
            try {
                connection.setTcpNoDelay(true); // an answer is one write: send it now
                connection.setSoTimeout(READ_TIMEOUT_MILLIS);
                connections.add(connection);
                if (closed) throw new IOException("closing");
                workers.execute(new HttpConnection(
                        connection, dispatcher, heads, bodies, writer, () -> connections.remove(connection)));
            } catch (IOException | java.util.concurrent.RejectedExecutionException e) {
                connections.remove(connection);
                closeQuietly(connection);
            }
        }
    }

    public int port() {
        ServerSocket socket = listener;
        return socket == null ? -1 : socket.getLocalPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Stops listening, ends every connection (a request under way loses its answer) and waits for the threads. */
    @Override
    public void close() {
        closed = true;
        ServerSocket socket = listener;
        if (socket != null) closeQuietly(socket);
        for (Socket connection : connections) closeQuietly(connection);
        workers.shutdown();
        try {
            workers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing: nothing left to tell
        }
    }

    /** Daemon threads: a sandbox left open in a test or the shell never keeps the JVM alive. */
    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
