package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.handler.TokenPaging;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sks actions (L5736–L5890): CreateKey makes a real RSA key pair and hands the private key
 * back once; ImportKey takes an OpenSSH public key; DeleteKey refuses a key still bound to an
 * instance (DetachKey first), so no instance is left naming a key that does not exist.
 */
final class KeyHandlers {
    private KeyHandlers() {
    }

    static Map<String, Object> create(SandboxRequest request, SandboxState state) {
        String name = request.string("KeyName").orElse(KeyStore.DEFAULT_NAME);
        KeyStore.requireFreeName(request, state, name);
        RsaKeyPairs.Generated pair = RsaKeyPairs.generate(name.replaceAll("\\s+", "_"));
        Map<String, Object> key = KeyStore.add(state, name, pair.publicKey());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PrivateKey", pair.privateKeyPem());
        out.put("Key", new LinkedHashMap<>(key));
        return out;
    }

    static Map<String, Object> importKey(SandboxRequest request, SandboxState state) {
        String name = request.requireString("KeyName");
        KeyStore.requireFreeName(request, state, name);
        SshPublicKeys.Parsed parsed;
        try {
            parsed = SshPublicKeys.parse(request.requireString("PublicKey"));
        } catch (IllegalArgumentException e) {
            throw request.invalid("PublicKey", e.getMessage());
        }
        return Map.of("Key", new LinkedHashMap<>(KeyStore.add(state, name, parsed.line())));
    }

    /**
     * The account's keys in creation order, public parts only: KeyId.N, the key-name / key-id
     * filters (values ORed, filters ANDed), ProjectId.N (every key is in project 0, the default
     * project, as instances are unless given one), then NextToken paging; TotalCount counts
     * every matching key.
     */
    static Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        Set<String> ids = new HashSet<>(request.strings("KeyId"));
        List<Map<String, Object>> filters = request.list("Filter").stream().map(KeyHandlers::castMap).toList();
        List<Object> projects = request.list("ProjectId");
        List<Object> all = new ArrayList<>();
        for (Map<String, Object> key : state.keys.values()) {
            if (!ids.isEmpty() && !ids.contains(String.valueOf(key.get("KeyId")))) continue;
            if (!projects.isEmpty() && projects.stream().noneMatch(p -> ((Number) p).longValue() == 0L)) continue;
            if (filters.stream().allMatch(f -> matches(key, f))) {
                Map<String, Object> view = new LinkedHashMap<>(key);
                view.put("ProjectId", 0L);
                all.add(view);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>(TokenPaging.page(request, all, "KeySet"));
        out.put("TotalCount", (long) all.size());
        return out;
    }

    private static boolean matches(Map<String, Object> key, Map<String, Object> filter) {
        String member = "key-name".equals(filter.get("Name")) ? "KeyName" : "KeyId";
        List<?> values = filter.get("Value") instanceof List<?> l ? l : List.of();
        return values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(key.get(member))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> delete(SandboxRequest request, SandboxState state) {
        String id = request.requireString("KeyId");
        KeyStore.require(request, state, "KeyId", id);
        List<String> bound = KeyStore.boundTo(state, id);
        if (!bound.isEmpty()) {
            String shown = String.join(", ", bound.subList(0, Math.min(5, bound.size())))
                + (bound.size() > 5 ? " and " + (bound.size() - 5) + " more" : "");
            throw request.invalid("KeyId", "Key " + id + " is bound to instance" + (bound.size() == 1 ? " " : "s ") + shown
                + "; unbind it first (DetachKey).");
        }
        state.keys.remove(id);
        return Map.of("Return", true);
    }
}
