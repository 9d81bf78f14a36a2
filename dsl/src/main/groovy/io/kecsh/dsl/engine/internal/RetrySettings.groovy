package io.kecsh.dsl.engine.internal

import groovy.transform.CompileStatic
import io.kecsh.runtime.retry.Backoff
import io.kecsh.runtime.retry.RetryPolicy
import io.kecsh.runtime.text.Suggestions
import io.kecsh.runtime.text.UserText

import java.time.Duration

/**
 * A script's {@code retry attempts: 3, maxPause: '5s', firstPause: '200ms', total: '1m'} as the
 * runtime's {@link RetryPolicy}, starting from the standard one. These say how hard to try; what may
 * be retried at all stays the model's and {@code RetryDecision}'s (reads, and mutations that carry a
 * ClientToken), so no setting makes a non-idempotent mutation repeat.
 */
@CompileStatic
final class RetrySettings {
    static final List<String> WORDS = ['attempts', 'maxPause', 'firstPause', 'total']
    /** More sends than this is a loop, not a retry policy. */
    static final int MAX_ATTEMPTS = 20

    private RetrySettings() {
    }

    /** Checks the words and values and returns them as given (merged into the session's). */
    static Map<String, Object> check(Map settings) {
        settings.keySet().each { Object k ->
            if (!WORDS.contains(k as String)) {
                throw new IllegalArgumentException("retry: unknown setting ${UserText.quoted(k as String)}${Suggestions.didYouMean(k as String, WORDS)}; retry takes ${WORDS.join(', ')}")
            }
        }
        if (settings.attempts != null) attempts(settings.attempts)
        ['maxPause', 'firstPause', 'total'].each { String w -> if (settings[w] != null) Waits.duration(settings[w], "retry ${w}") }
        new LinkedHashMap<String, Object>((Map<String, Object>) settings)
    }

    static RetryPolicy policy(Map<String, Object> settings) {
        RetryPolicy standard = RetryPolicy.standard()
        Backoff b = standard.backoff()
        Duration first = settings.firstPause != null ? Waits.duration(settings.firstPause, 'retry firstPause') : b.base()
        Duration cap = settings.maxPause != null ? Waits.duration(settings.maxPause, 'retry maxPause') : b.max()
        Duration total = settings.total != null ? Waits.duration(settings.total, 'retry total') : standard.maxTotalTime()
        int n = settings.attempts != null ? attempts(settings.attempts) : standard.maxAttempts()
        new RetryPolicy(n, total, new Backoff(first, cap, b.random()))
    }

    private static int attempts(Object value) {
        if (!(value instanceof Number) || ((Number) value).intValue() != ((Number) value).doubleValue()
            || ((Number) value).intValue() < 1 || ((Number) value).intValue() > MAX_ATTEMPTS) {
            throw new IllegalArgumentException("retry attempts: ${value instanceof Number ? value : UserText.quoted(String.valueOf(value))} is not allowed; give a whole number 1-${MAX_ATTEMPTS} (1 sends once, never retries)")
        }
        ((Number) value).intValue()
    }
}
