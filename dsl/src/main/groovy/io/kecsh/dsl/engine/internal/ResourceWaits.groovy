package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.result.WaitStates

/** Runs the waiters of the other resource groups by the word a script uses ({@code waitUntil 'available'}, see {@link WaitStates}). */
final class ResourceWaits {
    static final Map<String, String> IMAGE = WaitStates.of(WaitStates.IMAGE)
    static final Map<String, String> SNAPSHOT = WaitStates.of(WaitStates.SNAPSHOT)
    static final Map<String, String> KMS = WaitStates.of(WaitStates.KMS)

    private ResourceWaits() {
    }

    /** Every waiter the DSL exposes, by name. */
    static Set<String> exposed() {
        WaitStates.waiters()
    }

    /** Runs the waiter {@code words[state]} with these parameters; returns the last response. */
    static Map<String, Object> waitFor(KecshSession session, Map<String, String> words, String state, Map<String, Object> params, Map options) {
        String name = words[state]
        if (name == null) {
            throw new IllegalArgumentException(WaitStates.unknown(state, words.keySet()))
        }
        session.ops.waitFor(name, params, Waits.waitOptions(session, Waits.waiter(session, name), options))
    }
}
