package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * BSS idempotence (CATALOG §7.0; decision in the bss model): the first successful call with a
 * ClientToken is recorded in {@link SandboxState#clientTokens} with the action, a canonical text of
 * its other parameters and its answer. The same token and parameters get the recorded answer back
 * and change nothing; the same token with anything else is IdempotentParameterMismatch. A call that
 * fails records nothing.
 */
final class ClientTokens {
    static final String ACTION = "Action";
    static final String REQUEST = "Request";
    static final String RESULT = "Result";

    private final SandboxState state;

    ClientTokens(SandboxState state) {
        this.state = state;
    }

    /** The recorded answer for this call's token, or {@code call}'s answer (then recorded). */
    Map<String, Object> once(SandboxRequest request, Supplier<Map<String, Object>> call) {
        String token = request.string("ClientToken").orElse(null);
        if (token == null) return call.get();
        String fingerprint = fingerprint(request);
        Map<String, Object> seen = state.clientTokens.get(token);
        if (seen != null) {
            if (!request.action().equals(seen.get(ACTION)) || !fingerprint.equals(seen.get(REQUEST))) {
                throw BssRefusal.tokenReused(token);
            }
            return copy(seen.get(RESULT));
        }
        Map<String, Object> result = call.get();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put(ACTION, request.action());
        record.put(REQUEST, fingerprint);
        record.put(RESULT, copy(result));
        state.clientTokens.put(token, record);
        return result;
    }

    /** The parameters but the token, with map keys sorted and list order kept: equal calls, equal text. */
    static String fingerprint(SandboxRequest request) {
        Map<String, Object> rest = new TreeMap<>(request.params());
        rest.remove("ClientToken");
        return canonical(rest);
    }

    private static String canonical(Object value) {
        if (value instanceof Map<?, ?> m) {
            StringBuilder s = new StringBuilder("{");
            new TreeMap<>(m)
                    .forEach((k, v) ->
                            s.append(k).append('=').append(canonical(v)).append(';'));
            return s.append('}').toString();
        }
        if (value instanceof List<?> l) {
            StringBuilder s = new StringBuilder("[");
            l.forEach(v -> s.append(canonical(v)).append(';'));
            return s.append(']').toString();
        }
        return String.valueOf(value);
    }

    @SuppressWarnings("unchecked")
    private static <T> T copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), copy(v)));
            return (T) out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return (T) out;
        }
        return (T) value;
    }
}
