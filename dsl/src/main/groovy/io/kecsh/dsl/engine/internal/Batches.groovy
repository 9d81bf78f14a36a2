package io.kecsh.dsl.engine.internal

import io.kecsh.dsl.error.BatchException
import io.kecsh.runtime.model.Operation

/**
 * The one way a verb over many resources is split into calls and reports a failure part way.
 * How much a call carries comes from the model ({@link Limits}: a list's maxItems, a count's max).
 * The calls go in order; the first that throws stops the verb, and a {@link BatchException} says
 * per resource what was done (ids), what was not (the failed call's resources when it certainly
 * did not take effect, and every later one: not tried) and what is unknown (a call whose answer
 * was lost or came back 5xx). Nothing is retried that could happen twice. Resources a call's
 * answer refuses one by one are reported as not done once every call has gone.
 * With a single resource the call's own error is thrown as it is: it already says everything.
 */
final class Batches {
    static final String NOT_TRIED = 'not tried: an earlier call failed'

    private Batches() {
    }

    /** What one call made of its share: the ids it handled, the keys it refused (→ why). */
    static final class Answer {
        final List<String> done = []
        final Map<String, String> refused = [:]
        /** The service made fewer than asked (a quota ran out): stop without an error. */
        boolean exhausted

        static Answer all(List<String> ids) {
            Answer a = new Answer()
            a.done.addAll(ids)
            a
        }
    }

    /** Sizes of consecutive calls for {@code total} things at most {@code perCall} each: 120 by 50 is 50, 50, 20. */
    static List<Integer> sizes(int total, int perCall) {
        if (perCall < 1) throw new IllegalArgumentException("a call must carry at least one, not ${perCall}")
        List<Integer> out = []
        for (int offset = 0; offset < total; offset += perCall) out << Math.min(perCall, total - offset)
        out
    }

    /** {@code all} in calls of as many as {@code op}'s list parameter {@code param} takes (one call when the model sets no limit): for reads, where a failure simply throws. */
    static <T> List<List<T>> slices(List<T> all, Operation op, String param) {
        int limit = Limits.items(op, param)
        all.size() <= limit ? [all] : all.collate(limit)
    }

    /** As many of {@code keys} a call as the model lets {@code op}'s list parameter {@code param} carry. */
    static List<String> overList(String verb, List<String> keys, Operation op, String param,
                                 Closure<Answer> call) {
        over(verb, keys, Limits.items(op, param), call)
    }

    /** As many of {@code keys} a call as the model lets {@code op}'s count parameter {@code param} ask for. */
    static List<String> overCount(String verb, List<String> keys, Operation op, String param,
                                  Closure<Answer> call) {
        over(verb, keys, Limits.largest(op, param), call)
    }

    /**
     * Calls {@code call(chunk, offset)} for consecutive chunks of {@code keys} (ids, or names of
     * resources not yet made) of at most {@code perCall}; returns the ids done. {@code verb} names
     * the failure.
     */
    static List<String> over(String verb, List<String> keys, int perCall, Closure<Answer> call) {
        List<String> done = []
        Map<String, String> refused = [:]
        int offset = 0
        for (int n : sizes(keys.size(), perCall)) {
            List<String> chunk = keys.subList(offset, offset + n)
            Answer answer
            try {
                answer = call.call(chunk, offset)
            } catch (RuntimeException e) {
                if (keys.size() == 1) throw e
                boolean maybe = BatchException.mayHaveTakenEffect(e)
                Map<String, String> failed = chunk.collectEntries { [it, e.message] }
                Map<String, String> notTried = keys.drop(offset + n).collectEntries { [it, NOT_TRIED] }
                throw new BatchException(verb, done, refused + (maybe ? notTried : failed + notTried), maybe ? failed : [:], e)
            }
            done.addAll(answer.done)
            refused.putAll(answer.refused)
            if (answer.exhausted) break
            offset += n
        }
        if (refused) throw new BatchException(verb, done, refused, null)
        done
    }
}
