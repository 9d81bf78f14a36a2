package io.kecsh.dsl.check

import groovy.transform.CompileStatic

/**
 * A destructive call the compiler can see in a script ({@code terminate()} in {@code instances { }},
 * {@code kec.TerminateInstances(…)}, {@code kms { ReleaseKmsInstance(…) }}): the words written, the
 * model's action, and where. {@link VisibleRefusals} refuses a script with one before its first call
 * when the run refuses destructive actions, or when a {@code protect} rule covers what it chooses.
 */
@CompileStatic
class DestructiveCall {
    final String written
    final String action
    final int line
    final int column
    /** The kind of resource it acts on, as protect's {@code kind:} names it ('instance', 'kms instance'). */
    final String kind
    /**
     * What it chooses, as far as the text says: protect's criteria ({@code id}, {@code name},
     * {@code type}) with their literal values, e.g. {@code [name: ~/^db-/]} from the {@code where}
     * before it; null when the compiler cannot tell.
     */
    final Map<String, Object> selection
    /** In the script's body (not a method it declares): it runs after the protect statements above it. */
    final boolean inBody

    DestructiveCall(String written, String action, int line, int column = 0, String kind = null, Map<String, Object> selection = null, boolean inBody = true) {
        this.written = written
        this.action = action
        this.line = line
        this.column = column
        this.kind = kind
        this.selection = selection
        this.inBody = inBody
    }

    @Override
    String toString() {
        "${written} (${action}) at line ${line}"
    }
}
