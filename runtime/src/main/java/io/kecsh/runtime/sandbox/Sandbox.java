package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.overlay.InstalledModel;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.server.Dispatcher;
import io.kecsh.runtime.sandbox.server.FaultPlan;
import io.kecsh.runtime.sandbox.server.SandboxHttpServer;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.SandboxState;
import io.kecsh.runtime.sandbox.state.StateFile;
import io.kecsh.runtime.sandbox.state.StateSaves;
import java.net.URI;
import java.util.List;

/**
 * An embedded, stateful emulator of every modelled action on loopback: kecsh's default backend
 * when no credentials are configured, and every test's backend. Start one, point a client's
 * endpoint at {@link #endpoint()} with {@link #credentials()}, and it behaves as the documents
 * describe the real services — signatures checked, requests validated, state kept.
 */
public final class Sandbox implements AutoCloseable {
    private final SandboxClock clock;
    private final FaultPlan faults = new FaultPlan();
    private final SandboxCredentials credentials;
    private final SandboxHttpServer server;
    private final StateFile stateFile;
    private final SandboxState stateHolder;

    private Sandbox(SandboxOptions options) {
        ServiceModel model = options.model() != null ? options.model() : InstalledModel.get();
        this.clock = options.clock();
        this.credentials = options.credentials();
        // the one place the default catalogue is chosen; every domain gets it from here
        Catalog catalog = options.catalog() != null ? options.catalog() : Catalog.bundled();
        List<SandboxDomain> domains = Domains.all(catalog);
        this.stateFile = options.stateFile() == null ? null : new StateFile(options.stateFile()).lock();
        try {
            SandboxState s = stateFile == null ? null : stateFile.load().orElse(null);
            if (s == null) {
                s = new SandboxState();
                s.clock(clock);
                SandboxDomain.SeedContext context = new SandboxDomain.SeedContext(model, clock);
                for (SandboxDomain d : domains) d.seed(s, context);
                if (stateFile != null) stateFile.save(s);
            }
            s.clock(clock);
            if (stateFile != null) s.changes().record();
            this.stateHolder = s;
            StateSaves save = stateFile == null ? StateSaves.NONE : stateFile;
            this.server = new SandboxHttpServer(
                            options.port(),
                            new Dispatcher(
                                    model,
                                    s,
                                    clock,
                                    Domains.handlers(domains),
                                    faults,
                                    credentials,
                                    save,
                                    catalog.liveCatalogue()))
                    .start();
        } catch (RuntimeException e) {
            if (stateFile != null) stateFile.close();
            throw e;
        }
    }

    /**
     * Starts a sandbox; throws StateFileException when a state file is damaged (it is never
     * replaced) or another sandbox holds it (one process per state file, until it closes).
     */
    public static Sandbox start(SandboxOptions options) {
        return new Sandbox(options);
    }

    public URI endpoint() {
        return server.endpoint();
    }

    public int port() {
        return server.port();
    }

    public SandboxCredentials credentials() {
        return credentials;
    }

    /** The clock: {@code clock().advance(…)} moves a test sandbox's time. */
    public SandboxClock clock() {
        return clock;
    }

    /** Faults to play on the next calls (throttling, 5xx, dropped connections, latency). */
    public FaultPlan faults() {
        return faults;
    }

    /** The live state, for tests that assert what a call left behind (read it under {@code state().lock()}). */
    public SandboxState state() {
        return stateHolder;
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            if (stateFile != null) stateFile.close();
        }
    }
}
