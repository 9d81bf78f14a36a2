package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.handler.TokenPaging;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sks actions (L5736–L5890): CreateKey makes a real RSA key pair and hands the private key
 * back once; ImportKey takes an OpenSSH public key; DeleteKey refuses a key still bound to an
 * instance (DetachKey first), so no instance is left naming a key that does not exist; kec's
 * AttachKey and DetachKey bind them. Thin: the rules are {@link KeyStore}'s and {@link InstanceKeys}';
 * here parameters are read and answers shaped.
 */
final class KeyHandlers {
    private KeyHandlers() {}

    static Map<String, Object> create(SandboxRequest request, SandboxState state) {
        KeyStore.Created created =
                new KeyStore(state).create(request.string("KeyName").orElse(null));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("PrivateKey", created.privateKeyPem());
        out.put("Key", new LinkedHashMap<>(created.key()));
        return out;
    }

    static Map<String, Object> importKey(SandboxRequest request, SandboxState state) {
        Map<String, Object> key =
                new KeyStore(state).importKey(request.requireString("KeyName"), request.requireString("PublicKey"));
        return Map.of("Key", new LinkedHashMap<>(key));
    }

    /** The account's keys in creation order (see {@link KeyStore#select}), public parts only, then NextToken paging; TotalCount counts every matching key. */
    static Map<String, Object> describe(SandboxRequest request, SandboxState state) {
        List<Map<String, Object>> filters =
                request.list("Filter").stream().map(KeyHandlers::castMap).toList();
        List<Long> projects = request.list("ProjectId").stream()
                .map(p -> ((Number) p).longValue())
                .toList();
        List<Object> all = new ArrayList<>();
        for (Map<String, Object> key :
                new KeyStore(state).select(new HashSet<>(request.strings("KeyId")), filters, projects)) {
            Map<String, Object> view = new LinkedHashMap<>(key);
            view.put("ProjectId", 0L);
            all.add(view);
        }
        Map<String, Object> out = new LinkedHashMap<>(TokenPaging.page(request, all, "KeySet"));
        out.put("TotalCount", (long) all.size());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }

    static Map<String, Object> delete(SandboxRequest request, SandboxState state) {
        new KeyStore(state).delete(request.requireString("KeyId"));
        return Map.of("Return", true);
    }

    static Map<String, Object> attach(SandboxRequest request, SandboxState state) {
        return answer(new InstanceKeys(state, request.region())
                .bind(request.strings("KeyId"), request.strings("InstanceId"), true));
    }

    static Map<String, Object> detach(SandboxRequest request, SandboxState state) {
        return answer(new InstanceKeys(state, request.region())
                .bind(request.strings("KeyId"), request.strings("InstanceId"), false));
    }

    /** The samples' {@code InstancesSet: [{InstanceId, Return}]}, one entry per instance in the order given. */
    private static Map<String, Object> answer(Map<String, Boolean> changed) {
        List<Object> results = new ArrayList<>();
        changed.forEach((id, done) -> results.add(Map.of("InstanceId", id, "Return", done)));
        return Map.of("InstancesSet", results);
    }
}
