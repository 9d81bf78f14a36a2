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
import java.util.function.Function;

/**
 * Every modelled API, loaded once from the bundled data files. The one place the rest of kecsh
 * asks what exists: operations, parameters, enumerations, paginators, waiters, errors.
 *
 * <p>The bundled model reads a service's files the first time that service is asked for (a run of
 * {@code kec.DescribeRegions()} reads kec's files only): the names are known from the index without
 * reading anything, and asking for every service ({@link #services()}, an action no read service has)
 * reads the rest. A broken file fails with the same error, when its service is first asked for.
 */
public final class ServiceModel {
    private static volatile ServiceModel bundled;

    private final Map<String, LazyService> services;

    ServiceModel(List<Service> services) {
        Map<String, LazyService> byName = new LinkedHashMap<>();
        services.forEach(s -> byName.put(s.name(), new LazyService(s)));
        this.services = Collections.unmodifiableMap(byName);
    }

    /** Services by name, each read by {@code read} on first use (in the names' order when all are asked for). */
    ServiceModel(List<String> names, Function<String, Service> read) {
        Map<String, LazyService> byName = new LinkedHashMap<>();
        names.forEach(n -> byName.put(n, new LazyService(n, read)));
        this.services = Collections.unmodifiableMap(byName);
    }

    /** One service, read once on first use; a failed read fails again (the same way) at the next use. */
    private static final class LazyService {
        private final String name;
        private final Function<String, Service> read;
        private volatile Service service;

        LazyService(Service service) {
            this.name = service.name();
            this.read = null;
            this.service = service;
        }

        LazyService(String name, Function<String, Service> read) {
            this.name = name;
            this.read = read;
        }

        Service get() {
            Service s = service;
            if (s != null) return s;
            synchronized (this) {
                if (service == null) service = read.apply(name);
                return service;
            }
        }
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

    /** Every service, in the index's order (reads those not read yet). */
    public Collection<Service> services() {
        return services.values().stream().map(LazyService::get).toList();
    }

    /** The services whose files have been read so far (all, for a model built from files at once). */
    List<String> servicesRead() {
        return services.values().stream()
                .filter(s -> s.service != null)
                .map(s -> s.name)
                .toList();
    }

    /** The services' names, in the index's order, without reading any. */
    public List<String> serviceNames() {
        return List.copyOf(services.keySet());
    }

    public Optional<Service> service(String name) {
        LazyService exact = services.get(name);
        if (exact != null) return Optional.of(exact.get());
        return services.values().stream()
                .filter(s -> s.name.equalsIgnoreCase(name))
                .findFirst()
                .map(LazyService::get);
    }

    public Service requireService(String name) {
        return service(name)
                .orElseThrow(() -> new UnknownNameException("service", name, List.copyOf(services.keySet())));
    }

    /** Every operation of every service, ordered by service then name. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        services().forEach(s -> all.addAll(s.operations()));
        return all;
    }

    /** An action by name across all services (action names are unique across the modelled APIs). */
    public Optional<Operation> findOperation(String action) {
        // in the index's order, reading each service only when the ones before it do not have the action
        // (kec comes first: a run of kec's actions reads no other service's files)
        for (LazyService lazy : services.values()) {
            Optional<Operation> op = lazy.get().operation(action);
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
