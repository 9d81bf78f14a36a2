package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.SandboxEndpoint
import io.kecsh.runtime.catalog.LiveCatalogues
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.config.Cloud

import java.nio.file.Path
import java.time.Clock

/**
 * A sandbox served by another process (the home sandbox): its keys and endpoint; real time, since
 * its clock is in that process (it runs on real time with short transitions, as every sandbox for
 * people does); the seeded defaults a sandbox fills; the catalogue only in memory, as the embedded one's.
 */
@CompileStatic
final class SharedSandboxBackend extends Backend {
    private final SandboxEndpoint sandbox

    SharedSandboxBackend(SandboxEndpoint sandbox) {
        this.sandbox = sandbox
    }

    @Override
    void configure(ClientConfig.Builder config) {
        config.endpoint(sandbox.endpoint())
            .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
            .credentials(Cloud.ALIBABA, sandbox.credentials().alibaba())
    }

    @Override
    LiveCatalogues catalogues(Path home) {
        new LiveCatalogues('sandbox', null, LiveCatalogues.DEFAULT_MAX_AGE, Clock.systemUTC())
    }

    @Override
    boolean usesSandbox() {
        true
    }

    @Override
    String getSandboxDescription() {
        sandbox.description()
    }

    @Override
    Defaults.Source getDefaults() {
        // every region is seeded in a sandbox: an unknown one is refused by the call itself
        { String key, String region -> SandboxDefaults.seeded(key) } as Defaults.Source
    }
}
