package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.bss.BssDomain;
import io.kecsh.runtime.sandbox.kec.CatalogDomain;
import io.kecsh.runtime.sandbox.kec.ImageDomain;
import io.kecsh.runtime.sandbox.kec.InstanceDomain;
import io.kecsh.runtime.sandbox.kec.NetworkSeedDomain;
import io.kecsh.runtime.sandbox.kms.KmsDomain;
import io.kecsh.runtime.sandbox.sks.KeyDomain;
import io.kecsh.runtime.sandbox.vpc.NetworkDomain;

import java.util.List;

/** Every part of the emulator, in seeding order (the network first: instances need subnets). */
public final class Domains {
    private Domains() {
    }

    public static List<SandboxDomain> all() {
        return List.of(new NetworkSeedDomain(), new ImageDomain(), new InstanceDomain(), new CatalogDomain(),
            new NetworkDomain(), new KeyDomain(), new KmsDomain(), new BssDomain());
    }

    public static HandlerRegistry handlers() {
        HandlerRegistry registry = new HandlerRegistry();
        all().forEach(d -> d.register(registry));
        return registry;
    }
}
