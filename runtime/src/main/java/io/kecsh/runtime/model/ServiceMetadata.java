package io.kecsh.runtime.model;

import java.util.List;

/**
 * What every operation of a service shares: identity, wire protocol, envelope and signing.
 *
 * @param protocol   {@code ksyun-query} (Kingsoft GET/POST form) or {@code acs-rpc} (Alibaba RPC)
 * @param envelope   response envelope: {@code ksyun}, {@code cloud-market} or {@code acs}
 * @param signatures accepted signature schemes; the first is what clients use by default
 */
public record ServiceMetadata(String service, String apiVersion, String title, String protocol, String envelope,
                              List<String> signatures, String signingName, Endpoint endpoint,
                              String defaultRegion, String source) {
    public ServiceMetadata {
        signatures = List.copyOf(signatures);
    }

    public String defaultSignature() {
        return signatures.get(0);
    }
}
