package io.kecsh.repl.shell;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Reads the input up to the cursor and says what is being typed: a word inside which blocks, a
 * member after a dot, a named parameter of which call, or the value of which parameter. Calls are
 * recognised with and without parentheses ({@code run type: …} and {@code kec.RunInstances(…)}).
 */
final class CursorAnalyser {
    private CursorAnalyser() {}

    /** A bracket still open at the cursor and the (dotted) word just before it. */
    private static final class Frame {
        final String bracket;
        final String word;
        /** A list opened as a parameter's value ({@code ids: [}): that parameter and its call, for the list's elements. */
        String listCall;

        String listParam;
        /** The current statement's call inside this frame (command style: {@code run type: …}). */
        String call;

        String param;
        boolean statementStarted;

        Frame(String bracket, String word) {
            this.bracket = bracket;
            this.word = word;
        }
    }

    static CursorContext analyse(String buffer, int cursor) {
        String text = buffer.substring(0, Math.min(cursor, buffer.length()));
        String trimmed = text.stripLeading();
        if (trimmed.startsWith(":")) {
            // ":he" completes the command; ":help Run" its argument (call says which command).
            int space = trimmed.lastIndexOf(' ');
            String command = space < 0 ? null : trimmed.substring(0, trimmed.indexOf(' '));
            return new CursorContext(
                    CursorContext.Position.COMMAND, List.of(), command, null, null, trimmed.substring(space + 1), (char)
                            0);
        }
        List<Token> tokens = Lexer.tokens(text);
        Deque<Frame> frames = new ArrayDeque<>();
        frames.push(new Frame("", null));
        List<Token> significant = new ArrayList<>();
        /** The receiver a closed bracket leaves for a member chained after it ({@code instances{run}}, {@code instances.where()}). */
        String closed = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean last = i == tokens.size() - 1;
            if (t.kind() == Token.Kind.SPACE || t.kind() == Token.Kind.COMMENT) continue;
            Frame f = frames.peek();
            if (t.kind() == Token.Kind.NEWLINE || t.is(";")) {
                if (!"(".equals(f.bracket) && !"[".equals(f.bracket)) {
                    f.call = null;
                    f.param = null;
                    f.statementStarted = false;
                }
                significant.add(t);
                continue;
            }
            if (t.kind() == Token.Kind.PUNCT && "({[".contains(t.text())) {
                Frame opened = new Frame(t.text(), dottedWordBefore(significant));
                if ("[".equals(t.text()) && f.param != null) {
                    opened.listParam = f.param;
                    opened.listCall = "(".equals(f.bracket) ? f.word : f.call;
                }
                frames.push(opened);
            } else if (t.kind() == Token.Kind.PUNCT && ")}]".contains(t.text())) {
                Frame done = frames.size() > 1 ? frames.pop() : null;
                closed = done == null || done.word == null
                        ? null
                        : "{".equals(done.bracket)
                                ? done.word + "{" + (done.call == null ? "" : done.call) + "}"
                                : "(".equals(done.bracket) ? done.word + "()" : null;
                frames.peek().statementStarted = true;
                significant.add(t);
                continue;
            } else if (t.is(",")) {
                f.param = null;
            } else if (t.is(":")
                    && !significant.isEmpty()
                    && significant.get(significant.size() - 1).kind() == Token.Kind.IDENT) {
                f.param = significant.get(significant.size() - 1).text();
            } else if (!last
                    && t.kind() == Token.Kind.IDENT
                    && !f.statementStarted
                    && !"(".equals(f.bracket)
                    && !"[".equals(f.bracket)) {
                // The statement's first word is its call when arguments follow it without parentheses.
                f.statementStarted = true;
                f.call = dottedWord(significant, t);
            } else if (!last
                    && t.kind() == Token.Kind.IDENT
                    && followsDot(significant)
                    && closed != null
                    && significant.size() >= 2
                    && ")}".contains(significant.get(significant.size() - 2).text())) {
                // instances { run … }.waitUntil 'active': the call is a member of what the block returns.
                f.call = closed + "." + t.text();
            } else if (!last
                    && t.kind() == Token.Kind.IDENT
                    && followsDot(significant)
                    && f.call != null
                    && f.call.equals(dottedWordBefore(significant.subList(0, significant.size() - 1)))) {
                // web.waitUntil 'active': the call grows with each member of its chain.
                f.call = dottedWord(significant, t);
            } else if (!last && !isDot(t) && !(t.kind() == Token.Kind.IDENT && followsDot(significant))) {
                f.statementStarted = true;
            }
            significant.add(t);
        }
        return describe(text, tokens, frames, significant);
    }

    private static CursorContext describe(
            String text, List<Token> tokens, Deque<Frame> frames, List<Token> significant) {
        List<String> blocks = new ArrayList<>();
        List<Frame> outerFirst = new ArrayList<>(frames);
        Collections.reverse(outerFirst);
        for (Frame f : outerFirst) {
            if ("{".equals(f.bracket) && f.word != null) blocks.add(f.word);
        }
        Frame inner = frames.peek();
        String call = "(".equals(inner.bracket) ? inner.word : inner.call;
        String param = inner.param;
        boolean element = "[".equals(inner.bracket) && inner.listParam != null;
        if (element) {
            // ids: ['i-1', ' — an element of the list is a value of the parameter the list is given to
            call = inner.listCall;
            param = inner.listParam;
        }
        Token last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        boolean typingWord = last != null
                && last.end() == text.length()
                && (last.kind() == Token.Kind.IDENT || last.kind() == Token.Kind.NUMBER);
        if (last != null && last.kind() == Token.Kind.STRING && last.open()) {
            char quote = last.text().charAt(0);
            int skip = last.text().startsWith(String.valueOf(quote).repeat(3)) ? 3 : 1;
            CursorContext.Position p = param != null
                    ? CursorContext.Position.PARAM_VALUE
                    : call != null && !"[".equals(inner.bracket)
                            ? CursorContext.Position.ARGUMENT
                            : CursorContext.Position.STRING;
            return new CursorContext(p, blocks, call, param, null, last.text().substring(skip), quote);
        }
        String prefix = typingWord ? last.text() : "";
        List<Token> before = typingWord ? significant.subList(0, significant.size() - 1) : significant;
        if (!before.isEmpty() && isDot(before.get(before.size() - 1))) {
            String receiver = dottedWordBefore(
                    before.subList(0, before.size() - 1).isEmpty() ? List.of() : before.subList(0, before.size() - 1),
                    true);
            return new CursorContext(CursorContext.Position.MEMBER, blocks, call, null, receiver, prefix, (char) 0);
        }
        if (inner.param != null
                && !before.isEmpty()
                && (before.get(before.size() - 1).is(":"))) {
            return new CursorContext(
                    CursorContext.Position.PARAM_VALUE, blocks, call, inner.param, null, prefix, (char) 0);
        }
        if (element
                && !before.isEmpty()
                && (before.get(before.size() - 1).is("[")
                        || before.get(before.size() - 1).is(","))) {
            return new CursorContext(CursorContext.Position.PARAM_VALUE, blocks, call, param, null, prefix, (char) 0);
        }
        boolean argumentStart = !before.isEmpty()
                && (before.get(before.size() - 1).is(",")
                        || before.get(before.size() - 1).is("(")
                        || call != null
                                && "[".equals(inner.bracket) == false
                                && before.get(before.size() - 1).kind() == Token.Kind.IDENT
                                && call.endsWith(before.get(before.size() - 1).text()));
        if (call != null && argumentStart) {
            return new CursorContext(CursorContext.Position.PARAM_NAME, blocks, call, null, null, prefix, (char) 0);
        }
        return new CursorContext(CursorContext.Position.WORD, blocks, null, null, null, prefix, (char) 0);
    }

    private static boolean isDot(Token t) {
        return t.is(".") || t.is("?");
    }

    private static boolean followsDot(List<Token> significant) {
        return !significant.isEmpty() && isDot(significant.get(significant.size() - 1));
    }

    /** The dotted word ending just before the next token ({@code kec.RunInstances} before "("). */
    private static String dottedWordBefore(List<Token> significant) {
        return dottedWordBefore(significant, false);
    }

    private static String dottedWordBefore(List<Token> significant, boolean exact) {
        if (significant.isEmpty() || significant.get(significant.size() - 1).kind() != Token.Kind.IDENT) return null;
        StringBuilder word =
                new StringBuilder(significant.get(significant.size() - 1).text());
        int i = significant.size() - 2;
        while (i >= 1 && significant.get(i).is(".") && significant.get(i - 1).kind() == Token.Kind.IDENT) {
            word.insert(0, significant.get(i - 1).text() + ".");
            i -= 2;
        }
        return word.toString();
    }

    /** The token with a receiver before it, when there is one: {@code kec.RunInstances}. */
    private static String dottedWord(List<Token> significantBefore, Token t) {
        List<Token> with = new ArrayList<>(significantBefore);
        with.add(t);
        return dottedWordBefore(with);
    }
}
