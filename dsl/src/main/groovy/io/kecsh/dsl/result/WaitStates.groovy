package io.kecsh.dsl.result

import groovy.transform.CompileStatic
import io.kecsh.runtime.model.EnumDef
import io.kecsh.runtime.model.Service
import io.kecsh.runtime.model.ServiceModel
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

/**
 * The states a script may wait for, by resource: the word a person says ({@code waitUntil
 * 'active'}) → the model's waiter. The waits, the compile-time check of a literal state and the
 * shell's completion read this one table; a spec checks that together they reach every waiter in
 * the model's waiters.json files.
 */
@CompileStatic
final class WaitStates {
    static final String INSTANCE = 'instance'
    static final String IMAGE = 'image'
    static final String SNAPSHOT = 'snapshot'
    static final String KMS = 'kms'

    private static final Map<String, Map<String, String>> WORDS = [
        // the instance's own state names (InstanceStateName): 'running' and 'terminated' are refused, pointing here
        (INSTANCE): [active: 'InstanceActive', stopped: 'InstanceStopped', recycling: 'InstanceRecycling', deleted: 'InstanceDeleted'],
        (IMAGE)   : [available: 'ImageAvailable', active: 'ImageAvailable'],
        (SNAPSHOT): [ready: 'LocalVolumeSnapshotReady', active: 'LocalVolumeSnapshotReady'],
        (KMS)     : [connected: 'KmsInstanceConnected'],
    ].collectEntries { k, v -> [k, Collections.unmodifiableMap(v)] }.asImmutable() as Map<String, Map<String, String>>

    private WaitStates() {
    }

    /** State word → waiter name for one resource (see the constants). */
    static Map<String, String> of(String resource) {
        Map<String, String> words = WORDS[resource]
        if (words == null) throw new IllegalArgumentException("no wait states for '${resource}'; resources: ${WORDS.keySet().join(', ')}")
        words
    }

    /** The resource whose states the {@code waitUntil} of a DSL class takes, from its {@link WaitsFor}; null when it declares none. */
    static String declaredBy(Class<?> type) {
        WaitsFor declared = type.methods.collect { it.name == 'waitUntil' ? it.getAnnotation(WaitsFor) : null }.find { it != null }
        declared?.value()
    }

    /** Every resource's state words. */
    static Map<String, Map<String, String>> all() {
        WORDS
    }

    /** Every waiter the DSL exposes, by name. */
    static Set<String> waiters() {
        WORDS.values().collectMany { it.values() } as Set<String>
    }

    /** The one wording for a state nobody knows, at run time and at compile time. */
    static String unknown(String state, Collection<String> states) {
        "waitUntil: unknown state ${UserText.quoted(state)}${didYouMean(state, states)}; states: ${new LinkedHashSet<String>(states).join(', ')}"
    }

    /** The states nearest the word, counting the words the model says people use for them ({@code running} is {@code active}). */
    private static String didYouMean(String state, Collection<String> states) {
        Map<String, String> alsoSaid = [:]
        ServiceModel.bundled().services().each { Service s -> s.enums().values().each { EnumDef e -> alsoSaid.putAll(e.alsoSaid()) } }
        List<String> close = Suggestions.closest(state, states, alsoSaid)
        close ? " (did you mean ${Suggestions.orList(close)}?)".toString() : ''
    }
}
