package io.kecsh.runtime.protocol;

import io.kecsh.runtime.model.Service;

/**
 * The three response envelopes the model names in {@code metadata.envelope}, and what differs
 * between them. Reading is tolerant of all three shapes whatever the service; writing produces
 * exactly the service's own.
 */
enum Envelope {
    /** Kingsoft KEC, VPC, SKS: XML {@code <ActionResponse xmlns><ResponseMetadata><RequestId>}, lists as {@code <item>}. */
    KSYUN(true, true),
    /**
     * Kingsoft cloud-market (QueryImageList): JSON {@code {RequestId, Msg, Code: 200, Status: "Y", Data}}.
     * No XML or error body is documented; the Kingsoft ones are used (the service sits behind the
     * same gateway, as the model's envelope decision records).
     */
    CLOUD_MARKET(true, true),
    /** Alibaba KMS and BSS: flat JSON, XML {@code <ActionResponse><RequestId>}, lists as repeated elements. */
    ACS(false, false);

    private final boolean kingsoftXml;
    private final boolean nestedErrors;

    Envelope(boolean kingsoftXml, boolean nestedErrors) {
        this.kingsoftXml = kingsoftXml;
        this.nestedErrors = nestedErrors;
    }

    static Envelope of(Service service) {
        String name = service.metadata().envelope();
        return switch (name == null ? "" : name) {
            case "ksyun" -> KSYUN;
            case "cloud-market" -> CLOUD_MARKET;
            case "acs" -> ACS;
            default ->
                throw new IllegalArgumentException(service.name() + ": unknown response envelope '" + name + "'");
        };
    }

    /**
     * Kingsoft XML: RequestId inside ResponseMetadata, a namespace on the root, list items as
     * {@code <item>}, errors as {@code <ErrorResponse>}. Otherwise Alibaba's: RequestId under the
     * root, no namespace, lists as the member's element repeated, errors as {@code <Error>}.
     */
    boolean kingsoftXml() {
        return kingsoftXml;
    }

    /** Errors: Kingsoft's {@code {RequestId, Error{Type, Code, Message}}} or Alibaba's flat {@code {RequestId, HostId, Code, Message}}. */
    boolean nestedErrors() {
        return nestedErrors;
    }
}
