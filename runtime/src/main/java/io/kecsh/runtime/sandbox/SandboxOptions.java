package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * How to start a sandbox: port (0 picks a free one), an optional state file, the accepted
 * credentials, and the clock (interactive: real time with a few seconds per transition; tests:
 * manual time), and the model it serves (null: the installed one — the built-in model plus the user's
 * overlays, the same the client uses, so an overlay's parameters and values pass the sandbox's checks
 * too; the emulator has no behaviour for them and accepts them as given), and the catalogue it sells
 * (null: the bundled model's with today's additions; a test may start one with another).
 */
public record SandboxOptions(
        int port,
        Path stateFile,
        SandboxCredentials credentials,
        SandboxClock clock,
        ServiceModel model,
        Catalog catalog) {

    public SandboxOptions(int port, Path stateFile, SandboxCredentials credentials, SandboxClock clock) {
        this(port, stateFile, credentials, clock, null, null);
    }

    public SandboxOptions(
            int port, Path stateFile, SandboxCredentials credentials, SandboxClock clock, ServiceModel model) {
        this(port, stateFile, credentials, clock, model, null);
    }

    /** For people: a free port, no state file, default credentials, 3-second transitions. */
    public static SandboxOptions interactive() {
        return new SandboxOptions(
                0, null, SandboxCredentials.defaults(), SandboxClock.interactive(Duration.ofSeconds(3)));
    }

    /** For tests: time stands still until the test moves it. */
    public static SandboxOptions forTests() {
        return new SandboxOptions(
                0, null, SandboxCredentials.defaults(), SandboxClock.manual(Instant.parse("2026-11-22T04:00:00Z")));
    }

    public SandboxOptions withPort(int p) {
        return new SandboxOptions(p, stateFile, credentials, clock, model, catalog);
    }

    public SandboxOptions withStateFile(Path file) {
        return new SandboxOptions(port, file, credentials, clock, model, catalog);
    }

    public SandboxOptions withCredentials(SandboxCredentials c) {
        return new SandboxOptions(port, stateFile, c, clock, model, catalog);
    }

    public SandboxOptions withClock(SandboxClock c) {
        return new SandboxOptions(port, stateFile, credentials, c, model, catalog);
    }

    /** Serve this model (a test's overlay model); null: the installed one. */
    public SandboxOptions withModel(ServiceModel m) {
        return new SandboxOptions(port, stateFile, credentials, clock, m, catalog);
    }

    /** Sell this catalogue (types, families, zones) instead of the bundled one; null: the bundled one. */
    public SandboxOptions withCatalog(Catalog c) {
        return new SandboxOptions(port, stateFile, credentials, clock, model, c);
    }
}
