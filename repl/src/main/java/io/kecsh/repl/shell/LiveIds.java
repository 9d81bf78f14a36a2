package io.kecsh.repl.shell;

import io.kecsh.dsl.engine.CloudOperations;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Resource ids for completion (instances with their names, images, subnets, security groups,
 * keys, snapshots …), fetched on a background thread for the current region and profile, every
 * page of it, and kept briefly. Completion never waits long: {@link #listing} answers from the cache
 * at once and starts a refresh when it is stale; only a cold cache waits, at most the first wait
 * (a second), so the first TAB usually has the list and a slow backend never holds the prompt. When
 * the read is slower than that, the listing says it is still {@linkplain Listing#loading loading}
 * (the shell says so), never an empty list that would read as "there are none". A region or
 * profile switch starts reading, at once, the kinds of ids completion asked for before.
 * Which action lists a kind of id comes from the model: a read-only Describe action without
 * required parameters whose output lists structures carrying that id.
 */
final class LiveIds implements AutoCloseable {
    /** What completion has for one kind of id now; {@code loading} when nothing was ever read and the read still runs. */
    record Listing(List<Entry> entries, boolean loading) {}

    /** One id, what a person recognises it by (its name), and where it is (a subnet's zone), if anything. */
    record Entry(String id, String label, String detail) {
        Entry(String id, String label) {
            this(id, label, "");
        }

        /** "name · zone" (or whichever of them there is). */
        String description() {
            return label.isEmpty() ? detail : detail.isEmpty() ? label : label + " · " + detail;
        }
    }

    /** A listing and when it was taken; {@code changed} when this shell has since run a line that may have changed it. */
    private record Cached(Instant at, List<Entry> entries, boolean changed) {
        Cached(Instant at, List<Entry> entries) {
            this(at, entries, false);
        }
    }

    private final ServiceModel model;
    private final Supplier<CloudOperations> ops;
    private final Supplier<String> scope;
    private final Clock clock;
    private final Duration ttl;
    /** How long the first TAB of a kind waits for its listing before saying it is still being read. */
    private final Duration firstWait;

    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();
    private final ExecutorService fetcher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kecsh-live-ids");
        t.setDaemon(true);
        return t;
    });

    /** {@code scope} names the region and profile, so a switch never shows another region's ids. */
    LiveIds(ServiceModel model, Supplier<CloudOperations> ops, Supplier<String> scope, Clock clock, Duration ttl) {
        this(model, ops, scope, clock, ttl, Duration.ofSeconds(1));
    }

    LiveIds(
            ServiceModel model,
            Supplier<CloudOperations> ops,
            Supplier<String> scope,
            Clock clock,
            Duration ttl,
            Duration firstWait) {
        this.model = model;
        this.ops = ops;
        this.scope = scope;
        this.clock = clock;
        this.ttl = ttl;
        this.firstWait = firstWait;
    }

    /** Whether ids of this parameter can be listed at all. */
    boolean lists(String idParam) {
        return source(idParam).isPresent();
    }

    /** What the cache has now (perhaps nothing); a stale or empty entry starts a refresh. */
    List<Entry> ids(String idParam) {
        return listing(idParam).entries();
    }

    /**
     * What the cache has now, and whether it is still being read for the first time; a stale or
     * empty entry starts a refresh.
     */
    Listing listing(String idParam) {
        Optional<Source> source = source(idParam);
        if (source.isEmpty()) return new Listing(List.of(), false);
        String key = scope.get() + "|" + idParam;
        Cached cached = cache.get(key);
        boolean loading = false;
        if (cached == null
                || cached.changed()
                || Duration.between(cached.at(), clock.instant()).compareTo(ttl) >= 0) {
            CompletableFuture<Void> refreshing = refresh(key, source.get());
            // Cold, or after this shell's own change: wait briefly for the new listing (an expired one answers at once,
            // as it was).
            if (cached == null || cached.changed()) {
                try {
                    refreshing.get(firstWait.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException | ExecutionException slowOrFailed) {
                    // answered below with what there is; the listing lands in the cache for the next TAB
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                boolean done = refreshing.isDone(); // before the cache is read: a read that ends between is in it
                Cached now = cache.get(key);
                if (now != null) cached = now;
                // nothing read yet and the read still runs: "loading", never an empty list that reads as "none"
                loading = cached == null && !done;
            }
        }
        return new Listing(cached == null ? List.of() : cached.entries(), loading);
    }

    /**
     * After a region or profile switch: the kinds of ids completion has asked for (in any region)
     * are read for the new one now, in the background, so the first TAB there finds them.
     */
    void warm() {
        String prefix = scope.get() + "|";
        Set<String> kinds = new TreeSet<>();
        for (String key : cache.keySet()) kinds.add(key.substring(key.lastIndexOf('|') + 1));
        for (String kind : kinds) {
            if (!cache.containsKey(prefix + kind)) source(kind).ifPresent(source -> refresh(prefix + kind, source));
        }
    }

    /**
     * After a line of this shell ran: the listings of the current region and profile taken so far
     * are read again now, in the background, and the next TAB waits briefly for them, so an instance
     * this shell just launched (or terminated) is there at once, not after the cache expires.
     */
    void refreshKnown() {
        String prefix = scope.get() + "|";
        cache.replaceAll(
                (key, cached) -> key.startsWith(prefix) ? new Cached(cached.at(), cached.entries(), true) : cached);
        for (String key : cache.keySet()) {
            if (!key.startsWith(prefix)) continue;
            source(key.substring(prefix.length())).ifPresent(source -> refresh(key, source));
        }
        warm(); // the line may have switched the region (region '…')
    }

    /** Completes when the refreshes started so far have finished (tests wait on this instead of sleeping). */
    CompletableFuture<Void> settled() {
        return CompletableFuture.allOf(inFlight.values().toArray(CompletableFuture[]::new));
    }

    private CompletableFuture<Void> refresh(String key, Source source) {
        return inFlight.computeIfAbsent(
                key,
                k -> CompletableFuture.runAsync(
                        () -> {
                            try {
                                cache.put(k, new Cached(clock.instant(), fetch(source)));
                            } catch (RuntimeException e) {
                                // Completion is a convenience: a failed listing leaves the old ids and is tried again
                                // later.
                            } finally {
                                inFlight.remove(k);
                            }
                        },
                        fetcher));
    }

    /** Every page when the action pages (DescribeSubnets, DescribeKeys …), else its one answer. */
    private List<Entry> fetch(Source source) {
        CloudOperations operations = ops.get();
        Iterable<Map<String, Object>> pages = model.serviceOf(model.requireOperation(source.action()))
                        .paginator(source.action())
                        .isPresent()
                ? operations.pages(source.action(), Map.of())
                : List.of(operations.call(source.action(), Map.of()));
        List<Entry> out = new ArrayList<>();
        for (Map<String, Object> page : pages) {
            if (!(page.get(source.listMember()) instanceof List<?> items)) continue;
            for (Object item : items) {
                if (item instanceof Map<?, ?> m && m.get(source.idMember()) != null) {
                    Object label = source.nameMember() == null ? null : m.get(source.nameMember());
                    // a subnet is picked by its zone (instances show their zone's Chinese name there: left out)
                    Object zone = "SubnetId".equals(source.idMember()) ? m.get("AvailabilityZoneName") : null;
                    out.add(new Entry(
                            String.valueOf(m.get(source.idMember())),
                            label == null ? "" : String.valueOf(label),
                            zone == null ? "" : String.valueOf(zone)));
                }
            }
        }
        return List.copyOf(out);
    }

    /** Where ids of one parameter come from: the action, its output list, the id and name members. */
    private record Source(String action, String listMember, String idMember, String nameMember) {}

    private final Map<String, Optional<Source>> sources = new ConcurrentHashMap<>();

    private Optional<Source> source(String idParam) {
        return sources.computeIfAbsent(idParam, this::findSource);
    }

    private Optional<Source> findSource(String idParam) {
        if (!idParam.endsWith("Id")) return Optional.empty();
        String plural = "Describe" + idParam.substring(0, idParam.length() - 2) + "s";
        // The action named for the kind (DescribeInstances for InstanceId) first, then any other that lists it.
        List<Operation> candidates = new ArrayList<>(model.operations());
        candidates.sort(Comparator.comparing((Operation op) -> !op.name().equals(plural)));
        for (Operation op : candidates) {
            if (op.mutating()
                    || !op.name().startsWith("Describe")
                    || op.params().values().stream().anyMatch(Member::required)) continue;
            if (op.output() == null) continue;
            for (Member list : op.output().members().values()) {
                if (list.type() != MemberType.LIST
                        || list.member() == null
                        || list.member().type() != MemberType.STRUCTURE) continue;
                Map<String, Member> item = list.member().members();
                if (!item.containsKey(idParam)) continue;
                String stem = idParam.substring(0, idParam.length() - 2);
                String name = item.containsKey(stem + "Name")
                        ? stem + "Name"
                        : item.containsKey("Name")
                                ? "Name"
                                : item.keySet().stream()
                                        .filter(k -> k.endsWith("Name"))
                                        .findFirst()
                                        .orElse(null);
                return Optional.of(new Source(op.name(), list.name(), idParam, name));
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        fetcher.shutdownNow();
    }
}
