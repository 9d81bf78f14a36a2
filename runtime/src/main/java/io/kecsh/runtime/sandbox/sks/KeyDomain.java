package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;

/**
 * SSH keys: the sks service's CreateKey, ImportKey, DeleteKey and DescribeKeys (keys are account-wide), and
 * kec's AttachKey and DetachKey, which bind them to instances ({@code Instance.keyIds}).
 */
public final class KeyDomain implements SandboxDomain {
    @Override
    public void register(HandlerRegistry handlers) {
        handlers.on("CreateKey", KeyHandlers::create)
                .on("ImportKey", KeyHandlers::importKey)
                .on("DeleteKey", KeyHandlers::delete)
                .on("DescribeKeys", KeyHandlers::describe)
                .on("AttachKey", KeyHandlers::attach)
                .on("DetachKey", KeyHandlers::detach);
    }
}
