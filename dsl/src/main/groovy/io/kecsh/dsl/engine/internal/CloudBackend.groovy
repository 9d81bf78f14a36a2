package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.runtime.catalog.CatalogueCache
import io.kecsh.runtime.catalog.LiveCatalogues
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.config.Settings

import java.nio.file.Path
import java.time.Clock

/** A real cloud: credentials, regions and endpoint from the settings; the catalogue kept on disk per profile. */
@CompileStatic
final class CloudBackend extends Backend {
    private final Settings settings

    CloudBackend(Settings settings) {
        this.settings = settings
    }

    @Override
    void configure(ClientConfig.Builder config) {
        config.settings(settings)
    }

    @Override
    LiveCatalogues catalogues(Path home) {
        new LiveCatalogues(settings.profile(), home == null ? null : CatalogueCache.under(home), LiveCatalogues.DEFAULT_MAX_AGE,
            Clock.systemUTC())
    }
}
