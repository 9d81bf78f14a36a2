package io.kecsh.repl.shell;

import io.kecsh.dsl.Verbs;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code :help Action} and {@code :help verb}, from the model's docs: the English summary and the
 * original Chinese title, then each parameter with its type, whether it is required, and its
 * allowed values (or how many there are).
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
        StringBuilder out = new StringBuilder();
        for (Class<?> context : io.kecsh.dsl.ide.DslClasses.reachable()) {
            Verbs.Info verb = Verbs.of(context).get(topic);
            if (verb == null) continue;
            Operation op = model.requireOperation(verb.getAction());
            out.append(context.getSimpleName().replace("Context", "")).append(" { ").append(topic).append(" … } calls ")
                .append(operation(op, verb)).append('\n');
        }
        if (out.length() > 0) return out.toString().trim();
        if (action.isPresent()) return operation(action.get(), null);
        List<String> known = new ArrayList<>(vocabulary.allWords());
        model.operations().forEach(op -> known.add(op.name()));
        throw new IllegalArgumentException(":help: no verb or action '" + topic + "'" + Suggestions.didYouMean(topic, known));
    }

    private String operation(Operation op, Verbs.Info verb) {
        Service service = model.serviceOf(op);
        StringBuilder out = new StringBuilder();
        out.append(service.name()).append('.').append(op.name()).append(" — ").append(op.summary());
        if (op.titleZh() != null) out.append("\n  ").append(op.titleZh());
        if (op.docZh() != null && !op.docZh().isBlank()) out.append("\n  ").append(op.docZh().strip().replace("\n", "\n  "));
        if (op.destructive()) out.append("\n  destructive: the shell asks before it is sent");
        List<Verbs.Word> words = verb == null ? List.of() : verb.words(op);
        words.stream().filter(w -> w.getParameter() == null).forEach(w -> out.append("\n  ").append(w.getWord()).append(": ")
            .append(w.getKind() == Verbs.Word.Kind.FILTER ? "filter " + w.getTarget() : "handled by " + verb.getName() + " itself"));
        out.append("\nParameters").append(verb == null ? "" : !verb.getFilters().isEmpty() || verb.isClosed()
            ? " (" + verb.getName() + " takes only the words shown)" : " (" + verb.getName() + " also takes each in lower camel)").append(':');
        for (Map.Entry<String, Member> p : op.params().entrySet()) {
            Member m = p.getValue();
            out.append("\n  ").append(p.getKey()).append(" (").append(m.type().label()).append(m.required() ? ", required" : "").append(')');
            // The words the verb takes for it (its lower camel form goes without saying).
            words.stream().filter(w -> p.getKey().equals(w.getParameter()) && !w.getWord().equals(lowerCamel(p.getKey())))
                .forEach(w -> out.append(" as ").append(w.getWord()).append(':'));
            if (m.doc() != null) out.append(" ").append(m.doc());
            enumOf(service, m).ifPresent(e -> out.append("\n      one of: ").append(values(e)).append(openness(service, e)));
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
            List<String> shown = live.stream().limit(LISTED_VALUES).map(v -> v.value()
                + (v.attr("vcpu").isPresent() ? " (" + ShellCompleter.describe(v) + ")" : "")).toList();
            out.append("\n      and ").append(live.size()).append(" more the live catalogue lists: ").append(String.join(", ", shown))
                .append(live.size() > LISTED_VALUES ? " …" : "");
        }
        out.append("\n      open: a value no source lists is sent with a warning when it has the usual form, refused when it does not");
        return out.toString();
    }

    private static String values(EnumDef e) {
        List<String> names = e.names();
        if (names.size() <= LISTED_VALUES) return String.join(", ", names);
        return String.join(", ", names.subList(0, LISTED_VALUES)) + " … (" + names.size() + " values; TAB completes them)";
    }
}
