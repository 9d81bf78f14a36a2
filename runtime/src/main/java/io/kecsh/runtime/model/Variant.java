package io.kecsh.runtime.model;

import java.util.List;

/** One of the two documented forms of AttachNetworkInterface / DetachNetworkInterface. */
public record Variant(
        String name, String summary, String titleZh, String source, List<String> params, List<String> required) {
    public Variant {
        params = List.copyOf(params);
        required = List.copyOf(required);
    }
}
