package io.kecsh.dsl.result

import java.lang.annotation.ElementType
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

/**
 * Marks a {@code waitUntil(String state)} method with the resource whose {@link WaitStates} it
 * takes, so the compile-time checks can reject {@code waitUntil 'activ'} before anything runs.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface WaitsFor {
    /** One of the {@link WaitStates} resource constants. */
    String value()
}
