package io.kecsh.runtime.sandbox.server;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.MalformedText;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.StrictFormText;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * A received head and body as the dispatcher's HttpRequest: the target's path and query read
 * strictly, the Host's name and port. What does not read is a MalformedRequest naming the part, in
 * the order the parts were always read (query, body, Host, path), so the same part is named.
 */
final class SandboxRequests {
    /** Reads the body when asked; a body that cannot be read is a malformed request. */
    interface Body {
        byte[] read() throws IOException;
    }

    private SandboxRequests() {}

    static HttpRequest toRequest(RequestHead head, Body bodyReader) {
        // the request target as sent (origin form "/path?query"; an absolute URI keeps its path and query)
        String target = head.target();
        if (target.isEmpty()) throw new MalformedRequest("(request URI)", false);
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
        Headers headers = Headers.of(head.headers());
        byte[] body;
        try {
            body = bodyReader.read();
        } catch (IOException e) {
            throw new MalformedRequest("(request body)", true); // cut short, or the read timed out
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
        return new HttpRequest(head.method(), "http", hostName, port, path, query, headers, body);
    }

    /** Text that does not read strictly is answered as a malformed request naming the part. */
    private static <T> T strictly(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (MalformedText bad) {
            throw new MalformedRequest(bad.part(), false);
        }
    }
}
