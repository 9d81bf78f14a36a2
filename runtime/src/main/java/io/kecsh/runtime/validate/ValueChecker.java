package io.kecsh.runtime.validate;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.text.NaturalOrder;
import io.kecsh.runtime.text.Suggestions;
import io.kecsh.runtime.text.UserText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks typed values against their members: enumerations, ranges, lengths, patterns, formats. */
final class ValueChecker {
    private static final int LIST_ALL_UP_TO = 20;

    private final Service service;
    private final Formats formats;
    private final String operation;
    private final List<Problem> problems;
    private final LiveCatalogue catalogue;

    ValueChecker(Service service, Formats formats, String operation, List<Problem> problems, LiveCatalogue catalogue) {
        this.service = service;
        this.catalogue = catalogue;
        this.formats = formats;
        this.operation = operation;
        this.problems = problems;
    }

    void check(Member member, Object value, String path) {
        switch (member.type()) {
            case STRING -> string(member, (String) value, path);
            case INTEGER, LONG, FLOAT -> number(member, value, path);
            case LIST -> list(member, (List<?>) value, path);
            case STRUCTURE -> structure(member, castMap(value), path);
            case BOOLEAN -> {}
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private void string(Member member, String value, String path) {
        if (member.maxLength().filter(max -> value.length() > max).isPresent()) {
            // Too long says it all; no enumeration, pattern or format check spends time on a megabyte.
            invalid(
                    member,
                    value,
                    path,
                    "must be at most " + member.maxLength().get() + " characters" + lengthRange(member));
            return;
        }
        member.enumName().ifPresent(name -> enumValue(service.requireEnum(name), member, value, path));
        member.minLength()
                .filter(min -> value.length() < min)
                .ifPresent(min ->
                        invalid(member, value, path, "must be at least " + min + " characters" + lengthRange(member)));
        member.pattern()
                .filter(p -> !p.matcher(value).matches())
                .ifPresent(p -> invalid(member, value, path, "must match " + p.pattern()));
        member.format()
                .flatMap(f -> formats.check(f, value, member.maxBytes().orElse(null)))
                .ifPresent(why -> invalid(member, value, path, why));
    }

    private static String lengthRange(Member member) {
        if (member.minLength().isPresent() && member.maxLength().isPresent()) {
            return " (" + member.minLength().get() + "-" + member.maxLength().get() + ")";
        }
        return "";
    }

    void enumValue(EnumDef enumDef, Member member, String value, String path) {
        if (enumDef.contains(value)) return;
        EnumDef root = enumDef.subsetOf().flatMap(service::enumDef).orElse(enumDef);
        Optional<List<String>> live = root.open()
                ? catalogue
                        .values(service.name(), root.name())
                        .map(values -> values.stream().map(EnumValue::value).toList())
                : Optional.empty();
        OpenValueRule.Verdict verdict = OpenValueRule.judge(enumDef, root, value, live);
        if (verdict == OpenValueRule.Verdict.LISTED) return;
        List<String> names = known(enumDef, live);
        List<String> close = Suggestions.closest(value, names, enumDef.alsoSaid());
        if (verdict == OpenValueRule.Verdict.UNKNOWN) {
            String nearest = close.isEmpty() ? allowed(names, value) : "nearest known: " + Suggestions.orList(close);
            problems.add(new Problem(
                    Problem.Kind.INVALID_VALUE,
                    true,
                    path,
                    Values.shown(member, value),
                    path + ": " + Values.quoted(member, value) + " is not among the " + displayName(enumDef)
                            + " values kecsh knows (" + nearest
                            + "); no live catalogue is at hand, so it is sent as given and the server decides",
                    names,
                    close));
            return;
        }
        String hint = close.isEmpty() ? "" : " (did you mean " + Suggestions.orList(close) + "?)";
        Optional<EnumDef> parent = enumDef.subsetOf().flatMap(service::enumDef);
        String what;
        if (parent.isPresent() && parent.get().contains(value)) {
            what = Values.quoted(member, value) + " is a valid " + parent.get().name() + " but " + operation
                    + " does not accept it" + hint + "; " + allowed(names, value);
        } else {
            what = Values.quoted(member, value) + " is not a valid " + displayName(enumDef) + hint + "; "
                    + allowed(names, value);
        }
        problems.add(new Problem(
                Problem.Kind.INVALID_VALUE,
                false,
                path,
                Values.shown(member, value),
                path + ": " + what,
                names,
                close));
    }

    /** The enumeration's own values, then those only the live catalogue lists. */
    private static List<String> known(EnumDef enumDef, Optional<List<String>> live) {
        if (live.isEmpty()) return enumDef.names();
        LinkedHashSet<String> all = new LinkedHashSet<>(enumDef.names());
        all.addAll(live.get());
        return new ArrayList<>(all);
    }

    private static String displayName(EnumDef e) {
        return e.subsetOf().orElse(e.name());
    }

    /** All values when few; otherwise those sharing the given value's prefix (its family), else a count. */
    static String allowed(List<String> names, String given) {
        if (names.size() <= LIST_ALL_UP_TO) return "allowed: " + String.join(", ", names);
        int dot = given.indexOf('.');
        if (dot > 0) {
            String prefix = given.substring(0, dot + 1);
            List<String> family = names.stream()
                    .filter(n -> n.startsWith(prefix))
                    .sorted(NaturalOrder.INSTANCE)
                    .toList();
            if (!family.isEmpty()) {
                return "allowed " + UserText.shown(given.substring(0, dot)) + " values: " + String.join(", ", family)
                        + " (" + names.size() + " values in all)";
            }
        }
        return "one of " + names.size() + " values, e.g. " + String.join(", ", names.subList(0, 6)) + "…";
    }

    private void number(Member member, Object value, String path) {
        BigDecimal n = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
        String range = range(member);
        member.min()
                .filter(min -> n.compareTo(min) < 0)
                .ifPresent(min -> invalid(member, value, path, "must be at least " + plain(min) + range));
        if (!member.clampMax()) {
            member.max()
                    .filter(max -> n.compareTo(max) > 0)
                    .ifPresent(max -> invalid(member, value, path, "must be at most " + plain(max) + range));
        }
        member.maxDecimals()
                .filter(d -> n.stripTrailingZeros().scale() > d)
                .ifPresent(d -> invalid(member, value, path, "may have at most " + d + " decimal places"));
    }

    private static String range(Member member) {
        if (member.min().isPresent() && member.max().isPresent()) {
            return " (" + plain(member.min().get()) + "-" + plain(member.max().get()) + ")";
        }
        return "";
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    private void list(Member member, List<?> items, String path) {
        member.maxItems()
                .filter(max -> items.size() > max)
                .ifPresent(max -> problems.add(Problem.error(
                        Problem.Kind.INVALID_VALUE,
                        path,
                        items.size() + " items",
                        path + ": at most " + max + " items per call, got " + items.size())));
        member.minItems()
                .filter(min -> items.size() < min)
                .ifPresent(min -> problems.add(Problem.error(
                        Problem.Kind.INVALID_VALUE,
                        path,
                        items.size() + " items",
                        path + ": at least " + min + " items needed, got " + items.size())));
        // beyond the limit the list is refused as a whole: its surplus items are not checked one by
        // one (a list of lists far over its limits would otherwise cost a problem per inner item)
        int checked = member.maxItems().map(max -> Math.min(items.size(), max)).orElse(items.size());
        for (int n = 1; n <= checked; n++) check(member.member(), items.get(n - 1), path + "." + n);
    }

    private void structure(Member member, Map<String, Object> value, String path) {
        for (Map.Entry<String, Member> e : member.members().entrySet()) {
            Object v = value.get(e.getKey());
            if (v == null) {
                if (e.getValue().required()) {
                    problems.add(Problem.error(
                            Problem.Kind.MISSING,
                            path + "." + e.getKey(),
                            null,
                            path + "." + e.getKey() + ": required"
                                    + (e.getValue().doc().isEmpty()
                                            ? ""
                                            : " (" + e.getValue().doc() + ")")));
                }
                continue;
            }
            check(e.getValue(), v, path + "." + e.getKey());
        }
        filterValues(member, value, path);
    }

    /** A filter's values must come from the enum its name declares (instance-state.name → states). */
    private void filterValues(Member member, Map<String, Object> value, String path) {
        Member nameMember = member.members().get("Name");
        Member valueMember = member.members().get("Value");
        if (nameMember == null || valueMember == null || nameMember.enumName().isEmpty()) return;
        Object name = value.get("Name");
        if (!(name instanceof String n)) return;
        Optional<String> valueEnum =
                service.requireEnum(nameMember.enumName().get()).find(n).flatMap(EnumValue::valueEnum);
        if (valueEnum.isEmpty() || value.get("Value") == null) return;
        EnumDef values = service.requireEnum(valueEnum.get());
        Object given = value.get("Value");
        List<?> items = given instanceof List<?> l ? l : List.of(given);
        int i = 1;
        for (Object item : items) {
            String itemPath = valueMember.type().isScalar() ? path + ".Value" : path + ".Value." + i;
            enumValue(
                    values,
                    valueMember.type().isScalar() ? valueMember : valueMember.member(),
                    String.valueOf(item),
                    itemPath);
            i++;
        }
    }

    private void invalid(Member member, Object value, String path, String why) {
        problems.add(Problem.error(
                Problem.Kind.INVALID_VALUE,
                path,
                Values.shown(member, value),
                path + ": " + Values.quoted(member, value) + " " + why));
    }
}
