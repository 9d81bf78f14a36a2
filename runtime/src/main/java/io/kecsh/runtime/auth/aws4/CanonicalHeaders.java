package io.kecsh.runtime.auth.aws4;

import io.kecsh.runtime.http.Headers;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SigV4's CanonicalHeaders block: for each signed name, in the order given (sorted, as
 * {@link #signedHeaderNames} returns them), {@code name:value\n}, where value is every value of that
 * header in order of appearance, each {@link #trimAll trimmed}, joined with commas.
 */
public final class CanonicalHeaders {
    /** Any run of whitespace, line breaks included: an obs-folded value arrives with them. */
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \\t\\r\\n\\f\\x0B]+");

    private CanonicalHeaders() {}

    /** Every header name present, lower-cased, distinct and sorted: what a client signs. */
    public static List<String> signedHeaderNames(Headers headers) {
        return headers.lowerCaseNames().stream().sorted().toList();
    }

    /**
     * The signed names as they are canonically written: lower-cased, distinct, sorted. A list that
     * already is (what every signer sends: often just {@code host}) is returned as it is, without a
     * stream and a sort for every signature checked.
     */
    public static List<String> canonicalNames(List<String> names) {
        String previous = null;
        for (String name : names) {
            if (!name.equals(lowerCase(name)) || (previous != null && previous.compareTo(name) >= 0))
                return names.stream()
                        .map(CanonicalHeaders::lowerCase)
                        .distinct()
                        .sorted()
                        .toList();
            previous = name;
        }
        return List.copyOf(names);
    }

    /** The canonical block; each entry ends in {@code \n}. A signed name that is absent signs as empty. */
    public static String of(Headers headers, List<String> signedHeaders) {
        StringBuilder out = new StringBuilder();
        for (String name : signedHeaders)
            out.append(name).append(':').append(value(headers, name)).append('\n');
        return out.toString();
    }

    /** {@code a;b;c}: the SignedHeaders value. */
    public static String signedHeadersValue(List<String> signedHeaders) {
        return String.join(";", signedHeaders);
    }

    /** Every value of the header (matched case-insensitively), trimmed, in order, comma-joined. */
    public static String value(Headers headers, String name) {
        List<String> values = headers.all(name);
        if (values.size() == 1) return trimAll(values.get(0)); // the usual header: no stream, no join
        return String.join(
                ",", headers.all(name).stream().map(CanonicalHeaders::trimAll).toList());
    }

    /**
     * Strips the ends and turns every inner run of whitespace into one space. This includes runs
     * inside double quotes (the suite's get-header-value-trim signs {@code "a b c"}, whatever older
     * prose said) and obsolete line folding, which becomes a single space as in AWS's corrected
     * get-header-value-multiline case.
     */
    public static String trimAll(String value) {
        if (isTrimmed(value)) return value; // the usual header: no regex, no copy
        return WHITESPACE_RUN.matcher(value).replaceAll(" ").strip();
    }

    /** No whitespace at the ends, and none inside other than single spaces. */
    private static boolean isTrimmed(String value) {
        int n = value.length();
        if (n > 0 && (value.charAt(0) == ' ' || value.charAt(n - 1) == ' ')) return false;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == 0x0B) return false;
            if (c == ' ' && value.charAt(i + 1) == ' ') return false;
        }
        return true;
    }

    static String lowerCase(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
