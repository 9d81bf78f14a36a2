package io.kecsh.runtime.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code name=value&name=value} text, as sent in a URL query string and in an
 * {@code application/x-www-form-urlencoded} body. Encoding is {@link Rfc3986} (so a space is
 * {@code %20}, which every form decoder also accepts); decoding reads {@code +} as a space, as form
 * decoders and servlet containers do. kecsh never sends a raw {@code +}, so for its own requests
 * both readings agree.
 */
public final class FormEncoding {
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded";

    private FormEncoding() {}

    /** Encodes the parameters in the order given (signatures never depend on this order). */
    public static String encode(List<QueryParam> params) {
        StringBuilder out = new StringBuilder();
        for (QueryParam p : params) {
            if (!out.isEmpty()) out.append('&');
            out.append(Rfc3986.encode(p.name())).append('=').append(Rfc3986.encode(p.value()));
        }
        return out.toString();
    }

    /**
     * Decodes a query string or form body in wire order. A piece without {@code =} is a name with
     * an empty value; empty pieces ({@code a=1&&b=2}) are ignored.
     *
     * @throws IllegalArgumentException for a malformed percent-escape
     */
    public static List<QueryParam> decode(String text) {
        List<QueryParam> out = new ArrayList<>();
        if (text == null || text.isEmpty()) return out;
        for (String piece : text.split("&", -1)) {
            if (piece.isEmpty()) continue;
            int eq = piece.indexOf('=');
            String name = eq < 0 ? piece : piece.substring(0, eq);
            String value = eq < 0 ? "" : piece.substring(eq + 1);
            out.add(new QueryParam(decodeComponent(name), decodeComponent(value)));
        }
        return out;
    }

    /** True when the Content-Type names a form body (parameters such as charset may follow). */
    public static boolean isFormContentType(String contentType) {
        return contentType != null
                && contentType.strip().toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE);
    }

    private static String decodeComponent(String raw) {
        return Rfc3986.decode(raw.replace('+', ' '));
    }
}
