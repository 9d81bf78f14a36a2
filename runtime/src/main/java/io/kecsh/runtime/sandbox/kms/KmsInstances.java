package io.kecsh.runtime.sandbox.kms;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The KMS instances of a sandbox and the rules about them (the backend of {@code KmsInstanceHandlers},
 * refusing with {@link KmsRefusal}): {@link SandboxState#kmsInstances}, one map per instance keyed by
 * InstanceId. A map holds GetKmsInstance's documented members under their documented names and
 * types (SecretNum a string, the other quotas numbers, BindVpcs.BindVpc a list of maps), plus
 * {@value #HAS_BACKUP} (Boolean), which the API never shows: whether ReleaseKmsInstance may go ahead
 * without ForceDeleteWithoutBackup. Values reloaded from a state file may come back as other
 * number classes, so readers go through {@link #number}.
 */
public final class KmsInstances {
    public static final String HAS_BACKUP = "hasBackup";
    public static final String PREPAY = "PREPAY";
    public static final String POSTPAY = "POSTPAY";

    private final SandboxState state;

    public KmsInstances(SandboxState state) {
        this.state = state;
    }

    public Optional<Map<String, Object>> find(String instanceId) {
        return Optional.ofNullable(state.kmsInstances.get(instanceId));
    }

    /** The instance, or the documented Forbidden.DKMSInstanceNotFound. */
    Map<String, Object> require(String instanceId) {
        return find(instanceId).orElseThrow(() -> KmsRefusal.notFound(instanceId));
    }

    /**
     * ReleaseKmsInstance's rules: a subscription instance is refused, then one without a backup
     * unless {@code force}; otherwise the instance is removed.
     */
    void release(String instanceId, boolean force) {
        Map<String, Object> instance = require(instanceId);
        if (prepay(instance)) throw KmsRefusal.subscription(instanceId);
        if (!hasBackup(instance) && !force) throw KmsRefusal.noBackup(instanceId);
        remove(instanceId);
    }

    public void put(Map<String, Object> instance) {
        state.kmsInstances.put((String) instance.get("InstanceId"), instance);
    }

    public void remove(String instanceId) {
        state.kmsInstances.remove(instanceId);
    }

    public static boolean prepay(Map<String, Object> instance) {
        return PREPAY.equals(instance.get("ChargeType"));
    }

    public static boolean hasBackup(Map<String, Object> instance) {
        return Boolean.TRUE.equals(instance.get(HAS_BACKUP));
    }

    /** A numeric member (SecretNum included, though it is kept as the string the API shows). */
    public static long number(Map<String, Object> instance, String member) {
        Object v = instance.get(member);
        return v instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(v));
    }

    /**
     * What GetKmsInstance shows of an instance: exactly the members of the output model's
     * KmsInstance structure, in its order (so internal flags never leak), nested values copied.
     */
    public static Map<String, Object> view(Map<String, Object> instance, Member shape) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String name : shape.members().keySet()) {
            Object value = instance.get(name);
            if (value != null) out.put(name, copy(value));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> out.put(k, copy(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(copy(v)));
            return out;
        }
        return value;
    }
}
