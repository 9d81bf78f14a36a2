package io.kecsh.runtime.sandbox.sks;

import io.kecsh.runtime.sandbox.SandboxRequest;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
