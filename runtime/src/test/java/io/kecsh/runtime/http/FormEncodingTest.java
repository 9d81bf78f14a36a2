package io.kecsh.runtime.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FormEncodingTest {
    @Test
    void encode_parametersInOrder_areRfc3986Encoded() {
        List<QueryParam> params = List.of(
                new QueryParam("Filter.1.Name", "instance-state.name"),
                new QueryParam("InstanceName", "web 1+2"),
                new QueryParam("Empty", ""));
        assertEquals("Filter.1.Name=instance-state.name&InstanceName=web%201%2B2&Empty=", FormEncoding.encode(params));
    }

    @Test
    void decode_encodedText_roundTrips() {
        List<QueryParam> params =
                List.of(new QueryParam("a b", "x=y&z"), new QueryParam("ሴ", "~*+"), new QueryParam("a b", ""));
        assertEquals(params, FormEncoding.decode(FormEncoding.encode(params)));
    }

    @Test
    void decode_plusAndMissingEquals_readAsSpaceAndEmptyValue() {
        assertEquals(
                List.of(new QueryParam("q", "a b"), new QueryParam("flag", ""), new QueryParam("p", "1+1")),
                FormEncoding.decode("q=a+b&flag&&p=1%2B1"));
    }

    @Test
    void decode_emptyText_givesNoParameters() {
        assertEquals(List.of(), FormEncoding.decode(""));
        assertEquals(List.of(), FormEncoding.decode(null));
    }

    @Test
    void isFormContentType_withCharsetOrOtherCase_isRecognized() {
        assertTrue(FormEncoding.isFormContentType("application/x-www-form-urlencoded"));
        assertTrue(FormEncoding.isFormContentType("Application/X-WWW-Form-Urlencoded; charset=utf-8"));
        assertFalse(FormEncoding.isFormContentType("application/json"));
        assertFalse(FormEncoding.isFormContentType(null));
    }
}
