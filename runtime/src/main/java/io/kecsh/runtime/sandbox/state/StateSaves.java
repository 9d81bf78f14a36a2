package io.kecsh.runtime.sandbox.state;

/**
 * Where a sandbox keeps its changes: nowhere ({@link #NONE}), or a {@link StateFile}. The
 * dispatcher commits each change under the state's lock, then waits for it to be durable outside
 * the lock before answering, so that one disk flush can make the changes of many calls durable
 * at once (group commit) while the next call already runs.
 */
public interface StateSaves {
    StateSaves NONE = state -> Durable.NOW;

    /** Called under the state's lock after a call that may have changed it. */
    Durable commit(SandboxState state);

    /** Returns once the committed change is on disk: only then may it be acknowledged. */
    @FunctionalInterface
    interface Durable {
        Durable NOW = () -> {};

        void await();
    }
}
