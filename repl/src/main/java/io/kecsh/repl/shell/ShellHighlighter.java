package io.kecsh.repl.shell;

import java.util.Set;
import java.util.regex.Pattern;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours input: DSL words (from the DSL's classes), strings, numbers, comments, shell commands. */
final class ShellHighlighter implements Highlighter {
    static final AttributedStyle WORD = AttributedStyle.BOLD.foreground(AttributedStyle.BLUE);
    static final AttributedStyle STRING = AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
    static final AttributedStyle NUMBER = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
    static final AttributedStyle COMMENT = AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT);
    static final AttributedStyle COMMAND = AttributedStyle.BOLD.foreground(AttributedStyle.YELLOW);
    private final Set<String> words;

    ShellHighlighter(DslVocabulary vocabulary) {
        this.words = vocabulary.allWords();
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        if (buffer.stripLeading().startsWith(":"))
            return out.styled(COMMAND, buffer).toAttributedString();
        for (Token t : Lexer.tokens(buffer)) {
            switch (t.kind()) {
                case IDENT -> out.styled(words.contains(t.text()) ? WORD : AttributedStyle.DEFAULT, t.text());
                case STRING -> out.styled(STRING, t.text());
                case NUMBER -> out.styled(NUMBER, t.text());
                case COMMENT -> out.styled(COMMENT, t.text());
                default -> out.append(t.text());
            }
        }
        return out.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {}

    @Override
    public void setErrorIndex(int errorIndex) {}
}
