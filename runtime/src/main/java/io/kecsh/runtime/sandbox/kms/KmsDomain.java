package io.kecsh.runtime.sandbox.kms;

import io.kecsh.runtime.sandbox.handler.HandlerRegistry;
import io.kecsh.runtime.sandbox.handler.SandboxDomain;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.time.Duration;
import java.time.Instant;

/**
 * Alibaba KMS instances: GetKmsInstance, ReleaseKmsInstance. The BSS calls that change them
 * (ModifyInstance, RenewChangeInstance) are {@code bss.BssDomain}'s, which builds on this package.
 *
 * <p>A fresh sandbox has three Connected instances in the KMS default region, created 30 days
 * before the clock's start: a subscription (PREPAY, kms_ddi_public_cn, a one-year term) and a
 * pay-as-you-go instance (POSTPAY, kms_ppi_public_cn), neither backed up, and a second
 * pay-as-you-go instance that has a backup (so a plain ReleaseKmsInstance can succeed: the
 * backup operations are not modelled, and a backup exists only where it was seeded).
 */
public final class KmsDomain implements SandboxDomain {
    /** How long before the sandbox's start the seeded instances were bought. */
    static final Duration SEEDED_AGE = Duration.ofDays(30);

    @Override
    public void register(HandlerRegistry handlers) {
        handlers.on("GetKmsInstance", KmsInstanceHandlers::get).on("ReleaseKmsInstance", KmsInstanceHandlers::release);
    }

    @Override
    public void seed(SandboxState state, SeedContext context) {
        String region = context.model().requireService("kms").metadata().defaultRegion();
        Instant created = context.clock().instant().minus(SEEDED_AGE);
        KmsInstances instances = new KmsInstances(state);
        instances.put(KmsInstanceFactory.create(
                state.ids.kmsInstanceId(),
                KmsInstances.PREPAY,
                region,
                created,
                12,
                KmsInstanceFactory.Spec.STANDARD,
                false));
        instances.put(KmsInstanceFactory.create(
                state.ids.kmsInstanceId(),
                KmsInstances.POSTPAY,
                region,
                created,
                0,
                KmsInstanceFactory.Spec.STANDARD,
                false));
        instances.put(KmsInstanceFactory.create(
                state.ids.kmsInstanceId(),
                KmsInstances.POSTPAY,
                region,
                created.plus(Duration.ofDays(1)),
                0,
                new KmsInstanceFactory.Spec(2000, 2000, "2000", 10, 0, 0),
                true));
    }
}
