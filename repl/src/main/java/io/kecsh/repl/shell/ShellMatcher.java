package io.kecsh.repl.shell;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.Candidate;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.LineReader;
import org.jline.reader.impl.CompletionMatcherImpl;

/**
 * JLine's matching (prefix, camel case, typos), except for candidates the completer has matched
 * itself: a live id found by its resource's name ({@code terminate 'web} → {@code i-3f…}) does not
 * start with what is typed, yet is what the user asked for, and it replaces the typed name.
 */
final class ShellMatcher extends CompletionMatcherImpl {
    /** Marks the candidates the completer matched; the key is unique per value, so JLine merges none of them. */
    private static final String MATCHED = "kecsh-matched:";

    static Candidate matched(Candidate c) {
        return new Candidate(c.value(), c.displ(), c.group(), c.descr(), c.suffix(), MATCHED + c.value(), c.complete());
    }

    static boolean isMatched(Candidate c) {
        return c.key() != null && c.key().startsWith(MATCHED);
    }

    @Override
    public void compile(
            Map<LineReader.Option, Boolean> options,
            boolean prefix,
            CompletingParsedLine line,
            boolean caseInsensitive,
            int errors,
            String originalGroupName) {
        super.compile(options, prefix, line, caseInsensitive, errors, originalGroupName);
        matchers.add(0, byValue -> {
            Map<String, List<Candidate>> out = new LinkedHashMap<>();
            byValue.forEach((value, candidates) -> {
                List<Candidate> kept =
                        candidates.stream().filter(ShellMatcher::isMatched).toList();
                if (!kept.isEmpty()) out.put(value, kept);
            });
            return out;
        });
    }
}
