package io.kecsh.dsl.error

/**
 * A script failed: one line with where ({@code deploy.groovy:12}) and what, never a Groovy stack
 * trace (the cause keeps it for {@code :trace} and {@code --debug}: {@link #trace()}). When the
 * compile-time checks find several problems, the message has one such line for each.
 */
class KecshScriptException extends RuntimeException {
    final String file
    final int line
    final int column
    /** Every problem, each as {@code file:line:col: message}; the first is also {@link #line}/{@link #column}. */
    final List<String> problems

    KecshScriptException(String file, int line, int column, String message, Throwable cause) {
        this(file, line, column, [location(file, line, column) + message], cause)
    }

    private KecshScriptException(String file, int line, int column, List<String> problems, Throwable cause) {
        super(problems.join(System.lineSeparator()), cause)
        this.file = file
        this.line = line
        this.column = column
        this.problems = problems.asImmutable()
    }

    /** Several problems found before anything ran, in the order of the script. */
    static KecshScriptException ofAll(String file, List<Located> found, Throwable cause) {
        List<Located> sorted = found.sort(false) { Located a, Located b -> a.line <=> b.line ?: a.column <=> b.column }
        new KecshScriptException(file, sorted[0].line, sorted[0].column,
            sorted.collect { location(file, it.line, it.column) + it.message }, cause)
    }

    /** The full stack trace of what went wrong, for {@code :trace} / {@code --debug}; never printed by default. */
    String trace() {
        StringWriter out = new StringWriter()
        (cause ?: this).printStackTrace(new PrintWriter(out))
        out.toString()
    }

    private static String location(String file, int line, int column) {
        if (line <= 0) return "${file}: "
        column > 0 ? "${file}:${line}:${column}: " : "${file}:${line}: "
    }

    /**
     * One problem at a place in the script. A record, not {@code @Immutable}: Groovy 5's
     * {@code @Immutable} wrote another class's named parameters into this one's constructor
     * annotation (a reference from this value up into the engine, seen by DslPackageStructureSpec).
     */
    static record Located(int line, int column, String message) {
    }
}
