package io.kecsh.dsl.internal

import io.kecsh.dsl.KecshSession
import io.kecsh.runtime.text.Suggestions

/**
 * The waiters of the other resource groups, by the word a script uses ({@code waitUntil
 * 'available'}); with {@link Waits#INSTANCE_WAITERS} every waiter in the model is reachable (a
 * spec checks that against the model's waiters.json files).
 */
final class ResourceWaits {
    static final Map<String, String> IMAGE = [available: 'ImageAvailable', active: 'ImageAvailable'].asImmutable()
    static final Map<String, String> SNAPSHOT = [ready: 'LocalVolumeSnapshotReady', active: 'LocalVolumeSnapshotReady'].asImmutable()
    static final Map<String, String> KMS = [connected: 'KmsInstanceConnected'].asImmutable()

    private ResourceWaits() {
    }

    /** Every waiter the DSL exposes, by name. */
    static Set<String> exposed() {
        (Waits.INSTANCE_WAITERS.values() + IMAGE.values() + SNAPSHOT.values() + KMS.values()) as Set<String>
    }

    /** Runs the waiter {@code words[state]} with these parameters; returns the last response. */
    static Map<String, Object> waitFor(KecshSession session, Map<String, String> words, String state, Map<String, Object> params, Map options) {
        String name = words[state]
        if (name == null) {
            throw new IllegalArgumentException("waitUntil: unknown state '${state}'${Suggestions.didYouMean(state, words.keySet())}; " +
                "states: ${words.keySet().join(', ')}")
        }
        session.ops.waitFor(name, params, Waits.waitOptions(session, Waits.waiter(session, name), options))
    }
}
