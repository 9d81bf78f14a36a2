package io.kecsh.runtime.http;

import java.nio.charset.StandardCharsets;

/** What came back: status, headers and the whole body (responses of these APIs are small). */
public record HttpResponse(int status, Headers headers, byte[] body) {
    public HttpResponse {
        body = body == null ? new byte[0] : body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String contentType() {
        return headers.first("Content-Type").orElse("");
    }
}
