package io.kecsh.repl.shell;

import io.kecsh.dsl.engine.ParameterNames;
import io.kecsh.dsl.engine.Verbs;
import io.kecsh.dsl.ide.DslClasses;
import io.kecsh.dsl.result.WaitStates;
import io.kecsh.dsl.result.WaitsFor;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Completion from the model and the DSL: block words and verbs where a word goes, a proxy's
 * actions after {@code kec.}, the named parameters of the call under the cursor, enumerated
 * values (instance types with their vCPU and memory beside them, the model's and those only the
 * live catalogue lists) and live ids for a
 * parameter's value, shell commands after {@code :}.
 */
final class ShellCompleter implements Completer {
    private static final String WAIT = "waitUntil";
    private final DslVocabulary vocabulary;
    private final ShellCommands commands;
    private final LiveIds liveIds;
    /** Descriptions beyond this are cut, so the column they stand in stays near the candidates. */
    static final int DESCRIPTION_WIDTH = 48;

    private final Supplier<LiveCatalogue> catalogue;
    private final Supplier<String> region;
    private final Function<String, Object> variables;

    ShellCompleter(DslVocabulary vocabulary, ShellCommands commands, LiveIds liveIds) {
        this(vocabulary, commands, liveIds, () -> LiveCatalogue.NONE);
    }

    /** With the live catalogue of the session's region (never waited for: what is known now). */
    ShellCompleter(
            DslVocabulary vocabulary, ShellCommands commands, LiveIds liveIds, Supplier<LiveCatalogue> catalogue) {
        this(vocabulary, commands, liveIds, catalogue, () -> null, name -> null);
    }

    /**
     * With the session's region (zones are offered for it alone) and its variables (what {@code web}
     * holds decides the states {@code web.waitUntil '} offers).
     */
    ShellCompleter(
            DslVocabulary vocabulary,
            ShellCommands commands,
            LiveIds liveIds,
            Supplier<LiveCatalogue> catalogue,
            Supplier<String> region,
            Function<String, Object> variables) {
        this.vocabulary = vocabulary;
        this.commands = commands;
        this.liveIds = liveIds;
        this.catalogue = catalogue;
        this.region = region;
        this.variables = variables;
    }

    /**
     * What one TAB finds: the candidates, and a line to show above the prompt when there is
     * something to say about them (ids still being read), else null.
     */
    record Completion(List<Candidate> candidates, String notice) {}

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> out) {
        Completion found = completion(line.line(), line.cursor());
        out.addAll(found.candidates());
        // JLine shows no candidates as a bell: without this line, ids still being read would look like none
        if (found.notice() != null) reader.printAbove(found.notice());
    }

    /** The candidates at a cursor position (the unit the tests drive). */
    List<Candidate> candidates(String buffer, int cursor) {
        return completion(buffer, cursor).candidates();
    }

    /** The candidates at a cursor position, with what to say about them. */
    Completion completion(String buffer, int cursor) {
        List<String> notices = new ArrayList<>(1);
        List<Candidate> found = candidates(buffer, cursor, notices);
        return new Completion(found, notices.isEmpty() ? null : notices.get(0));
    }

    private List<Candidate> candidates(String buffer, int cursor, List<String> notices) {
        CursorContext at = CursorAnalyser.analyse(buffer, cursor);
        Class<?> context = vocabulary.contextOf(at.blocks());
        List<Candidate> out = new ArrayList<>();
        if (at.position() == CursorContext.Position.ARGUMENT && at.call().endsWith(WAIT)) {
            waitStates(context, at, out);
            return out;
        }
        switch (at.position()) {
            case ARGUMENT ->
                vocabulary.resolve(context, at.call()).ifPresent(call -> positional(call, at, out, notices));
            case COMMAND -> out.addAll(commands.candidates(at.call()));
            case WORD -> {
                Set<String> verbs = Verbs.of(context).keySet();
                for (String word : vocabulary.wordsIn(context)) {
                    // not "complete": JLine would add a space, and the user types " {" or " type:" next (instances  {)
                    out.add(candidate(word, word, verbs.contains(word) ? "verb" : "word", null, false));
                }
            }
            case MEMBER -> members(context, at.receiver(), out);
            case PARAM_NAME ->
                vocabulary.resolve(context, at.call()).ifPresent(call -> parameterNames(call, at.prefix(), out));
            case PARAM_VALUE ->
                vocabulary.resolve(context, at.call()).ifPresent(call -> values(call, at, out, notices));
            default -> {}
        }
        return out;
    }

    /**
     * {@code waitUntil '…'}: the states of the resource the call waits on, from its {@link WaitsFor};
     * on a variable ({@code web.waitUntil '}) every resource's states, as the compile-time check allows.
     */
    private void waitStates(Class<?> context, CursorContext at, List<Candidate> out) {
        String call = at.call();
        int dot = call.lastIndexOf('.');
        Class<?> owner = dot < 0 ? context : receiverType(context, call.substring(0, dot));
        String declared = owner == null ? null : WaitStates.declaredBy(owner);
        Map<String, Map<String, String>> groups =
                declared == null ? WaitStates.all() : Map.of(declared, WaitStates.of(declared));
        Set<String> seen = new LinkedHashSet<>();
        groups.forEach((resource, states) -> states.forEach((state, waiter) -> {
            if (seen.add(state)) out.add(quoted(state, at, "state", resource + ": " + waiter));
        }));
    }

    /**
     * The type of what stands before {@code .waitUntil}: a block's result ({@code instances{run}}: what
     * its last verb returns, else the block's context), a call's ({@code instances.where()}), a
     * variable of the session (its value's class), or a block word ({@code instances}); null when unknown.
     */
    private Class<?> receiverType(Class<?> context, String receiver) {
        if (receiver.endsWith("}")) {
            int brace = receiver.indexOf('{');
            Class<?> block = vocabulary.open(context, lastPart(receiver.substring(0, brace)));
            String verb = receiver.substring(brace + 1, receiver.length() - 1);
            Class<?> returned = block == null || verb.isEmpty() ? null : returnType(block, verb);
            return returned != null && WaitStates.declaredBy(returned) != null ? returned : block;
        }
        if (receiver.endsWith("()")) {
            String called = receiver.substring(0, receiver.length() - 2);
            int dot = called.lastIndexOf('.');
            Class<?> owner = dot < 0 ? context : vocabulary.open(context, lastPart(called.substring(0, dot)));
            return owner == null ? null : returnType(owner, called.substring(dot + 1));
        }
        String word = lastPart(receiver);
        Object value = receiver.contains(".") ? null : variables.apply(word);
        if (value != null) return value.getClass();
        return vocabulary.open(context, word);
    }

    private static Class<?> returnType(Class<?> owner, String method) {
        for (Method m : owner.getMethods()) {
            if (m.getName().equals(method) && m.getReturnType() != Object.class) return m.getReturnType();
        }
        return null;
    }

    private static String lastPart(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }

    /**
     * A verb's positional value ({@code terminate '}, {@code stop '}, {@code attach '}): the live ids
     * of the id its action takes that none of the verb's own names fills ({@code attach key, to: web}:
     * the key, {@code to:} is the instance).
     */
    private void positional(DslVocabulary.Call call, CursorContext at, List<Candidate> out, List<String> notices) {
        Set<String> named = call.verb() == null
                ? Set.of()
                : new HashSet<>(call.verb().getNames().values());
        // the verb's declared argument first (keys { delete ' is a KeyId), else the first id none of its names fills
        String declared = call.verb() == null ? null : call.verb().getArgument();
        (declared != null && liveIds.lists(declared)
                        ? Optional.of(declared)
                        : call.operation().params().keySet().stream()
                                .filter(p -> p.endsWith("Id") && !named.contains(p) && liveIds.lists(p))
                                .findFirst())
                .ifPresent(param -> liveIdCandidates(param, false, at, out, notices));
    }

    private void members(Class<?> context, String receiver, List<Candidate> out) {
        if (receiver == null) return;
        String word = receiver.substring(receiver.lastIndexOf('.') + 1);
        Class<?> opened = vocabulary.open(context, word);
        if (opened != null) {
            Set<String> verbs = Verbs.of(opened).keySet();
            for (Method m : DslClasses.dslMethods(opened)) {
                if (m.getName().startsWith("get") || m.getName().startsWith("set")) continue;
                out.add(candidate(
                        m.getName(), m.getName(), verbs.contains(m.getName()) ? "verb" : "word", null, false));
            }
        }
        vocabulary.serviceOf(word).ifPresent(service -> {
            for (Operation op : vocabulary.model().requireService(service).operations()) {
                out.add(candidate(op.name(), op.name(), "action", brief(op.summary()), false));
            }
        });
    }

    /**
     * The words the verb offers, as its declaration reads them ({@link Verbs.Info#words}: a selection
     * its filters and own keys, {@code kms { upgrade … }} only its quota words), then the API names,
     * which a verb that takes parameters also accepts; a {@code kec.Action(} call its API names.
     * Each says what it is: the API parameter it fills, a filter, or a word the verb handles itself.
     */
    private void parameterNames(DslVocabulary.Call call, String prefix, List<Candidate> out) {
        Operation op = call.operation();
        Verbs.Info verb = call.verb();
        // A verb offers the words a person types, each parameter once; its API names when the user starts with a
        // capital.
        boolean apiNames = verb == null || !prefix.isEmpty() && Character.isUpperCase(prefix.charAt(0));
        Map<String, Verbs.Word> words = new LinkedHashMap<>();
        if (!apiNames) {
            Set<String> filled = new HashSet<>();
            for (Verbs.Word w : verb.words(op)) {
                if (w.getParameter() == null || filled.add(w.getParameter())) words.put(w.getWord(), w);
            }
        } else if (verb == null || (verb.getFilters().isEmpty() && !verb.isClosed())) {
            for (String api : op.params().keySet())
                words.putIfAbsent(
                        api, verb == null ? new Verbs.Word(api, Verbs.Word.Kind.PARAMETER, api) : verb.word(op, api));
        }
        for (Verbs.Word w : words.values())
            out.add(candidate(w.getWord() + ": ", w.getWord() + ":", "parameter", brief(describe(verb, op, w)), false));
    }

    /** A description short enough to stand in a column beside the candidates (its first clause, cut). */
    static String brief(String description) {
        if (description == null) return null;
        String one = description.lines().findFirst().orElse("").strip();
        return one.length() <= DESCRIPTION_WIDTH
                ? one
                : one.substring(0, DESCRIPTION_WIDTH - 1).stripTrailing() + "…";
    }

    /** {@code InstanceType: string, required — …}, {@code filter instance-state.name}, {@code handled by run itself}. */
    private static String describe(Verbs.Info verb, Operation op, Verbs.Word w) {
        return switch (w.getKind()) {
            case OWN -> "handled by " + verb.getName() + " itself";
            case FILTER -> "filter " + w.getTarget();
            case PARAMETER -> {
                Member m = op.param(w.getTarget()).orElse(null);
                // "required" only for an API call: a verb fills some of what its action requires (run's image, subnet)
                yield w.getTarget()
                        + (m == null
                                ? ""
                                : ": " + m.type().label() + (m.required() && verb == null ? ", required" : "")
                                        + (m.doc() == null ? "" : " — " + m.doc()));
            }
        };
    }

    private void values(DslVocabulary.Call call, CursorContext at, List<Candidate> out, List<String> notices) {
        Service service = vocabulary.model().serviceOf(call.operation());
        Optional<EnumDef> enumDef = enumOf(call, at.param(), service);
        String here = region.get();
        enumDef.ifPresent(e -> {
            // zones (and anything else tied to a region) of the session's region only
            for (EnumValue v : KnownValues.inRegion(KnownValues.of(service, e, catalogue.get()), here)) {
                out.add(quoted(v.value(), at, "value", brief(describe(v))));
            }
        });
        apiName(call, at.param())
                .filter(liveIds::lists)
                .ifPresent(param -> liveIdCandidates(
                        param, call.verb() != null && ParameterNames.BY_NAME.contains(param), at, out, notices));
    }

    /**
     * Live ids of a parameter matched by what is typed: an id starting with it, or an id whose
     * resource's name starts with it (the id is what goes in; JLine is told these are already
     * matched, see {@link ShellMatcher}); names too where the verb takes a name for the id.
     */
    private void liveIdCandidates(
            String param, boolean byName, CursorContext at, List<Candidate> out, List<String> notices) {
        String typed = at.prefix().toLowerCase(Locale.ROOT);
        LiveIds.Listing listing = liveIds.listing(param);
        if (listing.loading()) notices.add(loading(param));
        List<LiveIds.Entry> entries = listing.entries();
        for (LiveIds.Entry id : entries) {
            if (!id.id().toLowerCase(Locale.ROOT).startsWith(typed)
                    && !id.label().toLowerCase(Locale.ROOT).startsWith(typed)) continue;
            out.add(ShellMatcher.matched(
                    quoted(id.id(), at, "id", id.description().isEmpty() ? null : brief(id.description()))));
        }
        if (byName) {
            List<Candidate> named = new ArrayList<>();
            names(entries, at, named);
            for (Candidate c : named)
                if (c.displ().toLowerCase(Locale.ROOT).startsWith(typed)) out.add(ShellMatcher.matched(c));
        }
    }

    /** The line a TAB shows while the ids it asked for are still being read. */
    private String loading(String param) {
        String where = region.get();
        return "(reading the " + param + "s" + (where == null ? "" : " of " + where)
                + " from the cloud … TAB again lists them)";
    }

    /**
     * Where a verb takes a name for an id (subnet:, securityGroup:, key:), the names too, each once:
     * a name two resources share would be refused as ambiguous, so only the ids are offered for it.
     */
    private static void names(List<LiveIds.Entry> entries, CursorContext at, List<Candidate> out) {
        Map<String, Long> counts = new HashMap<>();
        entries.forEach(e -> counts.merge(e.label(), 1L, Long::sum));
        for (LiveIds.Entry e : entries) {
            if (e.label().isEmpty() || counts.get(e.label()) > 1) continue;
            out.add(quoted(e.label(), at, "name", e.detail().isEmpty() ? e.id() : e.id() + " · " + e.detail()));
        }
    }

    /** The enumeration a parameter's values come from: a filter's value enum, or the member's (or its items'). */
    static Optional<EnumDef> enumOf(DslVocabulary.Call call, String param, Service service) {
        Verbs.Info verb = call.verb();
        if (verb != null && verb.getFilters().containsKey(param)) {
            String filter = verb.getFilters().get(param);
            for (EnumDef e : service.enums().values()) {
                Optional<String> valueEnum = e.find(filter).flatMap(EnumValue::valueEnum);
                if (valueEnum.isPresent()) return service.enumDef(valueEnum.get());
            }
            return Optional.empty();
        }
        Optional<EnumDef> fromParam = apiName(call, param)
                .flatMap(call.operation()::param)
                .flatMap(m -> {
                    Member scalar = m.member() != null ? m.member() : m;
                    return scalar.enumName().flatMap(service::enumDef);
                });
        if (fromParam.isPresent() || verb == null) return fromParam;
        return ownWordEnum(call.operation(), param, service);
    }

    /**
     * A word the verb handles itself ({@code where type:}, {@code run zone:}) takes the values of the
     * member of the same name in what the action answers ({@code InstanceType}), else of the one
     * enumeration of the service named for it ({@code AvailabilityZone}).
     */
    private static Optional<EnumDef> ownWordEnum(Operation op, String word, Service service) {
        if (word == null || word.isEmpty()) return Optional.empty();
        String suffix = Character.toUpperCase(word.charAt(0)) + word.substring(1);
        if (op.output() != null) {
            for (Member list : op.output().members().values()) {
                if (list.member() == null || list.member().members() == null) continue;
                for (Member item : list.member().members().values()) {
                    if (item.name().endsWith(suffix) && item.enumName().isPresent())
                        return item.enumName().flatMap(service::enumDef);
                }
            }
        }
        List<EnumDef> named = service.enums().values().stream()
                .filter(e -> !e.name().contains(".") && e.name().endsWith(suffix))
                .toList();
        return named.size() == 1 ? Optional.of(named.get(0)) : Optional.empty();
    }

    /** The API name a typed name stands for in this call (as the verb's declaration reads it), if any. */
    private static Optional<String> apiName(DslVocabulary.Call call, String typed) {
        Verbs.Info verb = call.verb();
        try {
            if (verb == null) return Optional.of(ParameterNames.apiName(call.operation(), typed, "complete"));
            Verbs.Word word = verb.word(call.operation(), typed);
            if (word.getKind() == Verbs.Word.Kind.OWN && typed.startsWith("id")) {
                // where id: / ids: pick by id, a word the verb handles itself: its values are the call's own id
                // parameter.
                return call.operation().params().keySet().stream()
                        .filter(p -> p.endsWith("Id"))
                        .findFirst();
            }
            return Optional.ofNullable(word.getParameter());
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    /** "2 vCPU, 4 GiB" for instance types (from their attributes); the English gloss otherwise. */
    static String describe(EnumValue v) {
        Optional<Object> vcpu = v.attr("vcpu");
        Optional<Object> memory = v.attr("memoryGb");
        if (vcpu.isPresent() && memory.isPresent()) {
            Object gpus = v.attr("gpus").orElse(0);
            return vcpu.get() + " vCPU, " + memory.get() + " GiB"
                    + (gpus instanceof Number n && n.intValue() > 0 ? ", " + n + " GPU" : "");
        }
        return v.doc() != null ? v.doc() : v.zh();
    }

    /**
     * Inside a string the value closes it; outside, it comes quoted. Not "complete": JLine would add
     * a space after it, and what follows a value is usually a comma or a brace.
     */
    private static Candidate quoted(String value, CursorContext at, String group, String description) {
        String text = at.inString() ? value + at.quote() : "'" + value + "'";
        return new Candidate(text, value, group, description, null, null, false);
    }

    private static Candidate candidate(
            String value, String display, String group, String description, boolean complete) {
        return new Candidate(value, display, group, description, null, null, complete);
    }
}
