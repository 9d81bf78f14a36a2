package io.kecsh.runtime.validate;

import io.kecsh.runtime.model.Condition;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Rule;
import io.kecsh.runtime.model.Service;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks the cross-parameter rules the documents state in prose. A condition on an absent
 * parameter sees its documented default (an omitted InstanceType is I1.1A), because that is
 * what the server will use.
 */
final class RuleChecker {
    private final Service service;
    private final Map<String, Member> params;
    private final Map<String, Object> request;
    private final List<Problem> problems;

    RuleChecker(Service service, Map<String, Member> params, Map<String, Object> request, List<Problem> problems) {
        this.service = service;
        this.params = params;
        this.request = request;
        this.problems = problems;
    }

    void check(Rule rule) {
        // The prose rules speak of what the model knows (the families of 2016): about a value only the
        // live catalogue or nobody lists, such as S6.2B's family, they cannot say anything.
        if (rule.when() != null && unknowable(rule.when())) return;
        switch (rule.kind()) {
            case ONLY_WHEN -> onlyWhen(rule);
            case REQUIRED_WHEN -> requiredWhen(rule);
            case TOGETHER -> together(rule);
            case EXACTLY_ONE, AT_MOST_ONE, AT_LEAST_ONE -> count(rule);
            case NOT_GREATER_THAN -> notGreaterThan(rule);
            case EQUALS_WHEN -> equalsWhen(rule);
            case MAX_SPAN -> maxSpan(rule);
        }
    }

    private void onlyWhen(Rule rule) {
        for (ParamPaths.Found found : ParamPaths.find(request, rule.param())) {
            if (!holds(rule.when())) {
                add(
                        rule,
                        Problem.Kind.INVALID_VALUE,
                        found.wirePath(),
                        shown(rule.param(), found.value()),
                        found.wirePath() + " can only be given when "
                                + rule.when().describe());
            }
        }
    }

    private void requiredWhen(Rule rule) {
        if (holds(rule.when()) && !ParamPaths.present(request, rule.param())) {
            add(
                    rule,
                    Problem.Kind.MISSING,
                    rule.param(),
                    null,
                    rule.param() + " is required when " + rule.when().describe());
        }
    }

    private void together(Rule rule) {
        String list = ParamPaths.sharedList(rule.params());
        if (list == null) {
            checkTogether(rule, request, "", rule.params());
            return;
        }
        Object items = request.get(list);
        if (!(items instanceof List<?> l)) return;
        List<String> inItem =
                rule.params().stream().map(p -> p.substring(list.length() + 3)).toList();
        for (int i = 0; i < l.size(); i++) {
            if (l.get(i) instanceof Map<?, ?> item) {
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) item;
                checkTogether(rule, typed, list + "." + (i + 1) + ".", inItem);
            }
        }
    }

    private void checkTogether(Rule rule, Map<String, Object> scope, String prefix, List<String> paths) {
        List<String> given = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String p : paths) (ParamPaths.present(scope, p) ? given : missing).add(prefix + p);
        if (!given.isEmpty() && !missing.isEmpty()) {
            add(
                    rule,
                    Problem.Kind.MISSING,
                    missing.get(0),
                    null,
                    String.join(", ", missing)
                            + (missing.size() == 1 ? " is" : " are") + " required with " + String.join(", ", given)
                            + " (" + String.join(", ", withPrefix(prefix, paths)) + " go together)");
        }
    }

    private static List<String> withPrefix(String prefix, List<String> paths) {
        return paths.stream().map(p -> prefix + p).toList();
    }

    private void count(Rule rule) {
        List<String> given = rule.params().stream()
                .filter(p -> ParamPaths.present(request, p))
                .toList();
        String all = String.join(", ", rule.params());
        switch (rule.kind()) {
            case EXACTLY_ONE -> {
                if (given.isEmpty()) add(rule, Problem.Kind.MISSING, rule.param(), null, "give one of " + all);
                else if (given.size() > 1)
                    add(
                            rule,
                            Problem.Kind.INVALID_VALUE,
                            given.get(1),
                            null,
                            "give only one of " + all + " per call (got " + String.join(", ", given) + ")");
            }
            case AT_MOST_ONE -> {
                if (given.size() > 1)
                    add(
                            rule,
                            Problem.Kind.INVALID_VALUE,
                            given.get(1),
                            null,
                            "give at most one of " + all + " (got " + String.join(", ", given) + ")");
            }
            default -> {
                if (given.isEmpty()) add(rule, Problem.Kind.MISSING, rule.param(), null, "give at least one of " + all);
            }
        }
    }

    private void notGreaterThan(Rule rule) {
        Object a = ParamPaths.first(request, rule.param());
        Object b = ParamPaths.first(request, rule.than());
        if (a == null || b == null) return;
        if (decimal(a).compareTo(decimal(b)) > 0) {
            add(
                    rule,
                    Problem.Kind.INVALID_VALUE,
                    rule.param(),
                    String.valueOf(a),
                    rule.param() + " (" + a + ") must not be greater than " + rule.than() + " (" + b + ")");
        }
    }

    private void equalsWhen(Rule rule) {
        if (!holds(rule.when())) return;
        for (ParamPaths.Found found : ParamPaths.find(request, rule.param())) {
            if (!sameValue(found.value(), rule.value())) {
                add(
                        rule,
                        Problem.Kind.INVALID_VALUE,
                        found.wirePath(),
                        shown(rule.param(), found.value()),
                        found.wirePath() + " must be " + rule.value() + " when "
                                + rule.when().describe() + " (got " + shown(rule.param(), found.value()) + ")");
            }
        }
    }

    /** Both times given and further apart than allowed (unparseable times are the format's problem). */
    private void maxSpan(Rule rule) {
        Object from = ParamPaths.first(request, rule.params().get(0));
        Object to = ParamPaths.first(request, rule.params().get(1));
        if (from == null || to == null) return;
        try {
            Duration span =
                    Duration.between(OffsetDateTime.parse(from.toString()), OffsetDateTime.parse(to.toString()));
            if (span.compareTo(rule.maxSpan()) > 0) {
                add(
                        rule,
                        Problem.Kind.INVALID_VALUE,
                        rule.params().get(0),
                        from.toString(),
                        rule.params().get(0) + " is more than " + rule.maxSpan().toDays() + " days before "
                                + rule.params().get(1));
            }
        } catch (DateTimeParseException e) {
            // reported by the isoDateTime format check
        }
    }

    boolean holds(Condition c) {
        if (c.kind() == Condition.Kind.PRESENT) return ParamPaths.present(request, c.param()) == c.present();
        Object value = ParamPaths.first(request, c.param());
        if (value == null) {
            Member m = ParamPaths.member(params, c.param());
            value = m == null ? null : m.defaultValue().orElse(null);
        }
        String actual = value == null ? null : comparable(c, value);
        return switch (c.kind()) {
            case EQUALS -> actual != null && actual.equals(c.values().get(0));
            case NOT_EQUALS -> actual == null || !actual.equals(c.values().get(0));
            case IN -> actual != null && c.values().contains(actual);
            case PRESENT -> throw new IllegalStateException("handled above");
        };
    }

    /** The condition reads an attribute of a given value that the model does not list. */
    private boolean unknowable(Condition c) {
        if (c.attr() == null || c.kind() == Condition.Kind.PRESENT) return false;
        Object value = ParamPaths.first(request, c.param());
        Member m = ParamPaths.member(params, c.param());
        if (value == null || m == null || m.enumName().isEmpty()) return false;
        return service.requireEnum(m.enumName().get()).find(text(value)).isEmpty();
    }

    /** The value itself, or the named attribute of its enum value (the family of an instance type). */
    private String comparable(Condition c, Object value) {
        if (c.attr() == null) return text(value);
        Member m = ParamPaths.member(params, c.param());
        if (m == null || m.enumName().isEmpty()) return null;
        Optional<Object> attr =
                service.requireEnum(m.enumName().get()).find(text(value)).flatMap(v -> v.attr(c.attr()));
        return attr.map(RuleChecker::text).orElse(null);
    }

    private static String text(Object v) {
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        return String.valueOf(v);
    }

    private static boolean sameValue(Object given, Object expected) {
        if (given instanceof BigDecimal || given instanceof Long) {
            try {
                return decimal(given).compareTo(new BigDecimal(String.valueOf(expected))) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return Objects.equals(text(given), text(expected));
    }

    private static BigDecimal decimal(Object v) {
        return v instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(v));
    }

    private String shown(String path, Object value) {
        return Values.shown(ParamPaths.member(params, path), value);
    }

    /**
     * The model's own wording when it has one (it explains the why), prefixed by the path unless it
     * already starts with it, and followed by the value given when the wording does not show it.
     */
    private void add(Rule rule, Problem.Kind kind, String path, String given, String fallback) {
        String message = fallback;
        if (rule.message() != null && rule.kind() != Rule.Kind.NOT_GREATER_THAN) {
            String top = path.split("\\.")[0];
            message = rule.message().startsWith(top) ? rule.message() : path + ": " + rule.message();
            if (given != null && !message.contains(given)) message += " (got '" + given + "')";
        }
        Problem p = Problem.error(kind, path, given, message);
        problems.add(rule.warning() ? p.asWarning() : p);
    }
}
