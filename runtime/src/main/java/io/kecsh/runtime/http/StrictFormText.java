package io.kecsh.runtime.http;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a query string or form body strictly: every {@code %} followed by two hex digits, the
 * bytes UTF-8, {@code +} a space. What does not read so is a {@link MalformedText} naming the
 * parameter (the real endpoints answer InvalidQueryParameter; a lenient reading would sign and
 * validate a value other than the one sent). Servers read with this; {@link FormEncoding} is the
 * client's writing side.
 */
public final class StrictFormText {
    private static final int MAX_NAME_SHOWN = 64;

    private StrictFormText() {}

    /** name=value pairs separated by {@code &}; empty pieces skipped. */
    public static List<QueryParam> pairs(String encoded) {
        List<QueryParam> out = new ArrayList<>();
        if (encoded == null || encoded.isEmpty()) return out;
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String rawName = eq < 0 ? pair : pair.substring(0, eq);
            String name = decodeNaming(rawName, rawName);
            out.add(new QueryParam(name, eq < 0 ? "" : decodeNaming(pair.substring(eq + 1), name)));
        }
        return out;
    }

    /** {@link #decode} naming {@code name} as {@link #shown} prints it, made only when the text is malformed (rarely). */
    private static String decodeNaming(String text, String name) {
        try {
            return decode(text, null);
        } catch (MalformedText bad) {
            throw new MalformedText(shown(name));
        }
    }

    /** The text of a body that must be UTF-8. */
    public static String utf8(byte[] bytes, String part) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedText(part);
        }
    }

    /** Percent-decodes one component ({@code +} as space) to UTF-8 text, or fails naming {@code part}. */
    public static String decode(String text, String part) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            for (int i = 0; i < text.length(); i++)
                if (text.charAt(i) > 0x7E || text.charAt(i) < 0x20) return utf8(latin1(text), part);
            return text;
        }
        byte[] bytes = new byte[text.length()];
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                int hi = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
                if (lo < 0) throw new MalformedText(part);
                bytes[n++] = (byte) (hi * 16 + lo);
                i += 2;
            } else {
                bytes[n++] = c == '+' ? (byte) ' ' : (byte) c;
            }
        }
        return utf8(Arrays.copyOf(bytes, n), part);
    }

    /** HTTP hands the request line over as ISO-8859-1: the bytes as they came. */
    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A name as a message may show it: printable ASCII, others as \\xNN, at most 64 characters. */
    public static String shown(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < MAX_NAME_SHOWN; i++) {
            char c = name.charAt(i);
            if (c >= 0x20 && c < 0x7F) out.append(c);
            else out.append(String.format("\\x%02X", (int) c & 0xFF));
        }
        if (out.length() >= MAX_NAME_SHOWN) {
            out.setLength(MAX_NAME_SHOWN);
            out.append("…");
        }
        return out.toString();
    }
}
