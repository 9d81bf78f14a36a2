package io.kecsh.runtime.http;

/**
 * A query string, form body or path that does not read strictly (a bad percent-escape, bytes that
 * are not UTF-8). {@link #part} names what is malformed in a form safe to echo — a parameter's name
 * as {@link StrictFormText#shown} prints it, or "(request URI)", "(request body)" — never a value,
 * which may be a secret.
 */
public final class MalformedText extends IllegalArgumentException {
    private final String part;

    public MalformedText(String part) {
        super("malformed " + part);
        this.part = part;
    }

    public String part() {
        return part;
    }
}
