package io.kecsh.runtime.http;

import io.kecsh.runtime.error.TransportException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import javax.net.ssl.SSLHandshakeException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.support.ClassicRequestBuilder;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * Apache HttpClient 5: one pooled client for the life of a runtime client, shared by every thread.
 * Its own retries and redirects are off — retrying is decided by kecsh's policy, which knows which
 * calls are safe to repeat — and proxies come from the JVM's system properties
 * ({@code https.proxyHost}, {@code http.nonProxyHosts} …) as JVM programs usually do.
 */
public final class ApacheTransport implements Transport {
    private final CloseableHttpClient client;

    public ApacheTransport(TransportSettings settings) {
        this(settings, DefaultClientTlsStrategy::createDefault);
    }

    /** With the TLS strategy made, on the first https connection, by {@code tls} (a test counts it). */
    ApacheTransport(TransportSettings settings, Supplier<TlsSocketStrategy> tls) {
        PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(new LazyTls(tls))
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                        .setSocketTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(settings.responseTimeout()))
                        .setConnectionRequestTimeout(Timeout.of(settings.responseTimeout()))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .useSystemProperties()
                .build();
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        ClassicHttpRequest http = toApache(request);
        try {
            return client.execute(http, response -> {
                Headers headers = Headers.empty();
                for (Header h : response.getHeaders()) headers = headers.with(h.getName(), h.getValue());
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
                return new HttpResponse(response.getCode(), headers, body);
            });
        } catch (IOException e) {
            throw classify(request, e);
        }
    }

    static URI uri(HttpRequest request) {
        StringBuilder url = new StringBuilder(request.scheme()).append("://").append(request.host());
        if (request.port() > 0) url.append(':').append(request.port());
        url.append(request.path().isEmpty() ? "/" : Rfc3986.encodePath(request.path()));
        String sep = "?";
        for (QueryParam q : request.query()) {
            url.append(sep).append(Rfc3986.encode(q.name())).append('=').append(Rfc3986.encode(q.value()));
            sep = "&";
        }
        return URI.create(url.toString());
    }

    private static ClassicHttpRequest toApache(HttpRequest request) {
        ClassicRequestBuilder builder =
                ClassicRequestBuilder.create(request.method()).setUri(uri(request));
        for (var h : request.headers().entries()) {
            if (!h.getKey().equalsIgnoreCase("Content-Length")) builder.addHeader(h.getKey(), h.getValue());
        }
        byte[] body = request.body();
        if (body.length > 0 || !"GET".equals(request.method())) {
            String type = request.headers().first("Content-Type").orElse("application/octet-stream");
            builder.setEntity(new ByteArrayEntity(body, ContentType.parse(type)));
        }
        return builder.build();
    }

    /** Whether the request can have reached the service decides what may safely be retried. */
    static TransportException classify(HttpRequest request, IOException e) {
        String where = request.scheme() + "://" + request.hostHeader();
        if (e instanceof UnknownHostException) {
            return new TransportException("cannot resolve host " + request.host(), false, e);
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return new TransportException(
                    "cannot connect to " + where + " (" + e.getClass().getSimpleName() + ")", false, e);
        }
        if (e instanceof ConnectTimeoutException) {
            return new TransportException("timed out connecting to " + where, false, e);
        }
        if (e instanceof SSLHandshakeException) {
            return new TransportException("TLS handshake with " + where + " failed: " + e.getMessage(), false, e);
        }
        if (e instanceof SocketTimeoutException) {
            return new TransportException("no response from " + where + " in time", true, e);
        }
        return new TransportException(
                "connection to " + where + " failed (" + e.getClass().getSimpleName() + ")", true, e);
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
    }
}
