package io.kecsh.runtime.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponseTest {
    private static final Headers JSON = Headers.of("Content-Type", "application/json");

    @Test
    void constructor_copiesTheBody_soTheCallersArrayCanChangeAfterwards() {
        byte[] given = "{}".getBytes(StandardCharsets.UTF_8);
        HttpResponse response = new HttpResponse(200, JSON, given);
        given[0] = 'x';
        assertEquals("{}", response.bodyText());
    }

    @Test
    void body_isACopy_soAReaderCannotChangeTheResponse() {
        HttpResponse response = new HttpResponse(200, JSON, "{}".getBytes(StandardCharsets.UTF_8));
        response.body()[0] = 'x';
        assertEquals("{}", response.bodyText());
    }

    @Test
    void adopting_writesTheSameBytesWithoutACopy() throws Exception {
        byte[] answer = "{\"RequestId\":\"r\"}".getBytes(StandardCharsets.UTF_8);
        HttpResponse response = HttpResponse.adopting(200, JSON, answer);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        response.writeBodyTo(out);
        assertArrayEquals(answer, out.toByteArray());
        assertEquals(answer.length, response.bodyLength());
        assertEquals("application/json", response.contentType());
    }

    @Test
    void nullBody_isEmpty() {
        assertEquals(0, new HttpResponse(204, Headers.empty(), null).bodyLength());
    }
}
