package io.kecsh.repl.shell;

import java.util.List;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;

/**
 * Tells JLine when input is complete — an open bracket, string or comment asks for another line
 * ({@link EOFError}) — and which word completion replaces: the identifier at the cursor, or the
 * content of the string the cursor is in.
 */
final class ShellParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE && !line.stripLeading().startsWith(":") && Lexer.incomplete(line)) {
            throw new EOFError(-1, cursor, "input continues", "}");
        }
        CursorContext at = CursorAnalyser.analyse(line, cursor);
        return new Line(line, cursor, at.prefix());
    }

    /** Groovy is not shell words: no escaping, and the word is whatever the analyser says is typed. */
    private record Line(String line, int cursor, String word) implements CompletingParsedLine {
        @Override
        public int wordIndex() {
            return 0;
        }

        @Override
        public int wordCursor() {
            return word.length();
        }

        @Override
        public List<String> words() {
            return List.of(word);
        }

        @Override
        public CharSequence escape(CharSequence candidate, boolean complete) {
            return candidate;
        }

        @Override
        public int rawWordCursor() {
            return word.length();
        }

        @Override
        public int rawWordLength() {
            return word.length();
        }
    }
}
