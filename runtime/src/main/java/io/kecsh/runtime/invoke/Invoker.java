package io.kecsh.runtime.invoke;

import java.util.Map;

/** Calls one action with parameters and returns its result tree; the seam paginators and waiters use. */
@FunctionalInterface
public interface Invoker {
    Map<String, Object> invoke(String action, Map<String, ?> params);
}
