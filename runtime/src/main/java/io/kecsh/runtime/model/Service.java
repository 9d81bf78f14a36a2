package io.kecsh.runtime.model;

import io.kecsh.runtime.text.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One API's model, as read from models/&lt;service&gt;/&lt;version&gt;/. Immutable. */
public final class Service {
    private final ServiceMetadata metadata;
    private final Map<String, Operation> operations;
    private final Map<String, EnumDef> enums;
    private final Map<String, Member> shapes;
    private final Map<String, Member> commonParams;
    private final List<ErrorDef> commonErrors;
    private final List<Decision> decisions;
    private final Map<String, Paginator> paginators;
    private final Map<String, Waiter> waiters;

    Service(
            ServiceMetadata metadata,
            Map<String, Operation> operations,
            Map<String, EnumDef> enums,
            Map<String, Member> shapes,
            Map<String, Member> commonParams,
            List<ErrorDef> commonErrors,
            List<Decision> decisions,
            Map<String, Paginator> paginators,
            Map<String, Waiter> waiters) {
        this.metadata = metadata;
        this.operations = Map.copyOf(operations);
        this.enums = Map.copyOf(enums);
        this.shapes = Map.copyOf(shapes);
        this.commonParams = Map.copyOf(commonParams);
        this.commonErrors = List.copyOf(commonErrors);
        this.decisions = List.copyOf(decisions);
        this.paginators = Map.copyOf(paginators);
        this.waiters = Map.copyOf(waiters);
    }

    public ServiceMetadata metadata() {
        return metadata;
    }

    public String name() {
        return metadata.service();
    }

    public String apiVersion() {
        return metadata.apiVersion();
    }

    public Collection<Operation> operations() {
        return operations.values().stream()
                .sorted(Comparator.comparing(Operation::name))
                .toList();
    }

    /** Exact name first, then another spelling the service answers to, then ignoring case. */
    public Optional<Operation> operation(String name) {
        Operation exact = operations.get(name);
        if (exact != null) return Optional.of(exact);
        Optional<Operation> byWireName =
                operations.values().stream().filter(o -> o.answersTo(name)).findFirst();
        if (byWireName.isPresent()) return byWireName;
        String lower = name.toLowerCase(Locale.ROOT);
        return operations.values().stream()
                .filter(o -> o.name().toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }

    public Map<String, EnumDef> enums() {
        return enums;
    }

    public Optional<EnumDef> enumDef(String name) {
        return Optional.ofNullable(enums.get(name));
    }

    public EnumDef requireEnum(String name) {
        return enumDef(name)
                .orElseThrow(() -> new ModelException(
                        name() + ": no enum named " + name + Suggestions.didYouMean(name, enums.keySet())));
    }

    public Map<String, Member> shapes() {
        return shapes;
    }
    /** Parameters every operation of the service takes (DryRun on Kingsoft services). */
    public Map<String, Member> commonParams() {
        return commonParams;
    }

    public List<ErrorDef> commonErrors() {
        return commonErrors;
    }

    public List<Decision> decisions() {
        return decisions;
    }

    public Map<String, Paginator> paginators() {
        return paginators;
    }

    public Optional<Paginator> paginator(String operation) {
        return Optional.ofNullable(paginators.get(operation));
    }

    public Map<String, Waiter> waiters() {
        return waiters;
    }

    public Optional<Waiter> waiter(String name) {
        return Optional.ofNullable(waiters.get(name));
    }

    /** The endpoint an operation is called at. */
    public Endpoint endpointOf(Operation operation) {
        return operation.endpoint().orElse(metadata.endpoint());
    }

    /** Every error an operation may answer with: its own first, then the common ones. */
    public List<ErrorDef> errorsOf(Operation operation) {
        ArrayList<ErrorDef> all = new ArrayList<>(operation.errors());
        all.addAll(commonErrors);
        return all;
    }

    /** The first documented error with this code (for HTTP status and message template). */
    public Optional<ErrorDef> error(Operation operation, String code) {
        return errorsOf(operation).stream().filter(e -> e.code().equals(code)).findFirst();
    }

    @Override
    public String toString() {
        return name() + " " + apiVersion();
    }
}
