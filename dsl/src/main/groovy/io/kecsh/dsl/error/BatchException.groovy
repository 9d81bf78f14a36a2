package io.kecsh.dsl.error

import io.kecsh.runtime.error.ServiceException
import io.kecsh.runtime.error.TransportException

/**
 * A verb over several resources that went part of the way. Three data sets say what happened to
 * each resource, so a script (or a person) can finish or reconcile without guessing:
 * <ul>
 *   <li>{@link #done}: the ids of the resources the verb handled;</li>
 *   <li>{@link #notDone}: what certainly did not happen (an id, or a name such as {@code web-51}
 *       for instances not yet created) → why;</li>
 *   <li>{@link #unknown}: what may or may not have happened (the call's answer was lost, or a 5xx
 *       came back) → why: look before retrying these.</li>
 * </ul>
 * Nothing was retried that could have happened twice. Keys are plain Strings. The cause is the
 * error that stopped the verb, {@link #getCode code} its error code. Every context splits and
 * reports through {@code internal.Batches}.
 */
class BatchException extends RuntimeException {
    private static final int SHOWN = 6

    final String verb
    final List<String> done
    final Map<String, String> notDone
    final Map<String, String> unknown

    BatchException(String verb, List<String> done, Map<?, ?> notDone, Map<?, ?> unknown, Throwable cause) {
        super(summary(verb, done, plain(notDone), plain(unknown), cause), cause)
        this.verb = verb
        this.done = List.copyOf(done.collect { it as String })
        this.notDone = plain(notDone)
        this.unknown = plain(unknown)
    }

    /** Refusals only: each entry certainly not done. */
    BatchException(String verb, List<String> done, Map<?, ?> notDone, Throwable cause) {
        this(verb, done, notDone, [:], cause)
    }

    /** The earlier name of {@link #done}. */
    List<String> getSucceeded() {
        done
    }

    /** Everything not known to be done: {@link #notDone} and {@link #unknown} together. */
    Map<String, String> getFailed() {
        Collections.unmodifiableMap(new LinkedHashMap<String, String>(notDone) + unknown)
    }

    /**
     * The error code of the call that stopped the verb ({@code LimitExceeded}, {@code ServiceUnavailable}, …),
     * or null when none came back (the answer was lost, or the answer refused resources one by one).
     */
    String getCode() {
        for (Throwable t = cause; t != null; t = t.cause == t ? null : t.cause) {
            if (t instanceof ServiceException) return ((ServiceException) t).code()
        }
        null
    }

    /** Whether a call that failed with {@code e} may still have taken effect: then its resources are unknown, not "not done". */
    static boolean mayHaveTakenEffect(Throwable e) {
        for (Throwable t = e; t != null; t = t.cause == t ? null : t.cause) {
            if (t instanceof TransportException) return ((TransportException) t).mayHaveBeenProcessed()
            if (t instanceof ServiceException) return ((ServiceException) t).mayHaveTakenEffect()
        }
        false
    }

    private static Map<String, String> plain(Map<?, ?> m) {
        Map<String, String> out = new LinkedHashMap<>()
        m?.each { k, v -> out.put(k as String, v as String) }
        Collections.unmodifiableMap(out)
    }

    /** One line: counts, then each group of resources with its reason, then the done ids. */
    private static String summary(String verb, List<String> done, Map<String, String> notDone, Map<String, String> unknown, Throwable cause) {
        StringBuilder s = new StringBuilder("${verb}: ${done.size()} done, ${notDone.size()} not done, ${unknown.size()} unknown")
        if (unknown) s.append('; unknown (check before retrying): ').append(grouped(unknown))
        if (notDone) s.append('; not done: ').append(grouped(notDone))
        if (!notDone && !unknown && cause != null) s.append('; then ').append(oneLine(cause.message))
        if (done) s.append('; done: ').append(abbreviated(done))
        s.toString()
    }

    private static String grouped(Map<String, String> entries) {
        Map<String, List<String>> byReason = new LinkedHashMap<>()
        entries.each { k, v -> byReason.computeIfAbsent(v, { [] }) << k }
        byReason.collect { reason, keys -> "${abbreviated(keys)} (${oneLine(reason)})" }.join('; ')
    }

    private static String abbreviated(List<String> items) {
        items.size() <= SHOWN ? items.join(', ')
            : items.take(SHOWN - 2).join(', ') + " … ${items.last()} (${items.size()})"
    }

    private static String oneLine(String text) {
        (text ?: 'no message').replaceAll(/\s+/, ' ').trim()
    }
}
