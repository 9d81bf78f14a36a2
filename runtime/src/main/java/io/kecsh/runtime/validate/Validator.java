package io.kecsh.runtime.validate;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Rule;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.model.Variant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks a request against the model and reports every problem at once: unknown names, wrong
 * types, missing required parameters, values outside enumerations, ranges and formats, and the
 * cross-parameter rules. The client runs it before sending; the sandbox runs the same checks on
 * what it receives, so both sides speak with one voice.
 */
public final class Validator {
    private final ServiceModel model;
    private final Formats formats;
    private final LiveCatalogue catalogue;
    /** By operation (compared by identity: the model's own objects). */
    private final Map<Operation, Map<String, Member>> mergedParams = new ConcurrentHashMap<>();

    public Validator(ServiceModel model) {
        this(model, Clock.systemUTC());
    }

    /** The clock decides what "30 minutes from now" means for auto-delete times. */
    public Validator(ServiceModel model, Clock clock) {
        this(model, clock, LiveCatalogue.NONE);
    }

    /**
     * With a live catalogue: an open enumeration's value is then accepted when the catalogue lists it
     * and refused when neither the model nor the catalogue does ({@link OpenValueRule}).
     */
    public Validator(ServiceModel model, Clock clock, LiveCatalogue catalogue) {
        this.model = model;
        this.formats = new Formats(clock);
        this.catalogue = catalogue;
    }

    /** True when values of this format are short by their form alone (no {@code maxLength} needed). */
    public static boolean formatBoundsLength(String format) {
        return Formats.LENGTH_BOUNDING.contains(format);
    }

    public ValidationReport validate(String action, Map<String, ?> request) {
        return validate(model.requireOperation(action), request);
    }

    public ValidationReport validate(Operation operation, Map<String, ?> request) {
        Service service = model.serviceOf(operation);
        Map<String, Member> params = paramsOf(operation, service);
        List<Problem> problems = new ArrayList<>();
        Map<String, Object> typed = new ParameterReader(problems).read(params, request);

        Variant variant = operation.variants().isEmpty()
                ? null
                : chooseVariant(
                        operation, typed.keySet(), service.commonParams().keySet(), problems);
        boolean mixed = variant == null && !operation.variants().isEmpty();
        for (Map.Entry<String, Member> e : operation.params().entrySet()) {
            if (mixed) break; // a mix of forms is the one problem worth reporting about presence
            boolean required = variant == null
                    ? e.getValue().required()
                    : variant.required().contains(e.getKey());
            if (required && !typed.containsKey(e.getKey())) problems.add(missing(operation, e.getValue(), variant));
        }
        ValueChecker values = new ValueChecker(service, formats, operation.name(), problems, catalogue);
        typed.forEach((name, value) -> values.check(params.get(name), value, name));
        RuleChecker rules = new RuleChecker(service, params, typed, problems);
        for (Rule rule : operation.rules()) rules.check(rule);
        return new ValidationReport(operation.name(), problems, typed, variant == null ? null : variant.name());
    }

    /**
     * The service's common parameters and then the operation's, merged once for each operation (the
     * model does not change): a sandbox validates every call, and merging some forty members each
     * time showed in its profile.
     */
    private Map<String, Member> paramsOf(Operation operation, Service service) {
        Map<String, Member> known = mergedParams.get(operation);
        if (known != null) return known;
        Map<String, Member> merged = new LinkedHashMap<>(service.commonParams());
        merged.putAll(operation.params());
        Map<String, Member> params = Collections.unmodifiableMap(merged);
        mergedParams.put(operation, params);
        return params;
    }

    private static Problem missing(Operation operation, Member member, Variant variant) {
        String doc = member.doc().endsWith(".")
                ? member.doc().substring(0, member.doc().length() - 1)
                : member.doc();
        String what = doc.isEmpty() ? "" : " (" + doc + ")";
        String form = variant == null ? "" : " for the " + variant.name() + " form";
        return Problem.error(
                Problem.Kind.MISSING,
                member.name(),
                null,
                member.name() + ": required by " + operation.name() + form + what);
    }

    /**
     * AttachNetworkInterface and DetachNetworkInterface each have two documented forms; the one
     * whose parameters hold everything given wins (the first, when both could).
     */
    private static Variant chooseVariant(
            Operation operation, Set<String> given, Set<String> common, List<Problem> problems) {
        List<String> own = given.stream().filter(g -> !common.contains(g)).toList();
        List<Variant> fitting = operation.variants().stream()
                .filter(v -> v.params().containsAll(own))
                .toList();
        if (fitting.isEmpty()) {
            StringBuilder forms = new StringBuilder();
            for (Variant v : operation.variants()) {
                forms.append("; ").append(v.name()).append(" takes ").append(String.join(", ", v.params()));
            }
            problems.add(Problem.error(
                    Problem.Kind.INVALID_VALUE,
                    own.isEmpty() ? operation.name() : own.get(0),
                    null,
                    operation.name() + ": " + String.join(", ", own) + " mix parameters of its documented forms"
                            + forms));
            return null;
        }
        return fitting.stream()
                .filter(v -> given.containsAll(v.required()))
                .findFirst()
                .orElse(fitting.get(0));
    }
}
