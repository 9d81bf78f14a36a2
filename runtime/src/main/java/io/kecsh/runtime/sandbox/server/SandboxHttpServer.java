package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.MalformedText;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.StrictFormText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.impl.routing.RequestRouter;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpCore 5's classic server on loopback, serving every modelled API on one port: any Host is
 * accepted (clients keep their real host names only when a proxy or DNS points them here; with an
 * endpoint override they send 127.0.0.1), and routing is the dispatcher's job.
 */
public final class SandboxHttpServer implements AutoCloseable {
    /** Request line and header line limit (a signed query of every parameter fits many times over). */
    static final int MAX_LINE = 64 * 1024;

    static final int MAX_HEADERS = 200;
    /** A form body larger than this is refused rather than held in memory. */
    static final int MAX_BODY = 8 * 1024 * 1024;

    private final HttpServer server;
    /** The few Content-Types answered (JSON, XML), each parsed once rather than on every answer. */
    private final Map<String, ContentType> contentTypes = new ConcurrentHashMap<>();

    public SandboxHttpServer(int port, Dispatcher dispatcher) {
        HttpRequestHandler handler = (request, response, context) -> {
            HttpResponse answer;
            try {
                answer = dispatcher.handle(toRequest(request));
            } catch (DropConnection drop) {
                throw new ConnectionClosedException("planned dropped connection");
            } catch (MalformedRequest bad) {
                Header accept = request.getFirstHeader("Accept");
                answer = dispatcher.malformed(
                        bad.part(), accept != null && accept.getValue().contains("json"));
                // a body not read to its end leaves the stream unusable: answer, then close
                if (bad.closeConnection()) response.setHeader("Connection", "close");
            }
            response.setCode(answer.status());
            for (Map.Entry<String, String> h : answer.headers().entries()) {
                if (!h.getKey().equalsIgnoreCase("Content-Type")) response.addHeader(h.getKey(), h.getValue());
            }
            response.setEntity(new AnswerEntity(answer, contentType(answer.contentType())));
        };
        this.server = ServerBootstrap.bootstrap()
                .setLocalAddress(InetAddress.getLoopbackAddress())
                .setListenerPort(port)
                .setSocketConfig(
                        SocketConfig.custom().setSoTimeout(Timeout.ofMinutes(2)).build())
                // bounds on what one request may make the server hold: a longer line or more headers is refused
                .setHttp1Config(Http1Config.custom()
                        .setMaxLineLength(MAX_LINE)
                        .setMaxHeaderCount(MAX_HEADERS)
                        .build())
                .setRequestRouter(RequestRouter.<HttpRequestHandler>builder()
                        .addRoute(RequestRouter.LOCAL_AUTHORITY, "*", handler)
                        .resolveAuthority(RequestRouter.LOCAL_AUTHORITY_RESOLVER)
                        .build())
                .create();
    }

    private ContentType contentType(String value) {
        ContentType known = contentTypes.get(value);
        if (known != null) return known;
        ContentType parsed = ContentType.parse(value);
        if (contentTypes.size() < 16) contentTypes.put(value, parsed);
        return parsed;
    }

    public SandboxHttpServer start() {
        try {
            server.start();
        } catch (IOException e) {
            throw new IllegalStateException("the sandbox cannot listen on loopback: " + e.getMessage(), e);
        }
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    static HttpRequest toRequest(ClassicHttpRequest request) throws IOException {
        // the request target as sent (origin form "/path?query"; an absolute URI keeps its path and query)
        String target = request.getRequestUri();
        if (target == null || target.isEmpty()) throw new MalformedRequest("(request URI)", false);
        int scheme = target.indexOf("://");
        if (scheme > 0 && target.charAt(0) != '/') {
            int slash = target.indexOf('/', scheme + 3);
            int question = target.indexOf('?', scheme + 3);
            int start = slash < 0 ? question : question < 0 ? slash : Math.min(slash, question);
            target = start < 0 ? "/" : target.substring(start);
        }
        int question = target.indexOf('?');
        String rawPath = question < 0 ? target : target.substring(0, question);
        String rawQuery = question < 0 ? null : target.substring(question + 1);
        int fragment = rawQuery == null ? -1 : rawQuery.indexOf('#');
        if (fragment >= 0) rawQuery = rawQuery.substring(0, fragment);
        String queryText = rawQuery;
        List<QueryParam> query = strictly(() -> StrictFormText.pairs(queryText));
        Header[] received = request.getHeaders();
        List<Map.Entry<String, String>> entries = new ArrayList<>(received.length);
        for (Header h : received) entries.add(Map.entry(h.getName(), h.getValue()));
        Headers headers = Headers.of(entries);
        HttpEntity entity = request.getEntity();
        byte[] body;
        try {
            if (entity != null && entity.getContentLength() > MAX_BODY)
                throw new MalformedRequest("(request body)", true);
            body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity, MAX_BODY);
            if (body.length >= MAX_BODY) throw new MalformedRequest("(request body)", true);
        } catch (IOException e) {
            throw new MalformedRequest("(request body)", true); // a chunk size that is not hex, a body cut short
        }
        String host = headers.first("Host").orElse("127.0.0.1");
        int colon = host.lastIndexOf(':');
        String hostName = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        int port = -1;
        if (colon > 0 && !host.endsWith("]")) {
            try {
                port = Integer.parseInt(host.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new MalformedRequest("(Host header)", false);
            }
        }
        String path = rawPath.isEmpty() || rawPath.charAt(0) != '/'
                ? "/"
                : strictly(() -> StrictFormText.decode(rawPath, "(request URI)"));
        return new HttpRequest(request.getMethod(), "http", hostName, port, path, query, headers, body);
    }

    /** An answer's body as HttpCore writes it: straight from the response, without a copy of it first. */
    private static final class AnswerEntity extends AbstractHttpEntity {
        private final HttpResponse answer;

        AnswerEntity(HttpResponse answer, ContentType contentType) {
            super(contentType, null);
            this.answer = answer;
        }

        @Override
        public long getContentLength() {
            return answer.bodyLength();
        }

        @Override
        public InputStream getContent() {
            return new ByteArrayInputStream(answer.body());
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            answer.writeBodyTo(out);
            out.flush(); // as HttpCore's ByteArrayEntity does
        }

        @Override
        public boolean isRepeatable() {
            return true;
        }

        @Override
        public boolean isStreaming() {
            return false;
        }

        @Override
        public void close() {}
    }

    /** Text that does not read strictly is answered as a malformed request naming the part. */
    private static <T> T strictly(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (MalformedText bad) {
            throw new MalformedRequest(bad.part(), false);
        }
    }

    @Override
    public void close() {
        server.close(CloseMode.GRACEFUL);
    }
}
