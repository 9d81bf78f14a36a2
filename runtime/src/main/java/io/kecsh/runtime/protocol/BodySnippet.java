package io.kecsh.runtime.protocol;

import io.kecsh.runtime.text.UserText;
import java.nio.charset.StandardCharsets;

/** The start of a body for a message: bounded, on one line, and withheld when it may hold a secret. */
final class BodySnippet {
    /** Enough to recognise an HTML error page or a proxy's message, short enough for one log line. */
    static final int MAX_CHARS = 160;

    private BodySnippet() {}

    /**
     * The first {@link #MAX_CHARS} characters, control characters and runs of blanks folded into
     * one space, quoted; or a note that it is withheld when {@code mayHoldSecrets}.
     */
    static String of(byte[] body, boolean mayHoldSecrets) {
        if (body.length == 0) return "(empty)";
        if (mayHoldSecrets) return "(withheld: this operation's responses may hold secrets)";
        int bytes = Math.min(body.length, MAX_CHARS * 4);
        String text = new String(body, 0, bytes, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder();
        boolean lastBlank = false;
        for (int i = 0; i < text.length() && out.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            boolean blank = Character.isWhitespace(c) || Character.isISOControl(c);
            if (blank && lastBlank) continue;
            out.append(blank ? ' ' : c);
            lastBlank = blank;
        }
        boolean cut = out.length() >= MAX_CHARS || bytes < body.length;
        // What folding leaves that a terminal would still act on (bidi overrides, lone surrogates) is escaped.
        return "'" + UserText.escaped(out.toString().strip()) + (cut ? "…" : "") + "'";
    }
}
