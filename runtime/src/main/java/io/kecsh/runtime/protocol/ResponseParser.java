package io.kecsh.runtime.protocol;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns HTTP responses of the modelled APIs into {@link Response}s and {@link ServiceError}s.
 * {@link #read} reads a response once and says which it is; {@link #parseError} and {@link #parse}
 * are its two halves, each reading the body again.
 *
 * <p>Reading is tolerant of what the specification's own samples show (spec §8.3 items 16–24):
 * RequestId under ResponseMetadata or directly under the root, in any case ({@code <requestId>});
 * any namespace or none; list items as {@code <Item>}, {@code <item>} or repeated elements;
 * booleans as {@code true} or {@code "true"}; numbers as text; integers as {@code 10.0}; a lone
 * object where a list is expected. Scalars are typed by the operation's output model, and members
 * the model does not know are kept. The parser is stateless and thread-safe.
 */
public final class ResponseParser {
    private final ServiceModel model;
    private final BodyReader reader;

    public ResponseParser(ServiceModel model) {
        this(model, new BodyReader());
    }

    /** With the reader a test counts the reads of. */
    ResponseParser(ServiceModel model, BodyReader reader) {
        this.model = Objects.requireNonNull(model, "model");
        this.reader = Objects.requireNonNull(reader, "reader");
    }

    /** A response read once: the error it holds, or else what it answered. */
    public record Answer(ServiceError error, Response response) {
        public Optional<ServiceError> failure() {
            return Optional.ofNullable(error);
        }
    }

    /**
     * What {@link #parseError} and then {@link #parse} would say, with the body read once: reading
     * it twice was a quarter of the client's CPU per call. A JSON body is typed straight from the
     * parser's tokens ({@link JsonAnswerReader}); XML, which the KEC client does not ask for, goes
     * through a tree. A success body that cannot be read throws as {@link #parse} does.
     */
    public Answer read(Operation op, HttpResponse http) {
        return read(op, http, true);
    }

    /** {@link #read} through a tree whatever the format: what the streamed reading is compared with. */
    Answer readThroughTree(Operation op, HttpResponse http) {
        return read(op, http, false);
    }

    private Answer read(Operation op, HttpResponse http, boolean stream) {
        if (http.status() >= 300) return new Answer(parseError(op, http).orElseThrow(), null);
        byte[] body = http.body();
        if (body.length == 0) throw unreadable(op, body, "the body is empty", null);
        BodyFormat format = BodyFormat.detect(http.contentType(), body)
                .orElseThrow(() -> unreadable(op, body, "the body is neither JSON nor XML", null));
        Map<String, Object> streamed = stream && format == BodyFormat.JSON ? streamedRoot(op, body) : null;
        Map<String, Object> root = streamed != null ? streamed : rootObject(op, body, format);
        Optional<ServiceError> failure =
                ErrorDocuments.failureInSuccess(Envelope.of(model.serviceOf(op)), root, op.output(), http.status());
        if (failure.isPresent()) return new Answer(failure.get(), null);
        return new Answer(null, streamed != null ? typedStreamed(op, streamed) : typed(op, root));
    }

    /**
     * A success body, JSON or XML (by Content-Type, else by its first non-blank character), typed
     * by {@code op.output()}.
     *
     * @throws ResponseFormatException when the body is empty, not well-formed, or not an object
     */
    public Response parse(Operation op, HttpResponse http) {
        byte[] body = http.body();
        if (body.length == 0) throw unreadable(op, body, "the body is empty", null);
        BodyFormat format = BodyFormat.detect(http.contentType(), body)
                .orElseThrow(() -> unreadable(op, body, "the body is neither JSON nor XML", null));
        Map<String, Object> streamed = format == BodyFormat.JSON ? streamedRoot(op, body) : null;
        if (streamed != null) return typedStreamed(op, streamed);
        return typed(op, rootObject(op, body, format));
    }

    /**
     * The root of a JSON body read by the output's shapes ({@link JsonAnswerReader#root}), or null
     * when it is not one well-formed object: the tree reading then says what is wrong, as it always
     * has, so a broken body is reported the same way whichever path met it.
     */
    private Map<String, Object> streamedRoot(Operation op, byte[] body) {
        try (JsonParser p = reader.jsonParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            LinkedHashMap<String, Object> root = new JsonAnswerReader(op.name()).root(p, op.output());
            return p.nextToken() == null ? root : null;
        } catch (IOException notWellFormed) {
            return null;
        }
    }

    private static Response typedStreamed(Operation op, Map<String, Object> root) {
        hoistRequestId(root);
        return Response.ofFrozen(op.name(), new JsonAnswerReader(op.name()).typedRoot(root, op.output()));
    }

    private static Response typed(Operation op, Map<String, Object> root) {
        hoistRequestId(root);
        Map<String, Object> typed = MemberTyper.forParsing(op.name()).structure(root, op.output(), "");
        return Response.ofFrozen(op.name(), typed);
    }

    /**
     * The error in a response, if it is one: any status of 300 or more (with the service's error
     * document, or, when the body is none, code {@code HttpNNN}); an Alibaba body with
     * {@code Success=false} or a Code other than {@code Success}; a cloud-market body whose Code is
     * not 200 or whose Status is not {@code Y}.
     */
    public Optional<ServiceError> parseError(Operation op, HttpResponse http) {
        int status = http.status();
        Optional<Map<String, Object>> root = readQuietly(op, http);
        if (status >= 300) {
            return Optional.of(
                    root.flatMap(r -> ErrorDocuments.read(r, status)).orElseGet(() -> notAnErrorDocument(op, http)));
        }
        Envelope envelope = Envelope.of(model.serviceOf(op));
        return root.flatMap(r -> ErrorDocuments.failureInSuccess(envelope, r, op.output(), status));
    }

    private Map<String, Object> rootObject(Operation op, byte[] body, BodyFormat format) {
        Object tree;
        try {
            tree = reader.read(body, format);
        } catch (JsonProcessingException e) {
            throw unreadable(op, body, "the body is not well-formed " + format + where(e.getLocation()), e);
        } catch (IOException e) {
            throw unreadable(
                    op, body, "the body is not " + format + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (format == BodyFormat.XML) tree = XmlShapes.root(tree, op.output());
        if (!(tree instanceof Map<?, ?> map)) {
            throw unreadable(op, body, "the " + format + " body is not an object", null);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        map.forEach((k, v) -> root.put(String.valueOf(k), v));
        return root;
    }

    /** The body as a plain object tree, or empty when it is none (an HTML page, an empty body). */
    private Optional<Map<String, Object>> readQuietly(Operation op, HttpResponse http) {
        byte[] body = http.body();
        Optional<BodyFormat> format = BodyFormat.detect(http.contentType(), body);
        if (format.isEmpty()) return Optional.empty();
        try {
            return Optional.of(rootObject(op, body, format.get()));
        } catch (ResponseFormatException notADocument) {
            return Optional.empty();
        }
    }

    /**
     * Kingsoft's documented success shape keeps RequestId in ResponseMetadata, the older samples
     * directly under the root; the response has it at the top either way, and ResponseMetadata
     * stays only if it held anything else.
     */
    private static void hoistRequestId(Map<String, Object> root) {
        if (PlainTrees.has(root, "RequestId")) return;
        String metadataKey = root.keySet().stream()
                .filter("ResponseMetadata"::equalsIgnoreCase)
                .findFirst()
                .orElse(null);
        if (metadataKey == null || !(root.get(metadataKey) instanceof Map<?, ?> metadata)) return;
        String id = PlainTrees.text(metadata, "RequestId");
        if (id == null) return;
        Map<Object, Object> rest = new LinkedHashMap<>(metadata);
        rest.keySet().removeIf(k -> "RequestId".equalsIgnoreCase(String.valueOf(k)));
        Map<String, Object> reordered = new LinkedHashMap<>();
        reordered.put("RequestId", id);
        root.forEach((k, v) -> {
            if (!k.equals(metadataKey)) reordered.put(k, v);
            else if (!rest.isEmpty()) reordered.put(k, rest);
        });
        root.clear();
        root.putAll(reordered);
    }

    private ServiceError notAnErrorDocument(Operation op, HttpResponse http) {
        byte[] body = http.body();
        String contentType = http.contentType().isBlank() ? "no content type" : http.contentType();
        String message = "HTTP " + http.status() + " with a body that is not an error document (" + contentType + ", "
                + body.length + " bytes)" + (body.length == 0 ? "" : ": " + BodySnippet.of(body, mayHoldSecrets(op)));
        return new ServiceError(http.status(), "Http" + http.status(), message, null, null);
    }

    private static ResponseFormatException unreadable(Operation op, byte[] body, String problem, Throwable cause) {
        boolean secret = mayHoldSecrets(op);
        // A parser's own message can quote the text it choked on, so it goes along only when the
        // body cannot hold a secret.
        return new ResponseFormatException(op.name(), problem, BodySnippet.of(body, secret), secret ? null : cause);
    }

    private static boolean mayHoldSecrets(Operation op) {
        return op.output().containsSensitive();
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) return "";
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
