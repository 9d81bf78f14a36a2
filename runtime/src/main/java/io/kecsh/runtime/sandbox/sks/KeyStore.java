package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The account's SSH keys ({@link SandboxState#keys}, global like sks itself) and the rules about
 * them, apart from the handlers that read parameters and shape answers ({@link KeyHandlers},
 * {@link InstanceKeys}). Each entry is the Key data type as the documents show it — {@code KeyId},
 * {@code KeyName}, {@code PublicKey}, {@code CreateTime} (Beijing time, 2019-08-29 16:24:10) — and
 * nothing else: no private key is ever kept. Names are unique in the account; a key still bound to
 * an instance cannot be deleted. It knows no request and refuses with {@link InvalidValue} naming
 * the documented parameter (sks documents no NotFound or conflict codes). Made per call, used
 * under the state's lock.
 */
final class KeyStore {
    static final String DEFAULT_NAME = "Ksc_key";
    /** How many bound instances a refused DeleteKey names before "and N more". */
    private static final int SHOWN_INSTANCES = 5;

    private static final DateTimeFormatter BEIJING =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.ofHours(8));

    private final SandboxState state;

    KeyStore(SandboxState state) {
        this.state = state;
    }

    /** A new key pair: the key as stored, and its private half, handed back once and never kept. */
    record Created(Map<String, Object> key, String privateKeyPem) {}

    /** CreateKey: a real RSA pair named {@code name} ({@code null}: the documented default, Ksc_key). */
    Created create(String name) {
        String used = name != null ? name : DEFAULT_NAME;
        requireFreeName(used, name != null);
        RsaKeyPairs.Generated pair = RsaKeyPairs.generate(used.replaceAll("\\s+", "_"));
        return new Created(add(used, pair.publicKey()), pair.privateKeyPem());
    }

    /** ImportKey: an OpenSSH public key line, checked as {@link SshPublicKeys} reads it. */
    Map<String, Object> importKey(String name, String publicKey) {
        requireFreeName(name, true);
        SshPublicKeys.Parsed parsed;
        try {
            parsed = SshPublicKeys.parse(publicKey);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue("PublicKey", e.getMessage());
        }
        return add(name, parsed.line());
    }

    /** DeleteKey: refused while the key is bound to an instance, so no instance is left naming a key that does not exist. */
    void delete(String id) {
        require("KeyId", id);
        List<String> bound = boundTo(id);
        if (!bound.isEmpty()) {
            String shown = String.join(", ", bound.subList(0, Math.min(SHOWN_INSTANCES, bound.size())))
                    + (bound.size() > SHOWN_INSTANCES ? " and " + (bound.size() - SHOWN_INSTANCES) + " more" : "");
            throw new InvalidValue(
                    "KeyId",
                    "Key " + id + " is bound to instance" + (bound.size() == 1 ? " " : "s ") + shown
                            + "; unbind it first (DetachKey).");
        }
        state.keys.remove(id);
    }

    /**
     * The keys in creation order matching the IDs (empty: any), every filter (a filter's values
     * ORed; key-name or key-id) and the projects (empty: any; every key is in project 0, the
     * default project, as instances are unless given one).
     */
    List<Map<String, Object>> select(Set<String> ids, List<Map<String, Object>> filters, List<Long> projects) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> key : state.keys.values()) {
            if (!ids.isEmpty() && !ids.contains(String.valueOf(key.get("KeyId")))) continue;
            if (!projects.isEmpty() && !projects.contains(0L)) continue;
            if (filters.stream().allMatch(f -> matches(key, f))) out.add(key);
        }
        return out;
    }

    private static boolean matches(Map<String, Object> key, Map<String, Object> filter) {
        String member = "key-name".equals(filter.get("Name")) ? "KeyName" : "KeyId";
        List<?> values = filter.get("Value") instanceof List<?> l ? l : List.of();
        return values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(key.get(member))));
    }

    Map<String, Object> require(String param, String id) {
        Map<String, Object> key = state.keys.get(id);
        if (key == null) throw new InvalidValue(param, "There is no SSH key " + id + ".");
        return key;
    }

    /** Refuses a name another key has (the documented default Ksc_key included). */
    private void requireFreeName(String name, boolean given) {
        for (Map<String, Object> key : state.keys.values()) {
            if (name.equals(key.get("KeyName"))) {
                throw new InvalidValue(
                        "KeyName",
                        "A key named " + name + " already exists (" + key.get("KeyId") + "); key names are unique"
                                + (given ? "." : ", and an omitted KeyName is " + DEFAULT_NAME + "."));
            }
        }
    }

    private Map<String, Object> add(String name, String publicKey) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("KeyId", state.ids.uuid());
        key.put("KeyName", name);
        key.put("PublicKey", publicKey);
        key.put("CreateTime", BEIJING.format(state.clock().instant()));
        state.keys.put((String) key.get("KeyId"), key);
        return key;
    }

    /** Instances (any region, the recycle bin included) that have the key bound. */
    private List<String> boundTo(String keyId) {
        List<String> out = new ArrayList<>();
        for (RegionState region : state.regions.values()) {
            for (Instance i : region.instances.values()) {
                if (!"deleted".equals(i.state) && i.keyIds.contains(keyId)) out.add(i.id);
            }
        }
        return out;
    }
}
