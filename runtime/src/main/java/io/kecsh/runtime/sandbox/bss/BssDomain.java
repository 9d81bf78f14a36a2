package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;

/**
 * Alibaba BSS's calls that change KMS instances: ModifyInstance, RenewChangeInstance. Seeds
 * nothing: the instances they change are the kms domain's (this package uses that one, never the
 * other way round).
 */
public final class BssDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        handlers.on("ModifyInstance", BssInstanceHandlers::modify)
                .on("RenewChangeInstance", BssInstanceHandlers::renewChange);
    }
}
