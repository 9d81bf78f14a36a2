package io.kecsh.runtime.model;

import java.util.Arrays;

/**
 * How a service's calls travel, read once from its metadata's {@code protocol} so that no code
 * compares the text again: Kingsoft's query protocol (GET query or POST form, SigV4) or Alibaba's
 * RPC style (ACS3 or the classic RPC signature, Alibaba's error envelope and common errors).
 */
public enum ApiProtocol {
    KINGSOFT_QUERY("ksyun-query"),
    ALIBABA_RPC("acs-rpc");

    private final String modelName;

    ApiProtocol(String modelName) {
        this.modelName = modelName;
    }

    /** The name service.json uses. */
    public String modelName() {
        return modelName;
    }

    /** True for Alibaba's services (kms, bss): their credentials, signatures and envelope. */
    public boolean alibaba() {
        return this == ALIBABA_RPC;
    }

    public static ApiProtocol of(String modelName) {
        return Arrays.stream(values())
                .filter(p -> p.modelName.equals(modelName))
                .findFirst()
                .orElseThrow(() -> new ModelException("metadata.protocol " + modelName + " is none of "
                        + Arrays.stream(values()).map(ApiProtocol::modelName).toList()));
    }
}
