package io.kecsh.runtime.protocol;

import java.util.Objects;

/**
 * An error the service answered with, as read from its body (or made up from the HTTP status
 * when the body was not an error document).
 *
 * @param httpStatus the HTTP status; 200 for an Alibaba body with {@code Success=false} or a
 *                   cloud-market body whose Code is not 200
 * @param code       the service's error code ({@code InvalidParameterValue}, {@code Forbidden.NoBackup}),
 *                   or {@code HttpNNN} when the body held none
 * @param message    the service's message, verbatim; never null
 * @param type       {@code Sender} or {@code Receiver}: from the body when it says (Kingsoft's
 *                   Error.Type), otherwise Receiver for 5xx and Sender for anything else
 * @param requestId  the request id from the body, or null when it carried none
 */
public record ServiceError(int httpStatus, String code, String message, String type, String requestId) {

    /** A null message becomes empty and a null type is derived from the status, so readers need no null checks. */
    public ServiceError {
        Objects.requireNonNull(code, "code");
        if (message == null) message = "";
        if (type == null || type.isBlank()) type = typeFor(httpStatus);
    }

    /** {@code Receiver} for a 5xx status, {@code Sender} otherwise (AWS convention; the spec shows only Sender). */
    public static String typeFor(int httpStatus) {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }
}
