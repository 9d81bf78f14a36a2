package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A JSON answer typed straight from the parser's tokens ({@link ResponseParser#read}) is what the
 * tree reading made of it ({@link ResponseParser#readThroughTree}): the same error or the same typed
 * members, in the same order. For every operation of the model, the answers the sandbox's writer
 * gives (every member filled, lists of one and of two), and the same answers bent the ways the
 * reader tolerates, seeded: names in another case, members the model lacks, nulls, numbers as text
 * and text as numbers, empty text, a lone object for a list, a repeated name, a failure reported
 * with 200, RequestId inside ResponseMetadata.
 */
class JsonAnswerReaderTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int BENT_PER_ANSWER = 8;

    private final ResponseWriter writer = new ResponseWriter(MODEL);
    private final ResponseParser parser = new ResponseParser(MODEL);

    static Stream<String> everyOperation() {
        return MODEL.operations().stream().map(Operation::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyOperation")
    void writtenAnswers_asWrittenAndBent_readAsTheTreeReadsThem(String action) throws IOException {
        Operation op = MODEL.requireOperation(action);
        Random random = new Random(action.hashCode());
        for (int items = 1; items <= 2; items++) {
            Map<String, Object> result = new ResultGenerator(items).result(op.output(), "req-" + action);
            byte[] written = writer.success(op, result, "req-" + action, true);
            assertSameAnswer(op, written);
            JsonNode tree = JSON.readTree(written);
            for (int i = 0; i < BENT_PER_ANSWER; i++) {
                assertSameAnswer(op, new Bender(random).bentRoot(tree.deepCopy()));
            }
        }
    }

    @Test
    void specificationSamples_readAsTheTreeReadsThem() {
        assertSameAnswer(MODEL.requireOperation("RenewChangeInstance"), sample("bss-renew-change-instance.json"));
        assertSameAnswer(MODEL.requireOperation("ModifyInstance"), sample("bss-modify-instance.json"));
        assertSameAnswer(MODEL.requireOperation("GetKmsInstance"), sample("kms-get-kms-instance.json"));
        assertSameAnswer(MODEL.requireOperation("DescribeModels"), sample("kec-describe-models.json"));
        assertSameAnswer(MODEL.requireOperation("QueryImageList"), sample("cloud-market-query-image-list.json"));
        assertSameAnswer(
                MODEL.requireOperation("DescribeInstanceTypeConfigs"),
                sample("kec-describe-instance-type-configs.json"));
        assertSameAnswer(MODEL.requireOperation("DescribeInstances"), sample("kec-error.json"));
    }

    @Test
    void bodiesThatAreNotOneObject_failAsTheTreeReadingFails() {
        Operation op = MODEL.requireOperation("DescribeInstances");
        for (String body : List.of(
                "[1]", "{\"RequestId\":", "{\"RequestId\":\"r\"} {}", "{\"RequestId\":\"r\"} x", "  ", "{\"A\":1,}")) {
            assertEquals(
                    outcome(() -> parser.readThroughTree(op, json(body))),
                    outcome(() -> parser.read(op, json(body))),
                    body);
        }
    }

    private void assertSameAnswer(Operation op, byte[] body) {
        HttpResponse http = json(new String(body, StandardCharsets.UTF_8));
        Object streamed = outcome(() -> parser.read(op, http));
        Object tree = outcome(() -> parser.readThroughTree(op, http));
        assertEquals(tree, streamed, () -> op.name() + ": " + new String(body, StandardCharsets.UTF_8));
    }

    /** The answer with every map's order made visible, or the failure's message. */
    private static Object outcome(Supplier<ResponseParser.Answer> read) {
        try {
            ResponseParser.Answer answer = read.get();
            return answer.error() != null ? answer.error() : ordered(Map.copyOf(answer.response()));
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    private static Object ordered(Object value) {
        if (value instanceof Map<?, ?> map) {
            List<Object> entries = new ArrayList<>();
            map.forEach((k, v) -> entries.add(List.of(k, ordered(v), kind(v))));
            return entries;
        }
        if (value instanceof List<?> list)
            return list.stream().map(JsonAnswerReaderTest::ordered).toList();
        return value;
    }

    /** A scalar's class; a container's kind (a typed structure may be a CompactMap or a LinkedHashMap, both unmodifiable). */
    private static String kind(Object v) {
        if (v instanceof Map<?, ?>) return "map";
        if (v instanceof List<?>) return "list";
        return v.getClass().getSimpleName();
    }

    private static HttpResponse json(String body) {
        return new HttpResponse(
                200, Headers.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sample(String name) {
        try (InputStream in = JsonAnswerReaderTest.class.getResourceAsStream("samples/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bends a written answer the ways a server's might differ, and writes it (repeated names included). */
    private static final class Bender {
        private final Random random;

        Bender(Random random) {
            this.random = random;
        }

        byte[] bentRoot(JsonNode root) throws IOException {
            ObjectNode object = (ObjectNode) root;
            switch (random.nextInt(6)) {
                case 0 ->
                    object.put("Code", random.nextBoolean() ? "Forbidden" : "Success")
                            .put("Message", "m");
                case 1 -> object.put("Success", random.nextBoolean() ? "false" : "true");
                case 2 -> object.putObject("ResponseMetadata").set("RequestId", object.remove("RequestId"));
                case 3 -> object.putObject("Error").put("Code", "Throttling").put("Message", "slow down");
                default -> {}
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (JsonGenerator g = JSON.createGenerator(out)) {
                write(bend(root), g);
            }
            return out.toByteArray();
        }

        private JsonNode bend(JsonNode node) {
            int roll = random.nextInt(100);
            if (node.isArray()) {
                if (roll < 8 && !node.isEmpty()) return bend(node.get(0)); // a lone item for a list
                ArrayNode bent = JSON.createArrayNode();
                node.forEach(item -> bent.add(bend(item)));
                if (roll < 12) bent.addNull();
                return bent;
            }
            if (node.isObject()) {
                ObjectNode bent = JSON.createObjectNode();
                node.properties().forEach(field -> {
                    int r = random.nextInt(100);
                    String name = r < 8 ? field.getKey().toLowerCase(Locale.ROOT) : field.getKey();
                    bent.set(name, r >= 8 && r < 12 ? JSON.nullNode() : bend(field.getValue()));
                });
                if (roll < 10) bent.put("NotInTheModel" + random.nextInt(3), random.nextInt(5));
                if (roll >= 10 && roll < 14)
                    bent.putObject("nested").putArray("xs").add(1.50).add("t");
                return bent;
            }
            if (roll < 10) return JSON.getNodeFactory().textNode(node.asText()); // a number or boolean as text
            if (roll < 14) return JSON.getNodeFactory().textNode("");
            if (roll < 18 && node.isTextual()) return JSON.getNodeFactory().numberNode(random.nextInt(1000));
            if (roll < 20) return JSON.getNodeFactory().arrayNode().add(node); // a scalar in a list
            return node;
        }

        private void write(JsonNode node, JsonGenerator g) throws IOException {
            if (node.isObject()) {
                g.writeStartObject();
                for (Map.Entry<String, JsonNode> field : node.properties()) {
                    if (random.nextInt(100) < 3) { // the same name twice: the last value counts, in the first place
                        g.writeFieldName(field.getKey());
                        g.writeString("first");
                    }
                    g.writeFieldName(field.getKey());
                    write(field.getValue(), g);
                }
                g.writeEndObject();
            } else if (node.isArray()) {
                g.writeStartArray();
                for (JsonNode item : node) write(item, g);
                g.writeEndArray();
            } else {
                g.writeTree(node);
            }
        }
    }
}
