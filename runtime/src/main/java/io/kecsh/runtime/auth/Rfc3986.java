package io.kecsh.runtime.auth;

import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4, ACS3 and the RPC signature want it (RFC 3986): everything except
 * {@code A-Z a-z 0-9 - _ . ~} is encoded from its UTF-8 bytes, upper-case hex, space as %20.
 */
public final class Rfc3986 {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Rfc3986() {
    }

    public static String encode(String value) {
        return encode(value, true);
    }

    /** A path: like {@link #encode(String)} but slashes stay. */
    public static String encodePath(String path) {
        return encode(path, false);
    }

    private static String encode(String value, boolean encodeSlash) {
        StringBuilder out = new StringBuilder(value.length() + 16);
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~' || (c == '/' && !encodeSlash)) {
                out.append(c);
            } else {
                out.append('%').append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
            }
        }
        return out.toString();
    }
}
