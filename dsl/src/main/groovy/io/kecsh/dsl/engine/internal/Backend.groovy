package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.SandboxEndpoint
import io.kecsh.runtime.catalog.LiveCatalogues
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.config.Settings
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions

import java.nio.file.Path

/**
 * Who answers a Kecsh's calls: the cloud the resolved settings name, or an embedded sandbox (asked
 * for, or no credentials configured). Chosen once, in {@link #choose}; what differs between the two
 * (the client's credentials, endpoint and clock, where the live catalogue is kept, the sandbox's
 * seeded defaults and its clock for sessions) lives in the two kinds, not in ifs around them.
 * The region is not here: both take it from the same settings ({@link Settings#region}).
 */
@CompileStatic
abstract class Backend implements AutoCloseable {
    /**
     * The embedded sandbox when one is asked for or no cloud has credentials (started now, from
     * {@code options} or the interactive default, with this model unless the options name one), or
     * the sandbox another process serves when one is given ({@code shared}: the home sandbox); else the cloud.
     */
    static Backend choose(Settings settings, boolean sandboxAsked, SandboxOptions options, SandboxEndpoint shared,
                          ServiceModel model) {
        if (!sandboxAsked && settings.hasAnyCredentials()) return new CloudBackend(settings)
        if (shared != null && options == null) return new SharedSandboxBackend(shared)
        SandboxOptions chosen = options ?: SandboxOptions.interactive()
        new SandboxBackend(Sandbox.start(chosen.model() == null ? chosen.withModel(model) : chosen), chosen.stateFile())
    }

    /** Credentials, endpoint and clock for the client. */
    abstract void configure(ClientConfig.Builder config)

    /** The live catalogues this backend's client reads, kept under {@code home} when it makes sense. */
    abstract LiveCatalogues catalogues(Path home)

    /** The embedded sandbox, or null against a real cloud or a sandbox another process serves. */
    Sandbox getSandbox() {
        null
    }

    /** Whether a sandbox answers (embedded or served by another process), not a cloud. */
    boolean usesSandbox() {
        sandbox != null
    }

    /** Which sandbox answers and where its state lives, in words (the banner's); null against a cloud. */
    String getSandboxDescription() {
        null
    }

    /** Values for required parameters nobody set, after the script's and the profile's (null: none). */
    Defaults.Source getDefaults() {
        null
    }

    /** What a new session needs from the backend beyond its operations (the sandbox's clock). */
    void prepare(KecshSession session) {
    }

    @Override
    void close() {
    }
}
