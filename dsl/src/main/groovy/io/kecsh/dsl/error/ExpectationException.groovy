package io.kecsh.dsl.error

import groovy.transform.CompileStatic

/**
 * A guard ({@code expect count: 3}, {@code expect nonEmpty: true}) found something else: nothing
 * after it in the block ran. {@code found} is what the selection held (IDs), {@code expected} the
 * guard's words.
 */
@CompileStatic
class ExpectationException extends IllegalStateException {
    final List<String> found
    final Map<String, Object> expected

    ExpectationException(String message, List<String> found, Map<String, Object> expected) {
        super(message)
        this.found = found.asImmutable()
        this.expected = expected.asImmutable()
    }
}
