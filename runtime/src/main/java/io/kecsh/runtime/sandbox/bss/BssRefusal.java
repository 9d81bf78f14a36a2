package io.kecsh.runtime.sandbox.bss;

import io.kecsh.runtime.sandbox.handler.Refusal;
import io.kecsh.runtime.sandbox.handler.SandboxError;
import io.kecsh.runtime.sandbox.handler.SandboxRequest;

/**
 * The refusals of BSS's calls on KMS instances, typed by the code the bss model documents:
 * InvalidParameter names the Parameter path and carries the sandbox's reason after the documented
 * text; ResourceNotExists and IdempotentParameterMismatch are answered with the documented message
 * alone, as Alibaba sends them. Status and message are the model's.
 */
final class BssRefusal extends Refusal {
    static final String INVALID = "InvalidParameter";
    static final String NOT_FOUND = "ResourceNotExists";
    static final String TOKEN_REUSED = "IdempotentParameterMismatch";

    private final String code;

    private BssRefusal(String code, String param, String reason) {
        super(param, reason);
        this.code = code;
    }

    /** InvalidParameter naming {@code param}, with the reason. */
    static BssRefusal invalid(String param, String reason) {
        return new BssRefusal(INVALID, param, reason);
    }

    /** Another product than kms, or no KMS instance of that ID. */
    static BssRefusal notFound(String productCode, String id) {
        return new BssRefusal(NOT_FOUND, null, "There is no " + productCode + " instance " + id + ".");
    }

    /** The ClientToken of an earlier call with other parameters. */
    static BssRefusal tokenReused(String token) {
        return new BssRefusal(TOKEN_REUSED, null, "The ClientToken " + token + " was used by another call.");
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public SandboxError answer(SandboxRequest request) {
        return INVALID.equals(code) ? super.answer(request) : request.error(code);
    }
}
