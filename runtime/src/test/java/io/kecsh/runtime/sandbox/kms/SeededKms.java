package io.kecsh.runtime.sandbox.kms;

import io.kecsh.runtime.sandbox.Sandbox;
import java.util.LinkedHashMap;
import java.util.Map;

/** The IDs of a fresh sandbox's KMS instances, found by what they are (IDs depend on seeding order). */
record SeededKms(String subscription, String payAsYouGo, String backedUp) {
    static SeededKms of(Sandbox sandbox) {
        synchronized (sandbox.state().lock()) {
            String subscription = null;
            String payAsYouGo = null;
            String backedUp = null;
            for (Map<String, Object> i : sandbox.state().kmsInstances.values()) {
                String id = (String) i.get("InstanceId");
                if ("PREPAY".equals(i.get("ChargeType"))) subscription = id;
                else if (Boolean.TRUE.equals(i.get(KmsInstances.HAS_BACKUP))) backedUp = id;
                else payAsYouGo = id;
            }
            return new SeededKms(subscription, payAsYouGo, backedUp);
        }
    }

    /** A copy of an instance's state map (null when it is gone). */
    static Map<String, Object> state(Sandbox sandbox, String id) {
        synchronized (sandbox.state().lock()) {
            Map<String, Object> i = sandbox.state().kmsInstances.get(id);
            return i == null ? null : new LinkedHashMap<>(i);
        }
    }
}
