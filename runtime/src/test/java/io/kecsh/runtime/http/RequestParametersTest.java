package io.kecsh.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestParametersTest {
    private static final HttpRequest BASE = HttpRequest.get("http", "127.0.0.1", 8080, "/");

    private static HttpRequest post(String contentType, String body) {
        HttpRequest withBody =
                BASE.withQueryParam("Action", "RunInstances").withBody("POST", body.getBytes(StandardCharsets.UTF_8));
        return contentType == null ? withBody : withBody.withHeader("Content-Type", contentType);
    }

    @Test
    void of_queryAndFormBody_queryFirstThenTheBodyInWireOrder() {
        List<QueryParam> read = RequestParameters.of(
                post("application/x-www-form-urlencoded; charset=UTF-8", "B=two+words&A=%E4%B8%AD"));
        assertEquals(
                List.of(
                        new QueryParam("Action", "RunInstances"),
                        new QueryParam("B", "two words"),
                        new QueryParam("A", "中")),
                read);
        assertEquals("two words", RequestParameters.first(read, "B"));
        assertEquals(null, RequestParameters.first(read, "C"));
    }

    @Test
    void of_bodyThatIsNotAForm_isNotReadAsParameters() {
        assertEquals(
                List.of(new QueryParam("Action", "RunInstances")),
                RequestParameters.of(post("application/json", "A=1")));
        assertEquals(List.of(new QueryParam("Action", "RunInstances")), RequestParameters.of(post(null, "A=1")));
    }

    @Test
    void of_malformedForm_namesTheParameter_neverTheValue() {
        MalformedText badEscape = assertThrows(
                MalformedText.class,
                () -> RequestParameters.of(post("application/x-www-form-urlencoded", "Password=s3cr%zz")));
        assertEquals("Password", badEscape.part());
        assertEquals("malformed Password", badEscape.getMessage());
        HttpRequest notUtf8 = BASE.withBody("POST", new byte[] {'A', '=', (byte) 0xFF})
                .withHeader("Content-Type", "application/x-www-form-urlencoded");
        assertEquals(
                "(request body)",
                assertThrows(MalformedText.class, () -> RequestParameters.of(notUtf8))
                        .part());
    }
}
