package io.kecsh.runtime.sandbox.kms;

import io.kecsh.runtime.sandbox.handler.Refusal;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;

/**
 * The KMS instance backend's refusals, typed by the code the kms model documents for them. Alibaba
 * answers them with the documented message alone (it names no parameter and gives no reason), so
 * that is the answer: status and message read from the model.
 */
final class KmsRefusal extends Refusal {
    static final String NOT_FOUND = "Forbidden.DKMSInstanceNotFound";
    static final String SUBSCRIPTION = "Rejected.UnsupportedOperation";
    static final String NO_BACKUP = "Forbidden.NoBackup";

    private final String code;

    private KmsRefusal(String code, String reason) {
        super(null, reason);
        this.code = code;
    }

    /** No KMS instance has the ID. */
    static KmsRefusal notFound(String id) {
        return new KmsRefusal(NOT_FOUND, "There is no KMS instance " + id + ".");
    }

    /** A subscription (PREPAY) instance is not released by ReleaseKmsInstance. */
    static KmsRefusal subscription(String id) {
        return new KmsRefusal(SUBSCRIPTION, "The KMS instance " + id + " is a subscription instance.");
    }

    /** An instance without a backup is released only when forced. */
    static KmsRefusal noBackup(String id) {
        return new KmsRefusal(NO_BACKUP, "The KMS instance " + id + " has no backup and the release is not forced.");
    }

    @Override
    public String code() {
        return code;
    }

    /** The documented error as Alibaba sends it; the reason stays the sandbox's (for tests and logs), not the wire's. */
    @Override
    public SandboxError answer(SandboxRequest request) {
        return request.error(code);
    }
}
