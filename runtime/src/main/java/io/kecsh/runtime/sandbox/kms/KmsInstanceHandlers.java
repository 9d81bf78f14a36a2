package io.kecsh.runtime.sandbox.kms;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.Map;

/**
 * GetKmsInstance and ReleaseKmsInstance (CATALOG §7.1, §7.2; decisions in the kms model next to
 * each operation): an unknown ID is Forbidden.DKMSInstanceNotFound for both; a release refuses a
 * subscription instance, then one without a backup unless forced, and removes the instance.
 */
final class KmsInstanceHandlers {
    private KmsInstanceHandlers() {
    }

    static Map<String, Object> get(SandboxRequest request, SandboxState state) {
        Map<String, Object> instance = require(request, state);
        return Map.of("KmsInstance", KmsInstances.view(instance,
            request.operation().output().members().get("KmsInstance")));
    }

    static Map<String, Object> release(SandboxRequest request, SandboxState state) {
        Map<String, Object> instance = require(request, state);
        if (KmsInstances.prepay(instance)) throw request.error("Rejected.UnsupportedOperation");
        boolean force = "true".equals(request.string("ForceDeleteWithoutBackup").orElse("false"));
        if (!KmsInstances.hasBackup(instance) && !force) throw request.error("Forbidden.NoBackup");
        new KmsInstances(state).remove((String) instance.get("InstanceId"));
        return Map.of();
    }

    private static Map<String, Object> require(SandboxRequest request, SandboxState state) {
        return new KmsInstances(state).find(request.requireString("KmsInstanceId"))
            .orElseThrow(() -> request.error("Forbidden.DKMSInstanceNotFound"));
    }
}
