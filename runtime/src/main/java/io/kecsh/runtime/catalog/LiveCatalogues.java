package io.kecsh.runtime.catalog;

import io.kecsh.runtime.model.EnumValue;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The live catalogues of one profile, one a region: read from the disk cache at first use, read
 * from the service once per profile and region when there is none or it is older than
 * {@code maxAge}, always in the background — {@link #values} never waits for the network, so a
 * prompt or a validation is never held up; until the first read finishes a region simply has no
 * catalogue (validation then treats unknown values as unknown). A stale catalogue is still used
 * while its refresh runs. Without a cache (a sandbox) the catalogue lives in memory only.
 */
public final class LiveCatalogues implements AutoCloseable {
    /** How long a catalogue is trusted before it is read again. */
    public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final String profile;
    private final CatalogueCache cache;
    private final Duration maxAge;
    private final Clock clock;
    private final Map<String, Region> regions = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kecsh-catalogue");
        t.setDaemon(true);
        return t;
    });
    private volatile Function<String, CatalogueSnapshot> reader;

    /** @param cache null to keep catalogues in memory only */
    public LiveCatalogues(String profile, CatalogueCache cache, Duration maxAge, Clock clock) {
        this.profile = profile;
        this.cache = cache;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** How a region's catalogue is read (a client for that region and a {@link CatalogueReader}); set once the client exists. */
    public void readWith(Function<String, CatalogueSnapshot> reader) {
        this.reader = reader;
    }

    /** The catalogue of {@code region}, as validation and completion see it: whatever is known right now. */
    public LiveCatalogue region(String region) {
        return (service, enumName) -> regionState(region).current(service, enumName);
    }

    /** The snapshot at hand for {@code region}, if any (for {@code :help} and completion). */
    public Optional<CatalogueSnapshot> snapshot(String region) {
        return Optional.ofNullable(regionState(region).snapshot.get());
    }

    /** Loads {@code region}'s catalogue from disk and, when there is none or it is stale, starts reading it (never waits). */
    public void prefetch(String region) {
        regionState(region).current("", "");
    }

    /** Starts a read of {@code region} now, whatever the age of what is at hand; the future ends with it. */
    public Future<?> refresh(String region) {
        return regionState(region).refresh(true);
    }

    /** Waits up to {@code timeout} for the reads started so far (tests, {@code :catalogue refresh}). */
    public boolean awaitReads(Duration timeout) throws InterruptedException {
        Future<?> marker = background.submit(() -> {});
        try {
            marker.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private Region regionState(String region) {
        return regions.computeIfAbsent(region, Region::new);
    }

    @Override
    public void close() {
        background.shutdownNow();
    }

    private final class Region {
        final String name;
        final AtomicReference<CatalogueSnapshot> snapshot = new AtomicReference<>();
        volatile boolean loaded;
        volatile Future<?> running;
        volatile Instant lastAttempt;

        Region(String name) {
            this.name = name;
        }

        Optional<List<EnumValue>> current(String service, String enumName) {
            if (!loaded) {
                loaded = true;
                if (cache != null) cache.load(profile, name).ifPresent(snapshot::set);
            }
            CatalogueSnapshot at = snapshot.get();
            if (at == null || at.olderThan(maxAge, clock.instant())) refresh(false);
            return at == null ? Optional.empty() : at.values(service, enumName);
        }

        synchronized Future<?> refresh(boolean force) {
            Future<?> now = running;
            if (now != null && !now.isDone()) return now;
            Function<String, CatalogueSnapshot> read = reader;
            if (read == null || background.isShutdown()) return CompletableFuture.completedFuture(null);
            // a read that brought nothing (offline) is not retried on every keystroke: once a minute at most
            if (!force && lastAttempt != null && lastAttempt.plus(RETRY_AFTER).isAfter(clock.instant())) {
                return CompletableFuture.completedFuture(null);
            }
            lastAttempt = clock.instant();
            running = background.submit(() -> {
                CatalogueSnapshot fresh = read.apply(name);
                if (fresh.lists().isEmpty()) return; // nothing could be read: keep what we had
                snapshot.set(fresh);
                if (cache != null) {
                    try {
                        cache.save(profile, name, fresh);
                    } catch (IOException | RuntimeException e) {
                        // a catalogue that cannot be kept on disk is read again next time
                    }
                }
            });
            return running;
        }
    }
}
