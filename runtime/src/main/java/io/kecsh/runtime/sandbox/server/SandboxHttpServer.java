package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.auth.Rfc3986;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.impl.routing.RequestRouter;
import org.apache.hc.core5.http.io.HttpRequestHandler;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HttpCore 5's classic server on loopback, serving every modelled API on one port: any Host is
 * accepted (clients keep their real host names only when a proxy or DNS points them here; with an
 * endpoint override they send 127.0.0.1), and routing is the dispatcher's job.
 */
public final class SandboxHttpServer implements AutoCloseable {
    private final HttpServer server;

    public SandboxHttpServer(int port, Dispatcher dispatcher) {
        HttpRequestHandler handler = (request, response, context) -> {
            HttpResponse answer;
            try {
                answer = dispatcher.handle(toRequest(request));
            } catch (DropConnection drop) {
                throw new ConnectionClosedException("planned dropped connection");
            }
            response.setCode(answer.status());
            for (Map.Entry<String, String> h : answer.headers().entries()) {
                if (!h.getKey().equalsIgnoreCase("Content-Type")) response.addHeader(h.getKey(), h.getValue());
            }
            response.setEntity(new ByteArrayEntity(answer.body(), ContentType.parse(answer.contentType())));
        };
        this.server = ServerBootstrap.bootstrap()
            .setLocalAddress(InetAddress.getLoopbackAddress())
            .setListenerPort(port)
            .setSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofMinutes(2)).build())
            .setRequestRouter(RequestRouter.<HttpRequestHandler>builder()
                .addRoute(RequestRouter.LOCAL_AUTHORITY, "*", handler)
                .resolveAuthority(RequestRouter.LOCAL_AUTHORITY_RESOLVER)
                .build())
            .create();
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
        URI uri;
        try {
            uri = request.getUri();
        } catch (java.net.URISyntaxException e) {
            throw new IOException("bad request URI", e);
        }
        List<QueryParam> query = new ArrayList<>();
        String raw = uri.getRawQuery();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                if (pair.isEmpty()) continue;
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                query.add(new QueryParam(Rfc3986.decode(name.replace("+", "%20")), Rfc3986.decode(value.replace("+", "%20"))));
            }
        }
        Headers headers = Headers.empty();
        for (Header h : request.getHeaders()) headers = headers.with(h.getName(), h.getValue());
        HttpEntity entity = request.getEntity();
        byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
        String host = headers.first("Host").orElse("127.0.0.1");
        int colon = host.lastIndexOf(':');
        String hostName = colon > 0 && !host.endsWith("]") ? host.substring(0, colon) : host;
        int port = colon > 0 && !host.endsWith("]") ? Integer.parseInt(host.substring(colon + 1)) : -1;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : Rfc3986.decode(uri.getRawPath());
        return new HttpRequest(request.getMethod(), "http", hostName, port, path, query, headers, body);
    }

    @Override
    public void close() {
        server.close(CloseMode.GRACEFUL);
    }
}
