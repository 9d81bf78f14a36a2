package io.kecsh.runtime.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP request as the signers and the transport see it: decoded query parameters in order,
 * headers, and the body bytes. Immutable; the {@code with…} methods return copies.
 *
 * @param path the decoded absolute path ("/" for the query APIs)
 */
public record HttpRequest(
        String method,
        String scheme,
        String host,
        int port,
        String path,
        List<QueryParam> query,
        Headers headers,
        byte[] body) {

    public HttpRequest {
        query = List.copyOf(query);
        body = body == null ? new byte[0] : body.clone();
    }

    public static HttpRequest get(String scheme, String host, int port, String path) {
        return new HttpRequest("GET", scheme, host, port, path, List.of(), Headers.empty(), new byte[0]);
    }

    public HttpRequest withQueryParam(String name, String value) {
        List<QueryParam> copy = new ArrayList<>(query);
        copy.add(new QueryParam(name, value));
        return new HttpRequest(method, scheme, host, port, path, copy, headers, body);
    }

    public HttpRequest withQuery(List<QueryParam> newQuery) {
        return new HttpRequest(method, scheme, host, port, path, newQuery, headers, body);
    }

    public HttpRequest withHeaders(Headers newHeaders) {
        return new HttpRequest(method, scheme, host, port, path, query, newHeaders, body);
    }

    public HttpRequest withHeader(String name, String value) {
        return withHeaders(headers.replacing(name, value));
    }

    public HttpRequest withBody(String method, byte[] newBody) {
        return new HttpRequest(method, scheme, host, port, path, query, headers, newBody);
    }

    public Optional<String> queryValue(String name) {
        for (QueryParam q : query)
            if (q.name().equals(name)) return Optional.of(q.value()); // a loop: looked up often per request
        return Optional.empty();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The Host header value: the host, with the port when it is not the scheme's default. */
    public String hostHeader() {
        boolean defaultPort =
                port < 0 || ("https".equals(scheme) && port == 443) || ("http".equals(scheme) && port == 80);
        return defaultPort ? host : host + ":" + port;
    }

    /** Never prints the body or header values: they may hold signatures and secrets. */
    @Override
    public String toString() {
        return method + " " + scheme + "://" + hostHeader() + path + " (" + query.size() + " query parameters, "
                + headers.entries().size() + " headers, " + body.length + " body bytes)";
    }
}
