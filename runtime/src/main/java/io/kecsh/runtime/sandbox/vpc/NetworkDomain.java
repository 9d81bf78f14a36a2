package io.kecsh.runtime.sandbox.vpc;

import io.kecsh.runtime.sandbox.HandlerRegistry;
import io.kecsh.runtime.sandbox.SandboxDomain;

/** Not emulated yet: its actions answer NoSuchEntity until this domain registers handlers. */
public final class NetworkDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
    }
}
