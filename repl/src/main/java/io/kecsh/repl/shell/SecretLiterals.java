package io.kecsh.repl.shell;

import io.kecsh.repl.output.SecretNames;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The secrets one session has typed, learnt from its source text (shell lines, a script, an
 * {@code -e} expression), and masked wherever text is kept or shown: history, {@code :save}, error
 * messages, stack traces. The rule:
 * <ul>
 *   <li>a string literal in the value of a sensitive name — a member the model marks
 *       {@code sensitive} under any of its spellings ({@code InstancePassword}, {@code password}),
 *       or a name that says password, secret or token — is a secret;</li>
 *   <li>a variable in such a value makes every string literal ever assigned to it in this session
 *       a secret, following assignments from other variables ({@code x = 'p'; y = x;
 *       password: y}); so does its value when the line ran ({@link #add}), if it is a string;</li>
 *   <li>once a value is a secret, every string literal containing it is masked, in lines typed
 *       before (history is rewritten) and after.</li>
 * </ul>
 * It reads tokens, not Groovy's grammar: it may mask more than it must (a literal that only
 * shares a variable with a secret), never less for the forms above. Thread-safe.
 */
public final class SecretLiterals {
    public static final String MASK = "'***'";
    private static final Pattern SAYS_SECRET = Pattern.compile("(?i).*(password|secret|token).*");
    /** Shorter secrets are masked only as whole literals: as bare text they cannot be told from other words. */
    private static final int BARE_MINIMUM = 4;

    /** Per variable: the string values assigned to it, and the variables its assignments read. */
    private final Map<String, Set<String>> literals = new HashMap<>();

    private final Map<String, Set<String>> reads = new HashMap<>();
    private final Set<String> secrets = new LinkedHashSet<>();

    /** Whether a parameter or variable of this name holds a secret. */
    public static boolean sensitive(String name) {
        return SecretNames.isSecret(name) || SAYS_SECRET.matcher(name).matches();
    }

    /**
     * Reads one input: remembers its assignments, adds the secrets it reveals (including ones typed
     * on earlier inputs) and returns the variables it passes as sensitive values (whose values at
     * run time {@link #add} should see).
     */
    public synchronized Learnt learn(String source) {
        List<Token> tokens = significant(source);
        Set<String> sensitiveVariables = new LinkedHashSet<>();
        int before = secrets.size();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token name = tokens.get(i);
            Token op = tokens.get(i + 1);
            boolean quotedKey = name.kind() == Token.Kind.STRING && op.is(":"); // 'password': …
            if (!(name.kind() == Token.Kind.IDENT || quotedKey) || !(op.is(":") || op.is("="))) continue;
            String named = quotedKey ? unquote(name.text()) : name.text();
            if (i + 2 < tokens.size() && tokens.get(i + 2).is("=")) continue; // ==
            if (op.is(":") && i > 0 && tokens.get(i - 1).is("?")) continue; // not a ternary's : after ?name
            List<String> values = new ArrayList<>();
            Set<String> variables = new LinkedHashSet<>();
            valueAt(tokens, i + 2, values, variables);
            if (op.is("=")) {
                literals.computeIfAbsent(named, k -> new LinkedHashSet<>()).addAll(values);
                reads.computeIfAbsent(named, k -> new LinkedHashSet<>()).addAll(variables);
            }
            if (sensitive(named)) {
                values.forEach(this::addSecret);
                sensitiveVariables.addAll(variables);
            }
        }
        // Also those assigned earlier than this input, or to a variable named like a secret.
        for (String v : reachable(sensitiveVariables))
            literals.getOrDefault(v, Set.of()).forEach(this::addSecret);
        for (String v : literals.keySet()) {
            if (sensitive(v)) literals.get(v).forEach(this::addSecret);
        }
        return new Learnt(Set.copyOf(sensitiveVariables), secrets.size() > before);
    }

    /** A value seen flowing into a sensitive parameter at run time; true when it is new. */
    public synchronized boolean add(Object value) {
        if (!(value instanceof CharSequence s) || s.isEmpty()) return false;
        int before = secrets.size();
        addSecret(s.toString());
        return secrets.size() > before;
    }

    public synchronized Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    /** Source text with every string literal that holds a secret replaced by {@value #MASK}. */
    public synchronized String maskLiterals(String source) {
        if (secrets.isEmpty() || source == null) return source;
        StringBuilder out = new StringBuilder();
        for (Token t : Lexer.tokens(source)) {
            out.append(t.kind() == Token.Kind.STRING && holdsSecret(unquote(t.text())) ? MASK : t.text());
        }
        return out.toString();
    }

    /** Free text (a message, a stack trace, a compiler's echo of a line): every secret in it masked. */
    public synchronized String mask(String text) {
        if (secrets.isEmpty() || text == null) return text;
        String out = maskLiterals(text);
        List<String> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort(Comparator.comparingInt(String::length).reversed());
        for (String s : longestFirst) {
            if (s.length() >= BARE_MINIMUM) out = out.replace(s, "***");
        }
        return out;
    }

    private boolean holdsSecret(String literal) {
        for (String s : secrets) {
            if (literal.equals(s) || s.length() >= BARE_MINIMUM && literal.contains(s)) return true;
        }
        return false;
    }

    private void addSecret(String value) {
        if (!value.isEmpty()) secrets.add(value);
    }

    /** The variables whose assignments feed these, these included. */
    private Set<String> reachable(Set<String> variables) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(variables);
        while (!todo.isEmpty()) {
            String v = todo.remove(todo.size() - 1);
            if (seen.add(v)) todo.addAll(reads.getOrDefault(v, Set.of()));
        }
        return seen;
    }

    /** The value from {@code from} to the next , ; ) ] } or line end outside brackets: its literals and its words. */
    private static void valueAt(List<Token> tokens, int from, List<String> values, Set<String> variables) {
        int depth = 0;
        for (int j = from; j < tokens.size(); j++) {
            Token t = tokens.get(j);
            if (t.kind() == Token.Kind.PUNCT && "([{".contains(t.text())) depth++;
            else if (t.kind() == Token.Kind.PUNCT && ")]}".contains(t.text()) && depth-- == 0) return;
            else if (depth == 0 && (t.is(",") || t.is(";") || t.kind() == Token.Kind.NEWLINE)) return;
            else if (t.kind() == Token.Kind.STRING) values.add(unquote(t.text()));
            else if (t.kind() == Token.Kind.IDENT) variables.add(t.text());
        }
    }

    private static List<Token> significant(String source) {
        List<Token> out = new ArrayList<>();
        for (Token t : Lexer.tokens(source)) {
            if (t.kind() != Token.Kind.SPACE && t.kind() != Token.Kind.COMMENT) out.add(t);
        }
        return out;
    }

    /** A literal's text without its quotes and with \' \" \\ read as the characters they stand for. */
    static String unquote(String literal) {
        String body = literal;
        for (String q : new String[] {"'''", "\"\"\"", "'", "\""}) {
            if (body.startsWith(q)) {
                body = body.substring(q.length());
                if (body.endsWith(q)) body = body.substring(0, body.length() - q.length());
                break;
            }
        }
        return body.replace("\\'", "'").replace("\\\"", "\"").replace("\\\\", "\\");
    }

    /** What an input revealed: the variables it passes as sensitive values, and whether there are new secrets. */
    public record Learnt(Set<String> sensitiveVariables, boolean grew) {}
}
