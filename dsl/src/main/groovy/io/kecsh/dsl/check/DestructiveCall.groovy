package io.kecsh.dsl.check

import groovy.transform.CompileStatic

/**
 * A destructive call the compiler can see in a script ({@code terminate()} in {@code instances { }},
 * {@code kec.TerminateInstances(…)}, {@code kms { ReleaseKmsInstance(…) }}): the words written, the
 * model's action, and the line. {@link io.kecsh.dsl.ScriptRunner} refuses a script with one before
 * its first call when the run refuses destructive actions.
 */
@CompileStatic
class DestructiveCall {
    final String written
    final String action
    final int line

    DestructiveCall(String written, String action, int line) {
        this.written = written
        this.action = action
        this.line = line
    }

    @Override
    String toString() {
        "${written} (${action}) at line ${line}"
    }
}
