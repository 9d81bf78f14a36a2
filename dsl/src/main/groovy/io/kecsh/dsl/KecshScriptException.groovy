package io.kecsh.dsl

/**
 * A script failed: one line with where ({@code deploy.groovy:12}) and what, never a Groovy stack
 * trace (the cause keeps it for {@code :trace} and {@code --debug}).
 */
class KecshScriptException extends RuntimeException {
    final String file
    final int line
    final int column

    KecshScriptException(String file, int line, int column, String message, Throwable cause) {
        super(location(file, line, column) + message, cause)
        this.file = file
        this.line = line
        this.column = column
    }

    private static String location(String file, int line, int column) {
        if (line <= 0) return "${file}: "
        column > 0 ? "${file}:${line}:${column}: " : "${file}:${line}: "
    }
}
