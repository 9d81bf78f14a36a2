package io.kecsh.runtime.model;

import java.util.List;

/**
 * What every operation of a service shares: identity, wire protocol, envelope and signing.
 *
 * @param protocol   Kingsoft's query protocol or Alibaba's RPC style ({@code ksyun-query}, {@code acs-rpc} in the file)
 * @param envelope   response envelope: {@code ksyun}, {@code cloud-market} or {@code acs}
 * @param signatures accepted signature schemes; the first is what clients use by default
 */
public record ServiceMetadata(
        String service,
        String apiVersion,
        String title,
        ApiProtocol protocol,
        String envelope,
        List<String> signatures,
        String signingName,
        Endpoint endpoint,
        String defaultRegion,
        String source) {
    public ServiceMetadata {
        signatures = List.copyOf(signatures);
    }

    public String defaultSignature() {
        return signatures.get(0);
    }
}
