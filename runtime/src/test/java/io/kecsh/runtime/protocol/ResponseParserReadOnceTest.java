package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonParser;
import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@link ResponseParser#read} reads a body into a tree once and says what {@code parseError} then
 * {@code parse} said (the client did both, reading every successful answer twice).
 */
class ResponseParserReadOnceTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Operation DESCRIBE_INSTANCES = MODEL.requireOperation("DescribeInstances");
    private static final Operation RENEW_CHANGE = MODEL.requireOperation("RenewChangeInstance");

    private static final class CountingReader extends BodyReader {
        int reads;

        @Override
        Object read(byte[] body, BodyFormat format) throws IOException {
            reads++;
            return super.read(body, format);
        }

        @Override
        JsonParser jsonParser(byte[] body) throws IOException {
            reads++; // a JSON answer typed from the parser's tokens is read through this instead
            return super.jsonParser(body);
        }
    }

    private final CountingReader reader = new CountingReader();
    private final ResponseParser parser = new ResponseParser(MODEL, reader);

    @Test
    void read_successBody_readsItOnceAndAnswersWhatParseAnswers() {
        HttpResponse http = response(200, "application/json", """
            {"RequestId":"r-1","InstancesSet":[{"InstanceId":"i-1","InstanceName":"a"}],"InstanceCount":1}""");

        ResponseParser.Answer answer = parser.read(DESCRIBE_INSTANCES, http);

        assertEquals(1, reader.reads);
        assertNull(answer.error());
        assertEquals(new ResponseParser(MODEL).parse(DESCRIBE_INSTANCES, http), answer.response());
    }

    @Test
    void read_failureSentWith200_readsItOnceAndIsTheErrorParseErrorFinds() {
        HttpResponse http = response(200, "application/json", """
            {"RequestId":"r-2","Code":"ResourceNotExists","Message":"The specific resource is not exists.","Success":false}""");

        ResponseParser.Answer answer = parser.read(RENEW_CHANGE, http);

        assertEquals(1, reader.reads);
        assertNull(answer.response());
        assertEquals(new ResponseParser(MODEL).parseError(RENEW_CHANGE, http).orElseThrow(), answer.error());
    }

    @Test
    void read_errorStatus_isTheErrorDocument() {
        HttpResponse http = response(400, "application/json", """
            {"RequestId":"r-3","Error":{"Type":"Sender","Code":"InvalidParameterValue","Message":"bad"}}""");

        ResponseParser.Answer answer = parser.read(DESCRIBE_INSTANCES, http);

        assertEquals(1, reader.reads);
        assertEquals("InvalidParameterValue", answer.error().code());
        assertEquals("r-3", answer.error().requestId());
    }

    @Test
    void read_unreadableSuccessBody_throwsAsParseDoes() {
        HttpResponse http = response(200, "application/json", "{\"RequestId\":");

        ResponseFormatException thrown =
                assertThrows(ResponseFormatException.class, () -> parser.read(DESCRIBE_INSTANCES, http));

        ResponseFormatException old = assertThrows(
                ResponseFormatException.class, () -> new ResponseParser(MODEL).parse(DESCRIBE_INSTANCES, http));
        assertEquals(old.getMessage(), thrown.getMessage());
    }

    private static HttpResponse response(int status, String contentType, String body) {
        return new HttpResponse(status, Headers.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
    }
}
