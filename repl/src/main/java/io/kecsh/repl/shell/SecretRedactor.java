package io.kecsh.repl.shell;

import io.kecsh.dsl.engine.ParameterNames;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks secrets in input before it is kept (history file, {@code :history}, {@code :save}): the
 * value of every parameter the model marks sensitive (InstancePassword …), under its API name,
 * its lower-camel form and its short alias ({@code password:}), and of any name that says
 * password, secret or token.
 */
final class SecretRedactor {
    static final String MASK = "'***'";
    private final Pattern named;

    SecretRedactor(ServiceModel model) {
        Set<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (Operation op : model.operations()) {
            op.params().forEach((name, m) -> collect(name, m, names));
        }
        for (Map.Entry<String, String> alias : ParameterNames.getALIASES().entrySet()) {
            if (names.contains(alias.getValue())) names.add(alias.getKey());
        }
        String alternatives =
                String.join("|", names.stream().map(Pattern::quote).toList());
        // name: 'value' / name: "value" / name = 'value' / Name=value (wire form), for a sensitive name
        // or one that says what it is; a bare word value (a variable) is left alone.
        named = Pattern.compile(
                "(?i)\\b((?:" + (alternatives.isEmpty() ? "" : alternatives + "|")
                        + "\\w*(?:password|secret|token)\\w*)\\s*[:=]\\s*)('''.*?'''|\"\"\".*?\"\"\"|'(?:\\\\.|[^'\\\\])*'|\"(?:\\\\.|[^\"\\\\])*\"|[^\\s,)\\]}'\"]+)",
                Pattern.DOTALL);
    }

    private static void collect(String name, Member m, Set<String> names) {
        if (m.sensitive()) names.add(name);
        if (m.member() != null) collect(name, m.member(), names);
        m.members().forEach((child, cm) -> collect(child, cm, names));
    }

    String redact(String input) {
        Matcher m = named.matcher(input);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = m.group(2);
            boolean literal = value.startsWith("'") || value.startsWith("\"");
            boolean wireForm = m.group(1).trim().endsWith("=") && !literal;
            String masked = literal ? MASK : wireForm ? "***" : value;
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + masked));
        }
        m.appendTail(out);
        return out.toString();
    }
}
