package io.kecsh.runtime.client;

import io.kecsh.runtime.model.Operation;

/**
 * The one rule for how a Kingsoft call travels when the configuration leaves it to kecsh
 * ({@link ClientConfig.KingsoftMethod#AUTO}): every mutating action goes as a POST form
 * ({@code application/x-www-form-urlencoded} body, SigV4 in the Authorization header over the body's
 * SHA-256), every read as a GET with everything in the URL.
 *
 * <p>Why by action and not by length: a launch's UserData may be 16 KB decoded, which is a 21.8 KB
 * URL — beyond what gateways and proxies commonly accept for a request line (8 KB) — and Kingsoft's
 * own SDKs have sent forms since 2020 (ksc-sdk-python posts its query-protocol calls; sdk-go takes
 * {@code ReqMethod = "POST"}). A rule on the action alone is the same on every attempt of a call, so
 * retries and their idempotency never depend on what the values happen to be; reads stay GETs, which
 * the wire log shows whole, and their queries are bounded by the model's list limits (100 instance
 * ids make about 5 KB).
 */
final class KingsoftWireForm {
    private KingsoftWireForm() {}

    /** GET or POST for this action: the configured method, or the rule above when it is AUTO. */
    static ClientConfig.KingsoftMethod methodFor(ClientConfig.KingsoftMethod configured, Operation operation) {
        if (configured != ClientConfig.KingsoftMethod.AUTO) return configured;
        return operation.mutating() ? ClientConfig.KingsoftMethod.POST : ClientConfig.KingsoftMethod.GET;
    }
}
