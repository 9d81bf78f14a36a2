package io.kecsh.runtime.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * What came back: status, headers and the whole body (responses of these APIs are small). The
 * body cannot change: the constructor copies what it is given and {@link #body()} hands out a
 * copy. A server answering a 58 KB page would copy it twice that way, so it hands its freshly
 * written body over with {@link #adopting} and writes it out with {@link #writeBodyTo}.
 * (A class, not a record: a record's every constructor runs the copying one.)
 */
public final class HttpResponse {
    private final int status;
    private final Headers headers;
    private final byte[] body;

    public HttpResponse(int status, Headers headers, byte[] body) {
        this(status, headers, body == null ? new byte[0] : body.clone(), true);
    }

    private HttpResponse(int status, Headers headers, byte[] owned, boolean ignored) {
        this.status = status;
        this.headers = headers;
        this.body = owned;
    }

    /**
     * A response that keeps {@code body} itself instead of a copy: for a caller that has just
     * made the array and never touches it again (a server's answer written for this response only).
     */
    public static HttpResponse adopting(int status, Headers headers, byte[] body) {
        return new HttpResponse(status, headers, Objects.requireNonNull(body, "body"), true);
    }

    public int status() {
        return status;
    }

    public Headers headers() {
        return headers;
    }

    /** A copy of the body. */
    public byte[] body() {
        return body.clone();
    }

    public int bodyLength() {
        return body.length;
    }

    /** Writes the body to {@code out} without copying it first. */
    public void writeBodyTo(OutputStream out) throws IOException {
        out.write(body);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return headers.first("Content-Type").orElse("");
    }

    /** Equal status, headers and body bytes. */
    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResponse r
                && r.status == status
                && Objects.equals(r.headers, headers)
                && Arrays.equals(r.body, body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** No body: it may hold what a log must not show. */
    @Override
    public String toString() {
        return "HttpResponse[status=" + status + ", headers=" + headers + ", body=" + body.length + " bytes]";
    }
}
