package io.kecsh.runtime.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as all three signatures define it (RFC 3986): every byte of the UTF-8 form is
 * escaped except the unreserved characters {@code A-Z a-z 0-9 - _ . ~}; a space is {@code %20},
 * never {@code +}; hex digits are upper case. {@link java.net.URLEncoder} is not this (it writes
 * {@code +} and leaves {@code *} alone), which is why the signers never use it.
 */
public final class Rfc3986 {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {}

    /** Encodes a query or form name or value, and a single path segment. */
    public static String encode(String text) {
        return encode(text, false);
    }

    /** Encodes a decoded path, keeping its {@code /} separators. */
    public static String encodePath(String path) {
        return encode(path, true);
    }

    /**
     * Decodes {@code %XX} escapes (UTF-8). A {@code +} stays a plus: reading it as a space is a
     * form-encoding rule, applied by {@link FormEncoding#decode}.
     *
     * @throws IllegalArgumentException for a {@code %} not followed by two hex digits; the message
     *     gives the position only, because the text may be a password or a token
     */
    public static String decode(String text) {
        if (text.indexOf('%') < 0) return text;
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (lo < 0) throw new IllegalArgumentException("malformed percent-encoding at position " + i);
                out.write(hi * 16 + lo);
                i += 3;
            } else {
                int end = i;
                while (end < text.length() && text.charAt(end) != '%') end++;
                out.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String encode(String text, boolean keepSlash) {
        if (isAllUnreserved(text, keepSlash)) return text; // most names and values: nothing to escape, nothing to copy
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    private static boolean isAllUnreserved(String text, boolean keepSlash) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isUnreserved(c) && !(keepSlash && c == '/')) return false;
        }
        return true;
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z')
                || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.'
                || c == '~';
    }
}
