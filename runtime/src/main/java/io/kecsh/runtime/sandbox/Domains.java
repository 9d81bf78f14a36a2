package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.sandbox.bss.BssDomain;
import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.kec.CatalogDomain;
import io.kecsh.runtime.sandbox.kec.ImageDomain;
import io.kecsh.runtime.sandbox.kec.InstanceDomain;
import io.kecsh.runtime.sandbox.kec.InstanceTagDomain;
import io.kecsh.runtime.sandbox.kec.NetworkSeedDomain;
import io.kecsh.runtime.sandbox.kec.catalog.Catalog;
import io.kecsh.runtime.sandbox.kms.KmsDomain;
import io.kecsh.runtime.sandbox.sks.KeyDomain;
import io.kecsh.runtime.sandbox.vpc.NetworkDomain;
import java.util.List;

/**
 * Every part of the emulator, in seeding order (the network first: instances need subnets), made
 * for one sandbox with what it was started with (its catalogue).
 */
public final class Domains {
    private Domains() {}

    public static List<SandboxDomain> all(Catalog catalog) {
        return List.of(
                new NetworkSeedDomain(),
                new ImageDomain(),
                new InstanceDomain(catalog),
                new CatalogDomain(catalog),
                new InstanceTagDomain(),
                new NetworkDomain(),
                new KeyDomain(),
                new KmsDomain(),
                new BssDomain());
    }

    public static HandlerRegistry handlers(List<SandboxDomain> domains) {
        HandlerRegistry registry = new HandlerRegistry();
        domains.forEach(d -> d.register(registry));
        return registry;
    }
}
