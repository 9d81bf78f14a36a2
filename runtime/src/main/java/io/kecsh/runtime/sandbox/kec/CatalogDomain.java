package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.kec.catalog.CatalogHandlers;

/**
 * What the cloud offers and what an account arranges around its instances: regions and zones,
 * instance families and type configurations, prices and spot price history (all read from the
 * sandbox's catalogue, given at start), launch templates and data-guard groups (kept in each
 * region's state).
 */
public final class CatalogDomain implements SandboxDomain {
    private final Catalog catalog;

    public CatalogDomain(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void register(HandlerRegistry handlers) {
        CatalogHandlers.registerAll(handlers, catalog);
    }
}
