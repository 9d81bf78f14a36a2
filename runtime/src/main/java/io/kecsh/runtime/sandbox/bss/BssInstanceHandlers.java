package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.kms.KmsInstanceFactory;
import io.kecsh.runtime.sandbox.kms.KmsInstances;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BSS ModifyInstance and RenewChangeInstance on KMS instances (CATALOG §7.3, §7.4; decisions in
 * the bss model next to each operation). Both are idempotent by ClientToken, take effect at once
 * (payment is automatic) and answer Code Success, Message "Successful!", Success true and
 * Data {OrderId, HostId}.
 */
public final class BssInstanceHandlers {
    private static final String KMS = "kms";

    private BssInstanceHandlers() {
    }

    public static Map<String, Object> modify(SandboxRequest request, SandboxState state) {
        return new ClientTokens(state).once(request, () -> {
            Map<String, Object> instance = instance(request, state);
            String billing = KmsInstances.prepay(instance) ? "Subscription" : "PayAsYouGo";
            String given = request.requireString("SubscriptionType");
            if (!billing.equals(given)) {
                throw KmsChanges.invalid(request, "SubscriptionType", "The instance is billed " + billing
                    + " (" + instance.get("ChargeType") + "), not " + given + ".");
            }
            checkProductType(request, instance);
            KmsChanges.Change change = KmsChanges.parse(request);
            if (change.values().isEmpty()) {
                throw KmsChanges.invalid(request, "Parameter", "ModifyInstance needs at least one Parameter.N Code/Value to change.");
            }
            boolean upgrade = "Upgrade".equals(request.requireString("ModifyType"));
            KmsChanges.checkDirection(request, change, instance, upgrade ? KmsChanges.Direction.UP : KmsChanges.Direction.DOWN);
            KmsChanges.apply(change, instance);
            return success(request, state);
        });
    }

    public static Map<String, Object> renewChange(SandboxRequest request, SandboxState state) {
        return new ClientTokens(state).once(request, () -> {
            Map<String, Object> instance = instance(request, state);
            if (!KmsInstances.prepay(instance)) {
                throw KmsChanges.invalid(request, "InstanceId", "A pay-as-you-go (POSTPAY) instance has no subscription to renew.");
            }
            checkProductType(request, instance);
            KmsChanges.Change change = KmsChanges.parse(request);
            long months = request.number("RenewPeriod").orElseThrow();
            Instant end = Instant.parse(String.valueOf(instance.get("EndDate")));
            instance.put("EndDate", KmsInstanceFactory.extend(end, months).toString());
            KmsChanges.apply(change, instance);
            return success(request, state);
        });
    }

    /** The KMS instance the call names: ResourceNotExists for another product or an unknown ID. */
    private static Map<String, Object> instance(SandboxRequest request, SandboxState state) {
        if (!KMS.equals(request.requireString("ProductCode"))) throw request.error("ResourceNotExists");
        return new KmsInstances(state).find(request.requireString("InstanceId"))
            .orElseThrow(() -> request.error("ResourceNotExists"));
    }

    private static void checkProductType(SandboxRequest request, Map<String, Object> instance) {
        String given = request.string("ProductType").orElse(null);
        if (given != null && !given.equals(instance.get("ProductType"))) {
            throw KmsChanges.invalid(request, "ProductType", "The instance's product type is " + instance.get("ProductType") + ".");
        }
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
