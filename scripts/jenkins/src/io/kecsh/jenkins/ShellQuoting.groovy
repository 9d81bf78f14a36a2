package io.kecsh.jenkins

/**
 * Quotes words for the POSIX {@code sh} that Jenkins' {@code sh} step runs, so a region, a path or
 * a script argument reaches kecsh as exactly one argument whatever it contains.
 * <p>
 * Plain loops, no closures: safe to run CPS-transformed, so no {@code @NonCPS} is needed.
 */
class ShellQuoting implements Serializable {
    private static final long serialVersionUID = 1L

    /** {@code it's} → {@code 'it'\''s'}: single quotes keep everything literal except a quote itself. */
    static String quote(String word) {
        "'" + word.replace("'", "'\\''") + "'"
    }

    static String join(List<String> words) {
        StringBuilder out = new StringBuilder()
        for (String w : words) {
            if (out.length() > 0) out.append(' ')
            out.append(quote(w))
        }
        out.toString()
    }
}
