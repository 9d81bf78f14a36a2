package io.kecsh.dsl

/**
 * A batch that went part of the way: which resources the verb handled and which it did not, and
 * why — so a script (or a person) can finish or reconcile without guessing. Nothing was retried.
 */
class BatchException extends RuntimeException {
    final String verb
    final List<String> succeeded
    final Map<String, String> failed

    BatchException(String verb, List<String> succeeded, Map<String, String> failed, Throwable cause) {
        super("${verb}: ${succeeded.size()} done, ${failed.size()} not: " +
            failed.collect { k, v -> "${k} (${v})" }.join('; ') + (succeeded ? "; done: ${succeeded.join(', ')}" : ''), cause)
        this.verb = verb
        this.succeeded = List.copyOf(succeeded)
        this.failed = Collections.unmodifiableMap(new LinkedHashMap<>(failed))
    }
}
