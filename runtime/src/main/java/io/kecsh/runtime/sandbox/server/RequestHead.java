package io.kecsh.runtime.sandbox.server;

import java.util.List;
import java.util.Map;

/**
 * A request's line and headers as received, and what the head decided about its body.
 *
 * @param target the request target as sent (origin form, an absolute URI, "*" or an authority)
 * @param minorVersion HTTP/1.x's x (0 for HTTP/1.0 and for the HTTP/0.9 that HttpCore also took)
 * @param http11 HTTP/1.1 or later: keep-alive unless asked otherwise, Host required
 * @param bodyLength the Content-Length, -1 for a chunked body, 0 for none
 */
record RequestHead(
        String method, String target, boolean http11, List<Map.Entry<String, String>> headers, long bodyLength) {
    static final long CHUNKED = -1;

    /** The first value of a header (names are matched ignoring case), or null. */
    String first(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) return h.getValue();
        }
        return null;
    }

    /** The Connection header names {@code token} (a comma-separated list, case ignored). */
    boolean connectionSays(String token) {
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase("Connection")) continue;
            String value = h.getValue();
            if (value.equalsIgnoreCase(token)) return true; // the usual one-token value, without a split
            if (value.indexOf(',') < 0) continue;
            for (String element : value.split(",")) {
                if (element.trim().equalsIgnoreCase(token)) return true;
            }
        }
        return false;
    }

    boolean isHead() {
        return method.equals("HEAD");
    }
}
