package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.HandlerRegistry;
import io.kecsh.runtime.sandbox.SandboxDomain;

/** Not emulated yet: its actions answer NoSuchEntity until this domain registers handlers. */
public final class KeyDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
    }
}
