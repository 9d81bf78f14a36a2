package io.kecsh.runtime.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes response bodies the way the modelled services do, for the sandbox: the success and error
 * envelopes of Kingsoft ({@code ksyun}, also used for cloud-market's undocumented XML and errors)
 * and Alibaba ({@code acs}), in JSON or XML. Values are written as the output model types them
 * (a boolean member as JSON {@code true}, numbers as numbers), so what {@link ResponseParser}
 * reads back equals what was given. Stateless and thread-safe.
 */
public final class ResponseWriter {
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final String XML_TYPE = "text/xml; charset=UTF-8";
    /** Kingsoft's namespace is the documentation's address for the API version (old samples: .../doc/2016-3-09/). */
    private static final String KINGSOFT_NAMESPACE = "http://vm.ksyun.com/doc/%s/";

    private final ServiceModel model;
    private final ObjectMapper json = JsonMapper.builder()
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
    private final XmlBodyWriter xml = new XmlBodyWriter();

    public ResponseWriter(ServiceModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /** The Content-Type of what {@link #success} and {@link #error} write. */
    public static String contentType(boolean json) {
        return json ? JSON_TYPE : XML_TYPE;
    }

    /**
     * The body of a success. {@code result} holds the output members (nested maps and lists; any
     * number, string or boolean type); {@code requestId} wins over a RequestId in it.
     * <ul>
     *   <li>JSON, every envelope: {@code {"RequestId": …, members…}}, members in model order;</li>
     *   <li>Kingsoft XML: {@code <ActionResponse xmlns="http://vm.ksyun.com/doc/VERSION/">
     *       <ResponseMetadata><RequestId>…</RequestId></ResponseMetadata>…</ActionResponse>},
     *       list items as {@code <item>};</li>
     *   <li>Alibaba XML: {@code <ActionResponse><RequestId>…</RequestId>…</ActionResponse>}, a list
     *       as its element repeated (so an empty list is not written at all).</li>
     * </ul>
     *
     * @throws IllegalArgumentException when a value does not fit its member's type (the message
     *                                  names the member, never the value), or no request id is given
     */
    public byte[] success(Operation op, Map<String, ?> result, String requestId, boolean json) {
        Service service = model.serviceOf(op);
        Envelope envelope = Envelope.of(service);
        String id = requestId != null ? requestId : textOrNull(result.get("RequestId"));
        if (id == null) throw new IllegalArgumentException(op.name() + ": a response needs a request id");
        Map<String, Object> given = new LinkedHashMap<>();
        result.forEach((name, value) -> {
            if (!"RequestId".equals(name)) given.put(name, value);
        });
        Map<String, Object> typed = MemberTyper.forWriting(op.name()).structure(given, op.output(), "");
        Map<String, Object> body = new LinkedHashMap<>();
        if (json || !envelope.kingsoftXml()) {
            body.put("RequestId", id);
        } else {
            body.put("ResponseMetadata", Map.of("RequestId", id));
        }
        body.putAll(typed);
        if (json) return toJson(body);
        String namespace = envelope.kingsoftXml() ? KINGSOFT_NAMESPACE.formatted(service.apiVersion()) : null;
        return xml.document(op.name(), op.name() + "Response", namespace, body, envelope.kingsoftXml());
    }

    /**
     * The body of an error. Kingsoft (and cloud-market): {@code {"RequestId", "Error": {"Type",
     * "Code", "Message"}}} or {@code <ErrorResponse>} with the same members (spec §2.3). Alibaba:
     * {@code {"RequestId", "HostId", "Code", "Message"}} or {@code <Error>} with the same, HostId
     * being the service's host in its default region. A null request id is left out.
     */
    public byte[] error(Operation op, ServiceError error, boolean json) {
        Service service = model.serviceOf(op);
        Envelope envelope = Envelope.of(service);
        Map<String, Object> body = new LinkedHashMap<>();
        if (error.requestId() != null) body.put("RequestId", error.requestId());
        if (envelope.nestedErrors()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("Type", error.type());
            detail.put("Code", error.code());
            detail.put("Message", error.message());
            body.put("Error", detail);
        } else {
            body.put("HostId", service.endpointOf(op).host(service.metadata().defaultRegion()));
            body.put("Code", error.code());
            body.put("Message", error.message());
        }
        if (json) return toJson(body);
        return xml.document(op.name(), envelope.nestedErrors() ? "ErrorResponse" : "Error", null, body,
            envelope.kingsoftXml());
    }

    private byte[] toJson(Map<String, Object> body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write a JSON body: " + e.getOriginalMessage(), e);
        }
    }

    private static String textOrNull(Object value) {
        return value == null ? null : value.toString();
    }
}
