package io.kecsh.dsl.engine

import java.lang.annotation.ElementType
import java.lang.annotation.Retention
import java.lang.annotation.RetentionPolicy
import java.lang.annotation.Target

/**
 * Marks a context method as a DSL verb backed by one modelled action: {@code stop} is
 * StopInstances. The context itself, the compile-time checks ({@link io.kecsh.dsl.check.LiteralChecks})
 * and the IDE descriptor (kecsh.gdsl) all read this one declaration, so the verb → action table
 * is never typed twice.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Verb {
    /** The model's action the verb calls. */
    String action()

    /** Names this verb maps itself, as {@code friendly=ApiName} ({@code force=ForceStop}); others go through ParameterNames. */
    String[] names() default []

    /** Keys the verb handles itself and never sends as such ({@code count}, {@code min}). */
    String[] own() default []

    /**
     * Own words that count what an API parameter counts, as {@code word=ApiName} ({@code count=MaxCount}):
     * the verb splits its calls past the parameter's maximum, so the word has only the parameter's minimum.
     */
    String[] counts() default []

    /**
     * Own words whose value the verb shapes itself into an API parameter, as {@code word=ApiName}
     * ({@code sort=Sort}: {@code sort: [CreationDate: 'DESC']} becomes Sort.N Name/Value). They are
     * own words (add them to no other list): the declaration says which parameter each fills, the
     * verb only how its value is written.
     */
    String[] fills() default []

    /**
     * For selections: {@code key=filter-name} pairs that become the action's {@code Filter}
     * ({@code state=instance-state.name}). A verb with filters takes only these and {@link #own}.
     */
    String[] filters() default []

    /**
     * An enumeration, as {@code service.EnumName}, whose values in lower camel are further keys the
     * verb handles itself: KMS {@code upgrade} takes BSS's quota codes ({@code spec}, {@code keyNum}).
     */
    String ownFrom() default ''

    /**
     * The API parameter the verb fills from the selection before it ({@code where …; stop} sends the
     * chosen instances' ids as InstanceId): required by the action, yet never typed.
     */
    String selected() default ''

    /**
     * The API parameter the verb's own argument fills ({@code delete key} sends KeyId, {@code snapshot
     * volume} LocalVolumeId): required by the action, yet typed without its name. Every verb that takes
     * an argument besides its named words declares which parameter it becomes, or {@link #selected}.
     */
    String argument() default ''

    /** The verb takes only its own words ({@link #own}, {@link #names}, {@link #ownFrom}), no API parameters by name. */
    boolean closed() default false
}
