package io.kecsh.runtime.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.RequestParameters;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A real HTTP server on loopback that answers from a script, one step per request, and records
 * what it received as {@link HttpRequest}s. For the client's retry, idempotency and parsing tests
 * until the sandbox exists; steps can also drop the connection or stall to play transport failures.
 */
public final class ScriptedServer implements AutoCloseable {
    /**
     * A Kingsoft parameter as the client sent it: from the query of a GET, or the form body of a POST
     * (mutating calls travel as forms).
     */
    public static Optional<String> parameter(HttpRequest r, String name) {
        return Optional.ofNullable(RequestParameters.first(RequestParameters.of(r), name));
    }

    /** One scripted answer. */
    public record Step(int status, String contentType, String body, Action action) {
        public enum Action {
            ANSWER,
            DROP_CONNECTION,
            STALL
        }

        public static Step json(int status, String body) {
            return new Step(status, "application/json", body, Action.ANSWER);
        }

        public static Step xml(int status, String body) {
            return new Step(status, "text/xml", body, Action.ANSWER);
        }

        public static Step drop() {
            return new Step(0, null, null, Action.DROP_CONNECTION);
        }

        public static Step stall() {
            return new Step(0, null, null, Action.STALL);
        }
    }

    private final HttpServer server;
    private final Deque<Object> script = new ArrayDeque<>();
    private final List<HttpRequest> received = Collections.synchronizedList(new ArrayList<>());

    public ScriptedServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        // one thread per exchange: a stalled step must not hold up the client's next attempt
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public synchronized ScriptedServer then(Step step) {
        script.add(step);
        return this;
    }

    /** A step computed from the request (e.g. echo a signature check). */
    public synchronized ScriptedServer then(Function<HttpRequest, Step> step) {
        script.add(step);
        return this;
    }

    public List<HttpRequest> received() {
        return List.copyOf(received);
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange exchange) throws IOException {
        HttpRequest request = toRequest(exchange);
        received.add(request);
        Object next;
        synchronized (this) {
            next = script.isEmpty()
                    ? Step.json(500, "{\"Error\":{\"Code\":\"ScriptExhausted\",\"Message\":\"no step left\"}}")
                    : script.poll();
        }
        Step step = next instanceof Step s ? s : ((Function<HttpRequest, Step>) next).apply(request);
        switch (step.action()) {
            case DROP_CONNECTION -> exchange.close();
            case STALL -> {
                try {
                    Thread.sleep(3000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
            }
            case ANSWER -> {
                byte[] body = step.body().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", step.contentType() + "; charset=UTF-8");
                exchange.sendResponseHeaders(step.status(), body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static HttpRequest toRequest(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        List<QueryParam> query = new ArrayList<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                query.add(new QueryParam(
                        decode(eq < 0 ? pair : pair.substring(0, eq)), eq < 0 ? "" : decode(pair.substring(eq + 1))));
            }
        }
        Headers headers = Headers.empty();
        for (Map.Entry<String, List<String>> h : exchange.getRequestHeaders().entrySet()) {
            for (String v : h.getValue()) headers = headers.with(h.getKey(), v);
        }
        byte[] body = exchange.getRequestBody().readAllBytes();
        String host = headers.first("Host").orElse("127.0.0.1");
        return new HttpRequest(
                exchange.getRequestMethod(),
                "http",
                host.contains(":") ? host.substring(0, host.indexOf(':')) : host,
                exchange.getLocalAddress().getPort(),
                uri.getRawPath() == null ? "/" : decode(uri.getRawPath()),
                query,
                headers,
                body);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
