package io.kecsh.runtime.error;

import io.kecsh.runtime.text.UserText;

/**
 * The service answered with an error: its code, message, HTTP status and request id, with the
 * operation and region it concerned. {@link #getMessage()} reads as one line:
 * {@code RunInstances (cn-beijing-6): InvalidParameterValue (400): An invalid … [request 4C46…]}.
 */
public class ServiceException extends KecshException {
    /** How much of a server's message the exception's one line quotes. */
    static final int MAX_MESSAGE = 1000;

    private final String operation;
    private final String region;
    private final String code;
    private final String serviceMessage;
    private final int httpStatus;
    private final String requestId;
    private final String errorType;
    private final boolean mayHaveTakenEffect;

    public ServiceException(
            String operation,
            String region,
            String code,
            String serviceMessage,
            int httpStatus,
            String requestId,
            String errorType) {
        this(operation, region, code, serviceMessage, httpStatus, requestId, errorType, false);
    }

    /**
     * @param mayHaveTakenEffect a mutation the service may have carried out despite the error (a 5xx
     *                           such as ServiceUnavailable or ServiceTimeout): the message then says
     *                           to check before trying again, as a dropped connection's does
     */
    public ServiceException(
            String operation,
            String region,
            String code,
            String serviceMessage,
            int httpStatus,
            String requestId,
            String errorType,
            boolean mayHaveTakenEffect) {
        super(
                line(operation, region, code, serviceMessage, httpStatus, requestId)
                        + (mayHaveTakenEffect
                                ? ". " + operation
                                        + " may or may not have taken effect: check the resource's state before trying again."
                                : ""),
                null);
        this.mayHaveTakenEffect = mayHaveTakenEffect;
        this.operation = operation;
        this.region = region;
        this.code = code;
        this.serviceMessage = serviceMessage;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.errorType = errorType;
    }

    /**
     * Code, message and request id are the server's text (and the message may echo a value the
     * user sent): escaped and cut like any outside text ({@link UserText}), the message at a
     * length no documented message comes near. {@link #serviceMessage()} keeps it verbatim.
     */
    private static String line(
            String operation, String region, String code, String message, int status, String requestId) {
        return operation + (region == null ? "" : " (" + region + ")") + ": " + UserText.shown(code) + " (" + status
                + "): "
                + (message == null || message.isBlank() ? "no message" : UserText.shown(message, MAX_MESSAGE))
                + (requestId == null || requestId.isBlank() ? "" : " [request " + UserText.shown(requestId) + "]");
    }

    public String operation() {
        return operation;
    }

    public String region() {
        return region;
    }

    public String code() {
        return code;
    }

    public String serviceMessage() {
        return serviceMessage;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String requestId() {
        return requestId;
    }
    /** Sender (the request was wrong) or Receiver (the service failed), when the body says. */
    public String errorType() {
        return errorType;
    }
    /** A mutation that may have been carried out although an error came back: reconcile by looking, never by repeating. */
    public boolean mayHaveTakenEffect() {
        return mayHaveTakenEffect;
    }
}
