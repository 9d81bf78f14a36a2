package io.kecsh.runtime.client;

import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.protocol.ServiceError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which spelling of an action each endpoint answers to, for the few operations the service knows
 * by more than one name ({@link Operation#wireNames()}: DescribeInstanceFamilys / Families). The
 * first spelling is sent until an endpoint refuses it as an unknown action; then the next one is
 * tried and remembered for that endpoint, so the refusal is paid once per endpoint and client.
 */
final class ActionSpellings {
    private final ConcurrentMap<String, String> chosen = new ConcurrentHashMap<>();

    /** The Action value to send to {@code endpoint} for {@code operation}. */
    String current(String endpoint, Operation operation) {
        if (operation.wireNames().size() < 2) return operation.wireNames().get(0);
        return chosen.getOrDefault(
                key(endpoint, operation), operation.wireNames().get(0));
    }

    /**
     * After {@code error} answered {@code sent}: whether another spelling is left to try (and is
     * now the endpoint's choice). Only an unknown-action refusal counts: the request was not
     * processed, so sending the other spelling cannot do anything twice.
     */
    boolean fallBack(String endpoint, Operation operation, String sent, ServiceError error) {
        List<String> names = operation.wireNames();
        if (names.size() < 2 || !refusedAsUnknownAction(error)) return false;
        int next = names.indexOf(sent) + 1;
        if (next <= 0 || next >= names.size()) return false;
        chosen.put(key(endpoint, operation), names.get(next));
        return true;
    }

    /** Kingsoft answers an action it does not have with 404 NoSuchEntity; some gateways say InvalidAction. */
    static boolean refusedAsUnknownAction(ServiceError error) {
        String code = error.code() == null ? "" : error.code();
        return (error.httpStatus() == 404 && code.equals("NoSuchEntity")) || code.startsWith("InvalidAction");
    }

    /** The parameters with the Action value replaced by {@code action}. */
    static List<QueryParam> withAction(List<QueryParam> params, String action) {
        List<QueryParam> out = new ArrayList<>(params.size());
        for (QueryParam p : params) out.add(p.name().equals("Action") ? new QueryParam("Action", action) : p);
        return out;
    }

    private static String key(String endpoint, Operation operation) {
        return endpoint + " " + operation.serviceName() + ":" + operation.name();
    }
}
