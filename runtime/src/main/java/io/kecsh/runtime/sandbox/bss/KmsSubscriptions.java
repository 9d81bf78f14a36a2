package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.sandbox.kms.KmsInstanceFactory;
import io.kecsh.runtime.sandbox.kms.KmsInstances;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What BSS's ModifyInstance and RenewChangeInstance do to a KMS instance, and their rules (CATALOG
 * §7.3, §7.4; decisions in the bss model next to each operation), apart from the handlers that
 * read parameters and shape answers ({@link BssInstanceHandlers}). The product must be kms and the
 * instance exist (else ResourceNotExists); the billing and product type given must be the
 * instance's; a modification changes at least one value, each the way ModifyType says; a renewal
 * is for subscription instances. Refusals are {@link BssRefusal}s; every check comes before the
 * first change, which takes effect at once (payment is automatic). Made per call, used under the
 * state's lock.
 */
final class KmsSubscriptions {
    private static final String KMS = "kms";

    private final SandboxState state;
    private final Service bss;

    KmsSubscriptions(SandboxState state, Service bss) {
        this.state = state;
        this.bss = bss;
    }

    /** The instance named by ProductCode and InstanceId. */
    record Target(String productCode, String instanceId, String productType) {}

    /** ModifyInstance: {@code parameters} are the call's Parameter.N Code/Value pairs. */
    void modify(Target target, String subscriptionType, boolean upgrade, List<Object> parameters) {
        Map<String, Object> instance = instance(target);
        String billing = KmsInstances.prepay(instance) ? "Subscription" : "PayAsYouGo";
        if (!billing.equals(subscriptionType)) {
            throw BssRefusal.invalid(
                    "SubscriptionType",
                    "The instance is billed " + billing + " (" + instance.get("ChargeType") + "), not "
                            + subscriptionType + ".");
        }
        checkProductType(target, instance);
        KmsChanges.Change change = KmsChanges.parse(bss, parameters);
        if (change.values().isEmpty()) {
            throw BssRefusal.invalid(
                    "Parameter", "ModifyInstance needs at least one Parameter.N Code/Value to change.");
        }
        KmsChanges.checkDirection(change, instance, upgrade ? KmsChanges.Direction.UP : KmsChanges.Direction.DOWN);
        KmsChanges.apply(change, instance);
    }

    /** RenewChangeInstance: the term ends {@code months} later, with the changes given. */
    void renew(Target target, long months, List<Object> parameters) {
        Map<String, Object> instance = instance(target);
        if (!KmsInstances.prepay(instance)) {
            throw BssRefusal.invalid("InstanceId", "A pay-as-you-go (POSTPAY) instance has no subscription to renew.");
        }
        checkProductType(target, instance);
        KmsChanges.Change change = KmsChanges.parse(bss, parameters);
        Instant end = Instant.parse(String.valueOf(instance.get("EndDate")));
        instance.put("EndDate", KmsInstanceFactory.extend(end, months).toString());
        KmsChanges.apply(change, instance);
    }

    /** The KMS instance the call names: ResourceNotExists for another product or an unknown ID. */
    private Map<String, Object> instance(Target target) {
        if (!KMS.equals(target.productCode())) throw BssRefusal.notFound(target.productCode(), target.instanceId());
        return new KmsInstances(state)
                .find(target.instanceId())
                .orElseThrow(() -> BssRefusal.notFound(target.productCode(), target.instanceId()));
    }

    private static void checkProductType(Target target, Map<String, Object> instance) {
        String given = target.productType();
        if (given != null && !given.equals(instance.get("ProductType"))) {
            throw BssRefusal.invalid(
                    "ProductType", "The instance's product type is " + instance.get("ProductType") + ".");
        }
    }
}
