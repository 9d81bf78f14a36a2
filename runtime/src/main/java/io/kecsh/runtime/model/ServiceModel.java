package io.kecsh.runtime.model;

import io.kecsh.runtime.text.Suggestions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every modelled API, loaded once from the bundled data files. The one place the rest of kecsh
 * asks what exists: operations, parameters, enumerations, paginators, waiters, errors.
 */
public final class ServiceModel {
    private static volatile ServiceModel bundled;

    private final Map<String, Service> services;

    ServiceModel(List<Service> services) {
        Map<String, Service> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), s));
        this.services = Collections.unmodifiableMap(byName);
    }

    /** The model shipped inside kecsh, loaded on first use and shared (it is immutable). */
    public static ServiceModel bundled() {
        ServiceModel model = bundled;
        if (model == null) {
            synchronized (ServiceModel.class) {
                model = bundled;
                if (model == null) {
                    model = new ModelLoader().loadBundled();
                    bundled = model;
                }
            }
        }
        return model;
    }

    public Collection<Service> services() {
        return services.values();
    }

    public Optional<Service> service(String name) {
        Service exact = services.get(name);
        if (exact != null) return Optional.of(exact);
        return services.values().stream()
                .filter(s -> s.name().equalsIgnoreCase(name))
                .findFirst();
    }

    public Service requireService(String name) {
        return service(name)
                .orElseThrow(() -> new UnknownNameException("service", name, List.copyOf(services.keySet())));
    }

    /** Every operation of every service, ordered by service then name. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        services.values().forEach(s -> all.addAll(s.operations()));
        return all;
    }

    /** An action by name across all services (action names are unique across the modelled APIs). */
    public Optional<Operation> findOperation(String action) {
        for (Service s : services.values()) {
            Optional<Operation> op = s.operation(action);
            if (op.isPresent() && op.get().answersTo(action)) return op;
        }
        String lower = action.toLowerCase(Locale.ROOT);
        return operations().stream()
                .filter(o -> o.name().toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }

    /** An action by name, or an error naming the closest actions. */
    public Operation requireOperation(String action) {
        return findOperation(action)
                .orElseThrow(() -> new UnknownNameException(
                        "action",
                        action,
                        operations().stream().map(Operation::name).toList()));
    }

    public Operation requireOperation(String service, String action) {
        Service s = requireService(service);
        return s.operation(action)
                .orElseThrow(() -> new UnknownNameException(
                        service + " action",
                        action,
                        s.operations().stream().map(Operation::name).toList()));
    }

    public Service serviceOf(Operation operation) {
        return requireService(operation.serviceName());
    }

    /** A name the user typed that the model does not have, with the closest ones it does. */
    public static final class UnknownNameException extends IllegalArgumentException {
        private final List<String> suggestions;

        UnknownNameException(String kind, String given, List<String> known) {
            super("unknown " + kind + " '" + given + "'" + Suggestions.didYouMean(given, known));
            this.suggestions = Suggestions.closest(given, known);
        }

        public List<String> suggestions() {
            return suggestions;
        }
    }
}
