package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Writer and parser agree on every shape the model has: for each of the 62 operations a result
 * with every member filled is written in JSON and in XML and parsed back to the same typed map.
 * Lists carry two items, and one item (the case XML cannot tell from a lone element without the model).
 */
class ResponseRoundTripTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final ResponseWriter writer = new ResponseWriter(MODEL);
    private final ResponseParser parser = new ResponseParser(MODEL);

    static Stream<Arguments> everyOperationFormatAndListSize() {
        return MODEL.operations().stream()
                .flatMap(op -> Stream.of(
                        Arguments.of(op.name(), true, 2), Arguments.of(op.name(), false, 2),
                        Arguments.of(op.name(), true, 1), Arguments.of(op.name(), false, 1)));
    }

    @Test
    void roundTrip_coversEveryOperationOfTheModel() {
        assertEquals(63 * 4, everyOperationFormatAndListSize().count());
    }

    @ParameterizedTest(name = "{0} json={1} items={2}")
    @MethodSource("everyOperationFormatAndListSize")
    void writtenSuccess_parsedBack_equalsTheTypedResult(String action, boolean json, int itemsPerList) {
        Operation op = MODEL.requireOperation(action);
        String requestId = "5f0f1d6e-" + action.length() + "-" + itemsPerList;
        Map<String, Object> result = new ResultGenerator(itemsPerList).result(op.output(), requestId);
        reportSuccess(op, result);

        byte[] body = writer.success(op, result, requestId, json);
        HttpResponse http = new HttpResponse(200, Headers.of("Content-Type", ResponseWriter.contentType(json)), body);

        assertEquals(Optional.empty(), parser.parseError(op, http), () -> new String(body));
        Response response = parser.parse(op, http);
        assertEquals(result, response, () -> new String(body));
        assertEquals(action, response.operation());
        assertEquals(requestId, response.requestId());
    }

    /** The envelope members that say "success" must say it, or the body is an error by design. */
    private static void reportSuccess(Operation op, Map<String, Object> result) {
        String envelope = MODEL.serviceOf(op).metadata().envelope();
        if (envelope.equals("acs") && op.output().members().containsKey("Success")) {
            result.put("Success", true);
            result.put("Code", "Success");
        }
        if (envelope.equals("cloud-market")) {
            result.put("Code", 200L);
            result.put("Status", "Y");
        }
    }
}
