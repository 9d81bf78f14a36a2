package io.kecsh.runtime.protocol;

import java.util.Locale;
import java.util.Optional;

/** The two body formats these APIs speak, and how to tell which one a response holds. */
enum BodyFormat {
    JSON,
    XML;

    /**
     * By Content-Type when it names JSON or XML, else by the first non-blank character (after a
     * UTF-8 byte order mark): gateways and old servers send text/plain or nothing at all.
     */
    static Optional<BodyFormat> detect(String contentType, byte[] body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (type.contains("json")) return Optional.of(JSON);
        if (type.contains("xml")) return Optional.of(XML);
        int i = startsWithBom(body) ? 3 : 0;
        while (i < body.length && isBlank(body[i])) i++;
        if (i == body.length) return Optional.empty();
        return switch (body[i]) {
            case '{', '[' -> Optional.of(JSON);
            case '<' -> Optional.of(XML);
            default -> Optional.empty();
        };
    }

    private static boolean startsWithBom(byte[] body) {
        return body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF;
    }

    private static boolean isBlank(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
