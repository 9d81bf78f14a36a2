package io.kecsh.runtime.sandbox.handler;

import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.Map;

/**
 * Emulates one action: reads and changes the state (the dispatcher holds the state's lock for the
 * call), and returns the result members without RequestId — the writer shapes them through the
 * operation's output model. Failures are thrown as {@link SandboxError}.
 */
@FunctionalInterface
public interface ActionHandler {
    Map<String, Object> handle(SandboxRequest request, SandboxState state);
}
