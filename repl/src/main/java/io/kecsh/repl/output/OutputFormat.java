package io.kecsh.repl.output;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How results print: aligned columns for people, JSON for programs, tab-separated text for awk and cut. */
public enum OutputFormat {
    TABLE,
    JSON,
    TEXT;

    /** The word on the command line ({@code --output json}) or in the shell. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<OutputFormat> parse(String word) {
        return Arrays.stream(values())
                .filter(f -> f.word().equalsIgnoreCase(word == null ? "" : word.trim()))
                .findFirst();
    }

    /** {@code table, json or text}, for messages. */
    public static String names() {
        String all = Arrays.stream(values()).map(OutputFormat::word).collect(Collectors.joining(", "));
        int last = all.lastIndexOf(", ");
        return last < 0 ? all : all.substring(0, last) + " or " + all.substring(last + 2);
    }
}
