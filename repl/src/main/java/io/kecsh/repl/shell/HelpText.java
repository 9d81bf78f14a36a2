package io.kecsh.repl.shell;

import io.kecsh.dsl.CloudScript;
import io.kecsh.dsl.engine.Verbs;
import io.kecsh.dsl.ide.DslClasses;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.config.ProfileKey;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code :help Action}, {@code :help verb} and {@code :help block}, read from the model's docs and
 * the DSL's own declarations ({@link Verbs.Info}, the blocks {@link DslVocabulary} finds), never
 * typed here. An action: its summary, Chinese title and every API parameter. A verb: the words a
 * person types for it, each with the API parameter it fills, its type, whether it is required —
 * not when the DSL fills it (a count, a default from {@code defaults { }} or the profile) — and
 * its allowed values; then the call it makes. A block: its verbs and the calls they make.
 */
final class HelpText {
    private static final int LISTED_VALUES = 8;
    private final ServiceModel model;
    private final DslVocabulary vocabulary;
    private final Supplier<LiveCatalogue> catalogue;

    HelpText(DslVocabulary vocabulary) {
        this(vocabulary, () -> LiveCatalogue.NONE);
    }

    HelpText(DslVocabulary vocabulary, Supplier<LiveCatalogue> catalogue) {
        this.vocabulary = vocabulary;
        this.model = vocabulary.model();
        this.catalogue = catalogue;
    }

    /** Help for a verb of any context ({@code stop} → "instances: stop = StopInstances …") or an action. */
    String of(String topic) {
        Optional<Operation> action = model.findOperation(topic);
        // An action by its exact name; a verb before an action whose name differs only in case (importKey, ImportKey).
        if (action.isPresent() && action.get().answersTo(topic)) return operation(action.get(), null);
        Class<?> block = vocabulary.open(CloudScript.class, topic);
        StringBuilder out = new StringBuilder();
        // a block word may also be a verb of other blocks (snapshots { } and volumes { snapshots … }): both are shown
        if (block != null && !Verbs.of(block).isEmpty())
            out.append(block(topic, block)).append("\n\n");
        for (Class<?> context : DslClasses.reachable()) {
            Verbs.Info verb = Verbs.of(context).get(topic);
            if (verb == null) continue;
            Operation op = model.requireOperation(verb.getAction());
            out.append(blockWord(context))
                    .append(" { ")
                    .append(topic)
                    .append(" … } calls ")
                    .append(verb(op, verb))
                    .append("\n\n");
        }
        if (out.length() > 0) return out.toString().trim();
        if (action.isPresent()) return operation(action.get(), null);
        List<String> known = new ArrayList<>(vocabulary.allWords());
        model.operations().forEach(op -> known.add(op.name()));
        throw new IllegalArgumentException(
                ":help: no verb or action '" + topic + "'" + Suggestions.didYouMean(topic, known));
    }

    /** The word that opens a context's block, as the script spells it ({@code instances}). */
    private String blockWord(Class<?> context) {
        for (String word : vocabulary.wordsIn(CloudScript.class)) {
            if (vocabulary.open(CloudScript.class, word) == context) return word;
        }
        String name = context.getSimpleName().replace("Context", "");
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** A block: each verb with the call it makes and the call's summary. */
    private String block(String word, Class<?> context) {
        StringBuilder out = new StringBuilder(word)
                .append(" { … }: the verbs of the block, each one call (:help VERB for its words)");
        Map<String, Verbs.Info> verbs = Verbs.of(context);
        int width = verbs.keySet().stream().mapToInt(String::length).max().orElse(0);
        verbs.forEach((name, info) -> {
            Operation op = model.requireOperation(info.getAction());
            out.append(String.format(
                    "%n  %-" + width + "s  %s.%s — %s",
                    name,
                    model.serviceOf(op).name(),
                    op.name(),
                    op.summary()));
        });
        List<String> others = new ArrayList<>(vocabulary.wordsIn(context));
        others.removeAll(verbs.keySet());
        others.removeAll(vocabulary.wordsIn(CloudScript.class));
        if (!others.isEmpty()) out.append("\nAlso: ").append(String.join(", ", others));
        out.append("\nAs a property: ").append(word).append(".where(…).stop() and the like.");
        return out.toString();
    }

    /** A verb: the words a person types, what each fills, and the call. */
    private String verb(Operation op, Verbs.Info verb) {
        Service service = model.serviceOf(op);
        StringBuilder out = new StringBuilder();
        out.append(service.name()).append('.').append(op.name()).append(" — ").append(op.summary());
        if (op.titleZh() != null) out.append("\n  ").append(op.titleZh());
        if (op.destructive()) out.append("\n  destructive: the shell asks before it is sent");
        Map<String, String> defaulted = defaultedParameters(op);
        List<Verbs.Word> words = verb.words(op);
        int width = words.stream().mapToInt(w -> w.getWord().length()).max().orElse(0) + 1;
        out.append("\nWords ")
                .append(verb.getName())
                .append(" takes")
                .append(verb.isClosed() || !verb.getFilters().isEmpty() ? " (only these)" : "")
                .append(':');
        for (Verbs.Word w : words) {
            out.append(String.format("%n  %-" + width + "s ", w.getWord() + ":"));
            String counted = verb.getCounts().get(w.getWord());
            if (counted != null) {
                out.append("how many: fills ").append(counted);
                op.param(counted)
                        .flatMap(Member::max)
                        .ifPresent(max ->
                                out.append(", split into calls of at most ").append(max.toPlainString()));
            } else if (w.getKind() == Verbs.Word.Kind.FILTER) {
                out.append("filter ").append(w.getTarget());
            } else if (w.getKind() == Verbs.Word.Kind.OWN) {
                out.append("handled by ").append(verb.getName()).append(" itself");
            } else {
                Member m = op.params().get(w.getParameter());
                if (m == null) continue;
                if (w.getParameter().equals(verb.getSelected())) {
                    // required by the action, but the verb sends the chosen instances' ids itself
                    out.append(w.getParameter())
                            .append(" (")
                            .append(m.type().label())
                            .append("), from the selection (where …)");
                    continue;
                }
                if (w.getParameter().equals(verb.getArgument())) {
                    // required by the action, but typed as the verb's argument, without its name
                    out.append(w.getParameter())
                            .append(" (")
                            .append(m.type().label())
                            .append("), from the argument (")
                            .append(verb.getName())
                            .append(" …)");
                    continue;
                }
                String dflt = defaulted.get(w.getParameter());
                boolean required =
                        m.required() && dflt == null && !verb.getCounts().containsValue(w.getParameter());
                out.append(w.getParameter())
                        .append(" (")
                        .append(m.type().label())
                        .append(required ? ", required" : "")
                        .append(')');
                if (dflt != null) out.append(", default: ").append(dflt);
                else m.defaultValue().ifPresent(d -> out.append(", default ").append(d));
                enumOf(service, m)
                        .ifPresent(e -> out.append(String.format("%n  %" + width + "s  one of: ", ""))
                                .append(values(e)));
            }
        }
        out.append("\nCalls ")
                .append(service.name())
                .append('.')
                .append(op.name())
                .append(" (:help ")
                .append(op.name())
                .append(" for every API parameter)");
        return out.toString();
    }

    /**
     * The parameters the DSL fills when a script leaves them out, with where the value comes from:
     * the settings {@code defaults { }} and the profile give ({@link ProfileKey}, which names the
     * RunInstances parameter each fills).
     */
    private static Map<String, String> defaultedParameters(Operation op) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!op.name().equals("RunInstances")) return out;
        for (ProfileKey k : ProfileKey.values()) {
            if (k.defaultName().isEmpty() || k.runInstancesParameter().isEmpty()) continue;
            out.put(
                    k.runInstancesParameter().get(),
                    "defaults { " + k.defaultName().get() + " '…' } or " + k.key() + " in ~/.kecsh/config");
        }
        return out;
    }

    private String operation(Operation op, Verbs.Info verb) {
        Service service = model.serviceOf(op);
        StringBuilder out = new StringBuilder();
        out.append(service.name()).append('.').append(op.name()).append(" — ").append(op.summary());
        if (op.titleZh() != null) out.append("\n  ").append(op.titleZh());
        if (op.docZh() != null && !op.docZh().isBlank())
            out.append("\n  ").append(op.docZh().strip().replace("\n", "\n  "));
        if (op.destructive()) out.append("\n  destructive: the shell asks before it is sent");
        List<Verbs.Word> words = verb == null ? List.of() : verb.words(op);
        words.stream()
                .filter(w -> w.getParameter() == null)
                .forEach(w -> out.append("\n  ")
                        .append(w.getWord())
                        .append(": ")
                        .append(
                                w.getKind() == Verbs.Word.Kind.FILTER
                                        ? "filter " + w.getTarget()
                                        : "handled by " + verb.getName() + " itself"));
        out.append("\nParameters")
                .append(
                        verb == null
                                ? ""
                                : !verb.getFilters().isEmpty() || verb.isClosed()
                                        ? " (" + verb.getName() + " takes only the words shown)"
                                        : " (" + verb.getName() + " also takes each in lower camel)")
                .append(':');
        for (Map.Entry<String, Member> p : op.params().entrySet()) {
            Member m = p.getValue();
            out.append("\n  ")
                    .append(p.getKey())
                    .append(" (")
                    .append(m.type().label())
                    .append(m.required() ? ", required" : "")
                    .append(')');
            // The words the verb takes for it (its lower camel form goes without saying).
            words.stream()
                    .filter(w ->
                            p.getKey().equals(w.getParameter()) && !w.getWord().equals(lowerCamel(p.getKey())))
                    .forEach(w -> out.append(" as ").append(w.getWord()).append(':'));
            if (m.doc() != null) out.append(" ").append(m.doc());
            enumOf(service, m)
                    .ifPresent(e ->
                            out.append("\n      one of: ").append(values(e)).append(openness(service, e)));
        }
        return out.toString();
    }

    /** {@code InstanceType} → {@code instanceType}, as the DSL spells an API name. */
    private static String lowerCamel(String api) {
        return Character.toLowerCase(api.charAt(0)) + api.substring(1);
    }

    private static Optional<EnumDef> enumOf(Service service, Member m) {
        Member scalar = m.member() != null ? m.member() : m;
        return scalar.enumName().flatMap(service::enumDef);
    }

    /** For an open enumeration: what the live catalogue adds, and what happens to a value nobody lists. */
    private String openness(Service service, EnumDef e) {
        if (!e.open()) return "";
        List<EnumValue> live = KnownValues.liveOnly(service, e, catalogue.get());
        StringBuilder out = new StringBuilder();
        if (!live.isEmpty()) {
            List<String> shown = live.stream()
                    .limit(LISTED_VALUES)
                    .map(v -> v.value() + (v.attr("vcpu").isPresent() ? " (" + ShellCompleter.describe(v) + ")" : ""))
                    .toList();
            out.append("\n      and ")
                    .append(live.size())
                    .append(" more the live catalogue lists: ")
                    .append(String.join(", ", shown))
                    .append(live.size() > LISTED_VALUES ? " …" : "");
        }
        out.append(
                "\n      open: a value no source lists is sent with a warning when it has the usual form, refused when it does not");
        return out.toString();
    }

    private static String values(EnumDef e) {
        List<String> names = e.names();
        if (names.size() <= LISTED_VALUES) return String.join(", ", names);
        return String.join(", ", names.subList(0, LISTED_VALUES)) + " … (" + names.size()
                + " values; TAB completes them)";
    }
}
