package io.kecsh.runtime.sandbox.kec;

import io.kecsh.runtime.sandbox.HandlerRegistry;
import io.kecsh.runtime.sandbox.SandboxDomain;

/** Instances: being written. */
public final class InstanceDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
    }
}
