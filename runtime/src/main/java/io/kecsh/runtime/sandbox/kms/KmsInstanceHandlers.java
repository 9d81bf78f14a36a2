package io.kecsh.runtime.sandbox.kms;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.Map;

/**
 * GetKmsInstance and ReleaseKmsInstance (CATALOG §7.1, §7.2; decisions in the kms model next to
 * each operation), thin: parameters to {@link KmsInstances}, which holds the rules (an unknown ID
 * is Forbidden.DKMSInstanceNotFound for both; a release refuses a subscription instance, then one
 * without a backup unless forced, and removes the instance).
 */
final class KmsInstanceHandlers {
    private KmsInstanceHandlers() {}

    static Map<String, Object> get(SandboxRequest request, SandboxState state) {
        Map<String, Object> instance = new KmsInstances(state).require(request.requireString("KmsInstanceId"));
        return Map.of(
                "KmsInstance",
                KmsInstances.view(
                        instance, request.operation().output().members().get("KmsInstance")));
    }

    static Map<String, Object> release(SandboxRequest request, SandboxState state) {
        boolean force = "true".equals(request.string("ForceDeleteWithoutBackup").orElse("false"));
        new KmsInstances(state).release(request.requireString("KmsInstanceId"), force);
        return Map.of();
    }
}
