package io.kecsh.repl.shell;

import io.kecsh.dsl.engine.Verbs;
import io.kecsh.dsl.result.WaitStates;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The line of help shown below the input while typing (as aws-cli's auto-prompt and fish do): for
 * the parameter under the cursor its API name, type, whether required, range, default and allowed
 * values; for a verb with nothing typed yet, the action it calls. Everything is read from the model
 * and the verbs' {@link Verbs declarations}, the same ones validation and completion read.
 */
final class ParameterHint {
    /** How many allowed values are named before the count of the rest. */
    static final int VALUES_SHOWN = 6;

    private final DslVocabulary vocabulary;
    private final Supplier<LiveCatalogue> catalogue;
    private final Supplier<String> region;

    /** With the live catalogue and the region of the session (zones are those of its region). */
    ParameterHint(DslVocabulary vocabulary, Supplier<LiveCatalogue> catalogue, Supplier<String> region) {
        this.vocabulary = vocabulary;
        this.catalogue = catalogue;
        this.region = region;
    }

    /** The hint at a cursor position, or empty where there is nothing to say. */
    Optional<String> at(String buffer, int cursor) {
        CursorContext at = CursorAnalyser.analyse(buffer, cursor);
        if (at.call() == null) return Optional.empty();
        Class<?> context = vocabulary.contextOf(at.blocks());
        if (at.position() == CursorContext.Position.ARGUMENT && at.call().endsWith("waitUntil")) {
            String declared = WaitStates.declaredBy(context);
            return declared == null
                    ? Optional.empty()
                    : Optional.of("waitUntil: " + declared + " state, one of "
                            + String.join(", ", WaitStates.of(declared).keySet()));
        }
        Optional<DslVocabulary.Call> resolved = vocabulary.resolve(context, at.call());
        if (resolved.isEmpty()) return Optional.empty();
        DslVocabulary.Call call = resolved.get();
        return switch (at.position()) {
            case PARAM_VALUE -> Optional.of(parameter(call, at.param()));
            case PARAM_NAME ->
                Optional.of(exactWord(call, at.prefix())
                        .map(w -> parameter(call, w))
                        .orElseGet(() -> verb(call)));
            case ARGUMENT -> Optional.of(verb(call));
            default -> Optional.empty();
        };
    }

    /** A word typed in full ({@code run type}) is hinted before its colon. */
    private static Optional<String> exactWord(DslVocabulary.Call call, String prefix) {
        if (prefix.isEmpty()) return Optional.empty();
        if (call.verb() == null) return call.operation().param(prefix).map(m -> prefix);
        return call.verb().words(call.operation()).stream()
                .map(Verbs.Word::getWord)
                .filter(prefix::equals)
                .findFirst();
    }

    /** {@code run → RunInstances: Launch instances …}. */
    private static String verb(DslVocabulary.Call call) {
        Operation op = call.operation();
        String name = call.verb() == null ? op.name() : call.verb().getName() + " → " + op.name();
        return name + (op.summary() == null ? "" : ": " + op.summary());
    }

    private String parameter(DslVocabulary.Call call, String typed) {
        Operation op = call.operation();
        Verbs.Info verb = call.verb();
        Verbs.Word word;
        try {
            word = verb == null
                    ? new Verbs.Word(
                            typed,
                            Verbs.Word.Kind.PARAMETER,
                            op.param(typed).map(Member::name).orElse(typed))
                    : verb.word(op, typed);
        } catch (IllegalArgumentException unknown) {
            return unknown.getMessage();
        }
        List<String> parts = new ArrayList<>();
        switch (word.getKind()) {
            case FILTER -> parts.add(typed + " → filter " + word.getTarget());
            case OWN -> {
                String counted = verb.getCounts().get(typed);
                parts.add(typed + " → handled by " + verb.getName() + " itself"
                        + (counted == null ? "" : ", counts " + counted));
                if (counted != null)
                    op.param(counted)
                            .flatMap(Member::min)
                            .ifPresent(min -> parts.add("at least " + min.toPlainString()));
            }
            case PARAMETER ->
                op.param(word.getTarget())
                        .ifPresentOrElse(m -> member(typed, m, verb == null, parts), () -> parts.add(typed));
        }
        Service service = vocabulary.model().serviceOf(op);
        ShellCompleter.enumOf(call, typed, service).ifPresent(e -> parts.add(values(service, e)));
        // the prose last: a narrow terminal cuts the line's end, and the allowed values matter more
        if (word.getKind() == Verbs.Word.Kind.PARAMETER)
            op.param(word.getTarget()).map(Member::doc).ifPresent(doc -> parts.add(ShellCompleter.brief(doc)));
        return String.join(" · ", parts);
    }

    /**
     * Type, range and default of the member (its gloss comes last, after the allowed values). "required" only for an action called by its API
     * name: a verb may fill what the API requires (run's image, subnet …) and refuses itself what it cannot.
     */
    private static void member(String typed, Member m, boolean apiCall, List<String> parts) {
        parts.add((typed.equals(m.name()) ? typed : typed + " → " + m.name()) + ": "
                + m.type().label()
                + (m.member() != null ? " of " + m.member().type().label() : ""));
        if (m.required() && apiCall) parts.add("required");
        range(m).ifPresent(parts::add);
        m.defaultValue().ifPresent(d -> parts.add("default " + d));
    }

    /** {@code 1–100}, {@code ≥ 1}, {@code ≤ 64 characters}; empty when the model gives no bound. */
    private static Optional<String> range(Member m) {
        Optional<BigDecimal> min = m.min();
        Optional<BigDecimal> max = m.max();
        if (min.isPresent() && max.isPresent())
            return Optional.of(min.get().toPlainString() + "–" + max.get().toPlainString());
        if (min.isPresent()) return Optional.of("≥ " + min.get().toPlainString());
        if (max.isPresent()) return Optional.of("≤ " + max.get().toPlainString());
        if (m.maxLength().isPresent()) return Optional.of("≤ " + m.maxLength().get() + " characters");
        return Optional.empty();
    }

    private String values(Service service, EnumDef e) {
        List<EnumValue> known = KnownValues.inRegion(KnownValues.of(service, e, catalogue.get()), region.get());
        List<String> shown =
                known.stream().limit(VALUES_SHOWN).map(EnumValue::value).toList();
        String rest = known.size() > VALUES_SHOWN ? " … (" + known.size() + ")" : "";
        return (e.open() ? "e.g. " : "one of ") + String.join(", ", shown) + rest;
    }
}
