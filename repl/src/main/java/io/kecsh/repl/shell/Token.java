package io.kecsh.repl.shell;

/** One lexical piece of shell input; {@code open} marks a string or comment the input has not closed yet. */
record Token(Kind kind, int start, int end, String text, boolean open) {
    enum Kind {
        IDENT,
        STRING,
        NUMBER,
        COMMENT,
        PUNCT,
        SPACE,
        NEWLINE
    }

    boolean is(String punct) {
        return kind == Kind.PUNCT && text.equals(punct);
    }
}
