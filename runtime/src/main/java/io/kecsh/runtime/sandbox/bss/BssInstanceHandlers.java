package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BSS ModifyInstance and RenewChangeInstance on KMS instances (CATALOG §7.3, §7.4; decisions in
 * the bss model next to each operation). Both are idempotent by ClientToken, take effect at once
 * (payment is automatic) and answer Code Success, Message "Successful!", Success true and
 * Data {OrderId, HostId}. Thin: the rules are {@link KmsSubscriptions}'.
 */
public final class BssInstanceHandlers {
    private BssInstanceHandlers() {}

    public static Map<String, Object> modify(SandboxRequest request, SandboxState state) {
        return new ClientTokens(state).once(request, () -> {
            new KmsSubscriptions(state, request.service())
                    .modify(
                            target(request),
                            request.requireString("SubscriptionType"),
                            "Upgrade".equals(request.requireString("ModifyType")),
                            request.list("Parameter"));
            return success(request, state);
        });
    }

    public static Map<String, Object> renewChange(SandboxRequest request, SandboxState state) {
        return new ClientTokens(state).once(request, () -> {
            new KmsSubscriptions(state, request.service())
                    .renew(target(request), request.number("RenewPeriod").orElseThrow(), request.list("Parameter"));
            return success(request, state);
        });
    }

    private static KmsSubscriptions.Target target(SandboxRequest request) {
        return new KmsSubscriptions.Target(
                request.requireString("ProductCode"),
                request.requireString("InstanceId"),
                request.string("ProductType").orElse(null));
    }

    private static Map<String, Object> success(SandboxRequest request, SandboxState state) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("OrderId", state.ids.orderId());
        data.put("HostId", request.service().endpointOf(request.operation()).host(request.region()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Code", "Success");
        result.put("Message", "Successful!");
        result.put("Success", true);
        result.put("Data", data);
        return result;
    }
}
