package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's SSH keys ({@link SandboxState#keys}, global like sks itself). Each entry is the
 * Key data type as the documents show it — {@code KeyId}, {@code KeyName}, {@code PublicKey},
 * {@code CreateTime} (Beijing time, 2019-08-29 16:24:10) — and nothing else: no private key is
 * ever kept. Names are unique in the account.
 */
final class KeyStore {
    static final String DEFAULT_NAME = "Ksc_key";
    private static final DateTimeFormatter BEIJING = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.ofHours(8));

    private KeyStore() {
    }

    static Map<String, Object> require(SandboxRequest request, SandboxState state, String param, String id) {
        Map<String, Object> key = state.keys.get(id);
        if (key == null) throw request.invalid(param, "There is no SSH key " + id + ".");
        return key;
    }

    /** Refuses a name another key has (the documented default Ksc_key included). */
    static void requireFreeName(SandboxRequest request, SandboxState state, String name) {
        for (Map<String, Object> key : state.keys.values()) {
            if (name.equals(key.get("KeyName"))) {
                throw request.invalid("KeyName", "A key named " + name + " already exists (" + key.get("KeyId") + "); key names are unique"
                    + (request.has("KeyName") ? "." : ", and an omitted KeyName is " + DEFAULT_NAME + "."));
            }
        }
    }

    static Map<String, Object> add(SandboxState state, String name, String publicKey) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("KeyId", state.ids.uuid());
        key.put("KeyName", name);
        key.put("PublicKey", publicKey);
        key.put("CreateTime", BEIJING.format(state.clock().instant()));
        state.keys.put((String) key.get("KeyId"), key);
        return key;
    }

    /** Instances (any region, the recycle bin included) that have the key bound. */
    static List<String> boundTo(SandboxState state, String keyId) {
        List<String> out = new ArrayList<>();
        for (RegionState region : state.regions.values()) {
            for (Instance i : region.instances.values()) {
                if (!"deleted".equals(i.state) && i.keyIds.contains(keyId)) out.add(i.id);
            }
        }
        return out;
    }
}
