package io.kecsh.runtime.text;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;

/**
 * How text that came from outside (a value a user typed, a name in a script, a server's message)
 * appears inside a message kecsh prints: control characters escaped so that nothing given can
 * move the cursor, clear the screen, forge a second line of output or cut a log line with a NUL,
 * and long values cut to their start with their length, so that a megabyte value makes a message
 * of one line, not a megabyte.
 *
 * <p>Escapes: {@code \n \r \t \0 \e} (ESC) and {@code \}{@code uXXXX} for any other C0/C1 control,
 * DEL, the Unicode line and paragraph separators, the bidirectional overrides (which reorder
 * what a terminal shows) and a lone surrogate (which no encoding can carry). Backslashes are left alone: paths and patterns stay readable.
 */
public final class UserText {
    /** How much of a user's value a message quotes. */
    public static final int MAX_QUOTED = 64;

    private UserText() {}

    /** The value's first {@link #MAX_QUOTED} characters, escaped, with "… (N chars)" when it was longer. */
    public static String shown(Object value) {
        return shown(value, MAX_QUOTED);
    }

    /** The value's first {@code max} characters, escaped, with "… (N chars)" when it was longer; "null" for null. */
    public static String shown(Object value, int max) {
        if (value instanceof Map || value instanceof Collection || value instanceof Object[]) {
            // Never toString() a structure: it may be huge or nested ten thousand deep.
            StringBuilder preview = new StringBuilder();
            render(value, preview, max);
            return preview.length() <= max ? escaped(preview) : escaped(preview.substring(0, max)) + "…";
        }
        String s = String.valueOf(value);
        if (s.length() <= max) return escaped(s);
        int cut = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max; // never half a character
        return escaped(s.substring(0, cut)) + "… (" + s.length() + " chars)";
    }

    /** Renders lists as [a, b], maps as {k=v}, stopping as soon as more than {@code max} characters are written. */
    private static void render(Object value, StringBuilder out, int max) {
        if (out.length() > max) return;
        if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (out.length() > max) return;
                if (!first) out.append(", ");
                first = false;
                render(e.getKey(), out, max);
                out.append('=');
                render(e.getValue(), out, max);
            }
            out.append('}');
        } else if (value instanceof Collection<?> || value instanceof Object[]) {
            Iterable<?> items = value instanceof Object[] array ? Arrays.asList(array) : (Iterable<?>) value;
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (out.length() > max) return;
                if (!first) out.append(", ");
                first = false;
                render(item, out, max);
            }
            out.append(']');
        } else {
            String s = String.valueOf(value);
            int room = max + 1 - out.length();
            out.append(s, 0, Math.min(s.length(), Math.max(room, 0)));
        }
    }

    /** {@link #shown(Object)} in single quotes: {@code 'S4.2X'}. */
    public static String quoted(Object value) {
        return "'" + shown(value) + "'";
    }

    /** Every control character escaped, nothing cut: for text already bounded by its maker. */
    public static String escaped(CharSequence text) {
        if (text == null) return "null";
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String escape = escape(c);
            if (escape == null && Character.isSurrogate(c) && !pairedAt(text, i))
                escape = String.format("\\u%04x", (int) c);
            if (escape == null) {
                if (out != null) out.append(c);
                continue;
            }
            if (out == null) out = new StringBuilder(text.length() + 16).append(text, 0, i);
            out.append(escape);
        }
        return out == null ? text.toString() : out.toString();
    }

    /** Keeps the line breaks of a multi-line message (one problem a line) and escapes every other control. */
    public static String escapedLines(String text) {
        if (text == null) return "null";
        String[] lines = text.split("\r?\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) out.append('\n');
            out.append(escaped(lines[i]));
        }
        return out.toString();
    }

    /** A surrogate that is half of a well-formed pair (a lone one cannot be encoded, and would print as '?'). */
    private static boolean pairedAt(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
        return i > 0 && Character.isHighSurrogate(text.charAt(i - 1));
    }

    /** True when {@code c} would be escaped: what a message must never carry raw. */
    public static boolean needsEscape(char c) {
        return escape(c) != null;
    }

    private static String escape(char c) {
        switch (c) {
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\0':
                return "\\0";
            case 0x1b:
                return "\\e";
            default:
        }
        boolean control = c < 0x20 || (c >= 0x7f && c <= 0x9f);
        boolean lineSeparator = c == '\u2028' || c == '\u2029';
        boolean bidi = (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e'
                || c == '\u200f'
                || c == '\u061c';
        return control || lineSeparator || bidi ? String.format("\\u%04x", (int) c) : null;
    }
}
