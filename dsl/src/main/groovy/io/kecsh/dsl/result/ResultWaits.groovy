package io.kecsh.dsl.result

/**
 * What a result needs from the script that is running to wait for itself. The engine's session
 * answers; results reach it per thread through {@link RunningScript}, so they stay plain
 * serializable data and never depend on the engine that made them.
 */
interface ResultWaits {
    /** Waits until every instance is in {@code state}; returns them as they are then. */
    List<InstanceInfo> forInstances(List<String> ids, String state, Map options)

    /** Runs the waiter of {@code resource} (a {@link io.kecsh.dsl.result.WaitStates} constant) for {@code state}; returns the last response. */
    Map<String, Object> forResource(String resource, String state, Map<String, Object> params, Map options)
}
