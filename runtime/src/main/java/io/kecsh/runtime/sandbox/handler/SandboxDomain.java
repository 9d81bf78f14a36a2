package io.kecsh.runtime.sandbox.handler;

import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import io.kecsh.runtime.sandbox.state.SandboxState;

/**
 * One part of the emulated cloud (instances, images, network, keys, KMS …): the handlers of its
 * actions, and what a fresh sandbox starts with. {@code sandbox.Domains} lists them all.
 */
public interface SandboxDomain {
    void register(HandlerRegistry handlers);

    /** Adds what a fresh sandbox should already have (default: nothing). */
    default void seed(SandboxState state, SeedContext context) {}

    /** What seeding may use: the model (regions, zones) and the clock for creation dates. */
    record SeedContext(ServiceModel model, SandboxClock clock) {}
}
