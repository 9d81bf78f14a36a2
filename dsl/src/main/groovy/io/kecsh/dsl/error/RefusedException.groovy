package io.kecsh.dsl.error

import groovy.transform.CompileStatic

/** A destructive call stopped before anything was sent: protected, refused here, or not confirmed. */
@CompileStatic
class RefusedException extends IllegalStateException {
    final String verb
    final List<Target> targets

    RefusedException(String verb, List<Target> targets, String message) {
        super(message)
        this.verb = verb
        this.targets = List.copyOf(targets)
    }
}
