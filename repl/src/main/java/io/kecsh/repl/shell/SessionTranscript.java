package io.kecsh.repl.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * What happened in a session, kept so {@code :save} writes a script that does the same again:
 * each input that ran, already masked; a {@code :region} switch as the script word {@code region '…'};
 * an input typed under {@code :plan on} as a comment (it sent nothing, so its replay must not either);
 * a {@code :profile} switch as a comment (a script cannot switch profiles; the file says which to run it with).
 * When the script is written, each masked secret ({@value SecretLiterals#MASK}) becomes
 * {@code System.getenv('KECSH_…')} named after the parameter or variable it was given to, and the
 * header lists the variables to set: a masked literal would be sent as the password and fail.
 */
final class SessionTranscript {
    private static final String ENV_PREFIX = "KECSH_";
    private final List<String> entries = new ArrayList<>();
    private int inputs;

    synchronized void ran(String maskedSource) {
        entries.add(maskedSource);
        inputs++;
    }

    synchronized void planned(String maskedSource) {
        StringBuilder s = new StringBuilder("// planned under :plan on, not sent:");
        maskedSource.lines().forEach(l -> s.append("\n// ").append(l));
        entries.add(s.toString());
        inputs++;
    }

    synchronized void region(String region) {
        entries.add("region '" + region + "'");
    }

    synchronized void profile(String profile, String region) {
        entries.add("// :profile " + profile + ": what follows ran with profile " + profile
                + "; run this script with --profile " + profile + "\nregion '" + region + "'");
    }

    /** Masks again what was kept (a secret learnt later shows in lines typed earlier). */
    synchronized void remask(UnaryOperator<String> mask) {
        entries.replaceAll(mask);
    }

    /** How many inputs (lines or blocks typed, files loaded) it holds. */
    synchronized int inputs() {
        return inputs;
    }

    synchronized List<String> entries() {
        return List.copyOf(entries);
    }

    /** The runnable script: a header, then the entries with every masked secret read from the environment. */
    synchronized String script() {
        Set<String> variables = new LinkedHashSet<>();
        List<String> body = new ArrayList<>();
        for (String e : entries) body.add(fromEnvironment(e, variables));
        StringBuilder out =
                new StringBuilder("// saved by kecsh: the shell's inputs that ran without error, in order\n");
        if (!variables.isEmpty()) {
            out.append("// secrets are read from the environment; set ")
                    .append(String.join(", ", variables))
                    .append(" before running\n");
        }
        return out.append(String.join("\n", body)).append('\n').toString();
    }

    /** Each masked literal as {@code System.getenv('KECSH_NAME')}, NAME from the parameter or variable before it. */
    private static String fromEnvironment(String source, Set<String> variables) {
        if (!source.contains(SecretLiterals.MASK)) return source;
        StringBuilder out = new StringBuilder();
        List<Token> tokens = Lexer.tokens(source);
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.kind() == Token.Kind.STRING && t.text().equals(SecretLiterals.MASK)) {
                String variable = ENV_PREFIX + upperSnake(nameBefore(tokens, i));
                variables.add(variable);
                out.append("System.getenv('").append(variable).append("')");
            } else {
                out.append(t.text());
            }
        }
        return out.toString();
    }

    /** The name a value at {@code at} is given to ({@code password: …}, {@code x = …}), or "SECRET". */
    private static String nameBefore(List<Token> tokens, int at) {
        int i = at - 1;
        while (i >= 0 && tokens.get(i).kind() == Token.Kind.SPACE) i--;
        if (i < 0 || !(tokens.get(i).is(":") || tokens.get(i).is("="))) return "secret";
        i--;
        while (i >= 0 && tokens.get(i).kind() == Token.Kind.SPACE) i--;
        if (i < 0) return "secret";
        Token name = tokens.get(i);
        if (name.kind() == Token.Kind.IDENT) return name.text();
        if (name.kind() == Token.Kind.STRING) return SecretLiterals.unquote(name.text());
        return "secret";
    }

    /** {@code InstancePassword} → {@code INSTANCE_PASSWORD}, {@code password} → {@code PASSWORD}. */
    static String upperSnake(String name) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_");
        return snake.toUpperCase(Locale.ROOT);
    }
}
