package io.kecsh.runtime.sandbox.handler;

/**
 * A value the emulated service cannot use: KEC's and VPC's catch-all InvalidParameterValue naming
 * the parameter (the documents give no NotFound or state-conflict codes), with the sandbox's reason.
 * Backends throw it, or one of its more precise kinds.
 */
public class InvalidValue extends Refusal {
    /** The documented code (its status and message are the model's). */
    public static final String CODE = "InvalidParameterValue";

    public InvalidValue(String param, String reason) {
        super(param, reason);
    }

    @Override
    public String code() {
        return CODE;
    }
}
