package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.runtime.catalog.LiveCatalogues
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.retry.Sleeper
import io.kecsh.runtime.sandbox.Sandbox

import java.nio.file.Path
import java.time.Clock
import java.time.Duration

/**
 * An embedded sandbox: its own keys and endpoint, its clock for the client and every session, its
 * seeded image and charge type as defaults; the catalogue only in memory (it is the sandbox's, not an account's).
 */
@CompileStatic
final class SandboxBackend extends Backend {
    private final Sandbox sandbox
    /** Where it keeps its state, or null: in memory only. */
    private final Path stateFile

    SandboxBackend(Sandbox sandbox, Path stateFile = null) {
        this.sandbox = sandbox
        this.stateFile = stateFile
    }

    @Override
    void configure(ClientConfig.Builder config) {
        config.endpoint(sandbox.endpoint())
            .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
            .credentials(Cloud.ALIBABA, sandbox.credentials().alibaba())
            .clock(sandbox.clock())
            .sleeper(sleeper())
    }

    @Override
    LiveCatalogues catalogues(Path home) {
        new LiveCatalogues('sandbox', null, LiveCatalogues.DEFAULT_MAX_AGE, Clock.systemUTC())
    }

    @Override
    Sandbox getSandbox() {
        sandbox
    }

    @Override
    String getSandboxDescription() {
        'embedded sandbox at ' + sandbox.endpoint() + (stateFile == null ? '' : ', state in ' + stateFile)
    }

    @Override
    Defaults.Source getDefaults() {
        new SandboxDefaults(sandbox)
    }

    @Override
    void prepare(KecshSession session) {
        session.clock = sandbox.clock()
        session.sleeper = sleeper()
    }

    /** On a manual sandbox clock, waiting moves the clock; otherwise it is real sleeping. */
    private Sleeper sleeper() {
        sandbox.clock().isManual() ? ({ Duration d -> sandbox.clock().advance(d) } as Sleeper) : Sleeper.REAL
    }

    @Override
    void close() {
        sandbox.close()
    }
}
