package io.kecsh.runtime.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes response bodies the way the modelled services do, for the sandbox: the success and error
 * envelopes of Kingsoft ({@code ksyun}, also used for cloud-market's undocumented XML and errors)
 * and Alibaba ({@code acs}), in JSON or XML. Values are written as the output model types them
 * (a boolean member as JSON {@code true}, numbers as numbers), so what {@link ResponseParser}
 * reads back equals what was given. A {@link PreparedItem} in a list is typed and written once and
 * then copied as bytes. Stateless and thread-safe.
 */
public final class ResponseWriter {
    private static final String JSON_TYPE = "application/json; charset=UTF-8";
    private static final String XML_TYPE = "text/xml; charset=UTF-8";
    /** Kingsoft's namespace is the documentation's address for the API version (old samples: .../doc/2016-3-09/). */
    private static final String KINGSOFT_NAMESPACE = "http://vm.ksyun.com/doc/%s/";

    /** Each thread's body buffer, reused: a page grows one from 4 KB to 64 KB by doubling, copying each time. */
    private static final ThreadLocal<Buffer> BUFFER = ThreadLocal.withInitial(() -> new Buffer(64 * 1024));

    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private final ServiceModel model;
    private final ObjectMapper json = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private final XmlBodyWriter xml = new XmlBodyWriter();
    private final Map<String, SerializableString> fieldNames = new ConcurrentHashMap<>();

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
        return xml.document(
                op.name(), envelope.nestedErrors() ? "ErrorResponse" : "Error", null, body, envelope.kingsoftXml());
    }

    /**
     * Streams the tree with one generator rather than through databind's map serializers, which
     * look a serializer up for every value (the sandbox's hottest path): the tree holds only maps,
     * lists, strings, numbers and booleans, and anything else still goes through databind.
     */
    private byte[] toJson(Map<String, Object> body) {
        return toJson(body, 4096);
    }

    private byte[] toJson(Map<String, Object> body, int expected) {
        Buffer kept = BUFFER.get();
        Buffer out = kept.inUse ? new Buffer(expected) : kept; // a prepared item written while its answer is
        out.inUse = true;
        out.reset();
        try (JsonGenerator generator = json.getFactory().createGenerator(out)) {
            generator.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
            write(generator, body);
        } catch (IOException e) {
            throw new IllegalStateException("could not write a JSON body: " + e.getMessage(), e);
        } finally {
            out.inUse = false;
        }
        byte[] bytes = out.toByteArray();
        out.reset(); // no kept item held by a thread's buffer between answers
        if (out == kept && kept.capacity() > MAX_KEPT_BUFFER) BUFFER.remove(); // an unusually large body is not kept
        return bytes;
    }

    /** Member names come from the model: each is quoted and encoded once, not in every body. */
    private SerializableString fieldName(String name) {
        SerializableString known = fieldNames.get(name);
        if (known != null) return known;
        SerializableString quoted = new SerializedString(name);
        if (fieldNames.size() < 10_000) fieldNames.putIfAbsent(name, quoted);
        return quoted;
    }

    private void write(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof TypedPart part) {
            spliceInto(generator, written(part));
        } else if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> member : map.entrySet()) {
                generator.writeFieldName(fieldName(String.valueOf(member.getKey())));
                write(generator, member.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) write(generator, item);
            generator.writeEndArray();
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value == null) {
            generator.writeNull();
        } else {
            json.writeValue(generator, value);
        }
    }

    /**
     * A kept item's bytes go straight into the answer: the generator writes what comes before it
     * (a comma), and the body is put together once at the end ({@link Buffer#toByteArray}), so a
     * page of 50 kept items is not copied through the generator's buffer and the stream's.
     */
    private static void spliceInto(JsonGenerator generator, RawJson item) throws IOException {
        generator.writeRawValue(RawJson.EMPTY); // the separator only
        // where the item goes: after what the buffer holds and what the generator has yet to flush
        // into it (flushing here, for every item, was half of this method's time)
        ((Buffer) generator.getOutputTarget()).splice(item.asUnquotedUTF8(), generator.getOutputBuffered());
    }

    /** A prepared item's JSON, written once. */
    private RawJson written(TypedPart part) {
        RawJson json = part.json();
        if (json == null) {
            json = new RawJson(toJson(part.typed(), 1024));
            part.json(json);
        }
        return json;
    }

    private static String textOrNull(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A ByteArrayOutputStream that says how large it has grown and whether a body is being written
     * into it, and takes kept items' bytes by reference ({@link #splice}) to copy them only once,
     * into the body it hands out.
     */
    private static final class Buffer extends ByteArrayOutputStream {
        boolean inUse;
        /** Kept items' bytes, each to go in at the position in {@code buf} noted in {@link #at}. */
        private byte[][] items = new byte[64][];

        private int[] at = new int[64];
        private int spliced;
        private int splicedLength;

        Buffer(int size) {
            super(size);
        }

        int capacity() {
            return buf.length;
        }

        /** {@code item} goes after what this holds and the {@code pending} bytes still to be written into it. */
        void splice(byte[] item, int pending) {
            if (spliced == items.length) {
                items = Arrays.copyOf(items, spliced * 2);
                at = Arrays.copyOf(at, spliced * 2);
            }
            items[spliced] = item;
            at[spliced++] = count + pending;
            splicedLength += item.length;
        }

        @Override
        public synchronized void reset() {
            super.reset();
            Arrays.fill(items, 0, spliced, null);
            spliced = 0;
            splicedLength = 0;
        }

        /** The body: what was written, with the spliced items in their places. */
        @Override
        public synchronized byte[] toByteArray() {
            if (spliced == 0) return super.toByteArray();
            byte[] body = new byte[count + splicedLength];
            int from = 0;
            int to = 0;
            for (int k = 0; k < spliced; k++) {
                int written = at[k] - from;
                System.arraycopy(buf, from, body, to, written);
                to += written;
                from = at[k];
                System.arraycopy(items[k], 0, body, to, items[k].length);
                to += items[k].length;
            }
            System.arraycopy(buf, from, body, to, count - from);
            return body;
        }
    }
}
