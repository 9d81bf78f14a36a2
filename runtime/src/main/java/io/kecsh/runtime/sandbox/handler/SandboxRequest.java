package io.kecsh.runtime.sandbox.handler;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A call that passed authentication and validation, as a handler sees it: the operation, its typed
 * parameters (the validator's normalized tree: lists, maps, Long, BigDecimal, Boolean, String), the
 * region from the signature (or the service's default), and the caller's access key. The sandbox's
 * clock is the state's ({@code state.clock()}).
 */
public record SandboxRequest(
        Service service,
        Operation operation,
        Map<String, Object> params,
        String region,
        String accessKeyId,
        String requestId) {

    public String action() {
        return operation.name();
    }

    public boolean has(String name) {
        return params.containsKey(name);
    }

    public Optional<String> string(String name) {
        return Optional.ofNullable(params.get(name)).map(Object::toString);
    }

    public String requireString(String name) {
        return string(name).orElseThrow(() -> SandboxError.documented(service, operation, "MissingParameter", name));
    }

    public Optional<Long> number(String name) {
        Object v = params.get(name);
        return v == null ? Optional.empty() : Optional.of(((Number) v).longValue());
    }

    public Optional<BigDecimal> decimal(String name) {
        Object v = params.get(name);
        return v == null ? Optional.empty() : Optional.of(v instanceof BigDecimal d ? d : new BigDecimal(v.toString()));
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(params.get(name));
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String name) {
        Object v = params.get(name);
        return v == null ? List.of() : (List<Object>) v;
    }

    public List<String> strings(String name) {
        return list(name).stream().map(Object::toString).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> structure(String name) {
        return Optional.ofNullable((Map<String, Object>) params.get(name));
    }

    /** The documented error of this code for this call. */
    public SandboxError error(String code, Object... args) {
        return SandboxError.documented(service, operation, code, args);
    }

    /** KEC's catch-all for a value the server cannot use: InvalidParameterValue naming the parameter. */
    public SandboxError invalid(String param, String reason) {
        return new InvalidValue(param, reason).answer(this);
    }
}
