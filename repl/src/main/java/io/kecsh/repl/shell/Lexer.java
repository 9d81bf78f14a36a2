package io.kecsh.repl.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits Groovy-ish input into tokens: enough for the shell to tell whether input is complete,
 * to colour it, and to find where the cursor is — not a Groovy parser (the compiler stays the
 * judge of what is valid). Strings: '…', "…", '''…''', """…"""; comments: // and /* *\/.
 */
final class Lexer {
    private Lexer() {}

    static List<Token> tokens(CharSequence s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            int start = i;
            if (c == '\n') {
                out.add(new Token(Token.Kind.NEWLINE, i, i + 1, "\n", false));
                i++;
            } else if (Character.isWhitespace(c)) {
                while (i < n && s.charAt(i) != '\n' && Character.isWhitespace(s.charAt(i))) i++;
                out.add(token(Token.Kind.SPACE, s, start, i, false));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                while (i < n && s.charAt(i) != '\n') i++;
                out.add(token(Token.Kind.COMMENT, s, start, i, false));
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int close = indexOf(s, "*/", i + 2);
                i = close < 0 ? n : close + 2;
                out.add(token(Token.Kind.COMMENT, s, start, i, close < 0));
            } else if (c == '\'' || c == '"') {
                String quote = startsWith(s, i, String.valueOf(c).repeat(3))
                        ? String.valueOf(c).repeat(3)
                        : String.valueOf(c);
                int close = closing(s, i + quote.length(), quote);
                if (close == -2) {
                    // A one-quote string cannot span lines: it ends at the line's end, and the compiler says why.
                    i = indexOf(s, "\n", i);
                    out.add(token(Token.Kind.STRING, s, start, i, false));
                } else {
                    i = close < 0 ? n : close + quote.length();
                    out.add(token(Token.Kind.STRING, s, start, i, close < 0));
                }
            } else if (Character.isJavaIdentifierStart(c)) {
                while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) i++;
                out.add(token(Token.Kind.IDENT, s, start, i, false));
            } else if (Character.isDigit(c)) {
                while (i < n
                        && (Character.isLetterOrDigit(s.charAt(i))
                                || s.charAt(i) == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) i++;
                out.add(token(Token.Kind.NUMBER, s, start, i, false));
            } else {
                i++;
                out.add(token(Token.Kind.PUNCT, s, start, i, false));
            }
        }
        return out;
    }

    /**
     * Whether the input is unfinished: a bracket, string or comment still open, or a line ending
     * in a backslash. The shell then reads another line instead of evaluating.
     */
    static boolean incomplete(CharSequence s) {
        int depth = 0;
        Token last = null;
        for (Token t : tokens(s)) {
            // Only what may span lines keeps input open; a one-quote string at Enter is the compiler's error to report.
            if (t.open()
                    && !(t.kind() == Token.Kind.STRING
                            && !t.text().startsWith("'''")
                            && !t.text().startsWith("\"\"\""))) return true;
            if (t.kind() == Token.Kind.PUNCT) {
                if ("({[".contains(t.text())) depth++;
                else if (")}]".contains(t.text())) depth--;
            }
            if (t.kind() != Token.Kind.SPACE && t.kind() != Token.Kind.NEWLINE) last = t;
        }
        return depth > 0 || last != null && last.is("\\");
    }

    private static Token token(Token.Kind kind, CharSequence s, int start, int end, boolean open) {
        return new Token(kind, start, end, s.subSequence(start, end).toString(), open);
    }

    /** Where the closing quote is (a backslash escapes the next character), -1 at the input's end, -2 at a line's end. */
    private static int closing(CharSequence s, int from, String quote) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == '\\') {
                i++;
            } else if (startsWith(s, i, quote)) {
                return i;
            } else if (quote.length() == 1 && s.charAt(i) == '\n') {
                return -2;
            }
        }
        return -1;
    }

    private static boolean startsWith(CharSequence s, int at, String what) {
        return at + what.length() <= s.length()
                && s.subSequence(at, at + what.length()).toString().equals(what);
    }

    private static int indexOf(CharSequence s, String what, int from) {
        return s.toString().indexOf(what, from);
    }
}
