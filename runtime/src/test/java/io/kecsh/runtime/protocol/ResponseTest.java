package io.kecsh.runtime.protocol;

import static io.kecsh.runtime.protocol.ResponseParserErrorsTest.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.ServiceModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The response value: a read-only, serializable map that prints no values. */
class ResponseTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final ResponseParser parser = new ResponseParser(MODEL);

    @Test
    void response_serializedAndRead_equalsTheOriginalAndStaysReadOnly() throws Exception {
        Response original = parser.parse(
                MODEL.requireOperation("DescribeInstances"),
                ResponseParserSamplesTest.sample("kec-describe-instances-0530.xml", "text/xml"));

        Response copy = roundTrip(original);

        assertEquals(original, copy);
        assertEquals(original.hashCode(), copy.hashCode());
        assertEquals("DescribeInstances", copy.operation());
        assertEquals("95085c36-35fd-4d48-a3b4-6e22b6133373", copy.requestId());
        List<?> instances = (List<?>) copy.get("InstancesSet");
        assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) instances.get(0)).clear());
        assertThrows(UnsupportedOperationException.class, () -> copy.put("x", 1));
    }

    /** What GPath does ({@code r.InstancesSet*.InstanceId}), in Java: a map, lists of maps. */
    @Test
    void response_isAMapOfListsOfMaps() {
        Response r = parser.parse(
                MODEL.requireOperation("DescribeInstanceTypeConfigs"),
                ResponseParserSamplesTest.sample("kec-describe-instance-type-configs.json", "application/json"));

        List<?> configs = assertInstanceOf(List.class, r.get("InstanceTypeConfigSet"));
        List<Object> types = configs.stream()
                .<Object>map(c -> ((Map<?, ?>) c).get("InstanceType"))
                .toList();

        assertEquals(List.of("S4.32B", "S4.32C"), types);
        assertEquals(List.of("RequestId", "InstanceTypeConfigSet"), List.copyOf(r.keySet()));
    }

    @Test
    void response_readOnly() {
        Response r = Response.of("DeleteKey", Map.of("RequestId", "r", "Return", true));

        assertThrows(UnsupportedOperationException.class, () -> r.put("Return", false));
        assertThrows(UnsupportedOperationException.class, () -> r.remove("Return"));
        assertThrows(UnsupportedOperationException.class, r::clear);
        assertThrows(
                UnsupportedOperationException.class,
                () -> r.entrySet().iterator().next().setValue(false));
    }

    /** CreateKey's answer holds a private key; the string form shows names only. */
    @Test
    void toString_showsOperationRequestIdAndNamesButNoValues() {
        Response r = parser.parse(
                MODEL.requireOperation("CreateKey"),
                response(
                        200,
                        "application/json",
                        "{\"RequestId\":\"8f2c\",\"PrivateKey\":\"-----BEGIN RSA PRIVATE KEY-----MIIEowIBAAKCAQEA\","
                                + "\"Key\":{\"KeyId\":\"k-1\",\"KeyName\":\"ops\"}}"));

        assertEquals("Response[CreateKey, RequestId=8f2c, members=[RequestId, PrivateKey, Key]]", r.toString());
        assertFalse(r.toString().contains("MIIE"));
        assertFalse(r.toString().contains("ops"));
    }

    @Test
    void equals_isMapEquality() {
        Response r = Response.of("DeleteKey", Map.of("RequestId", "r", "Return", true));
        Map<String, Object> plain = new HashMap<>(Map.of("RequestId", "r", "Return", true));

        assertEquals(plain, r);
        assertEquals(r, plain);
        assertEquals(plain.hashCode(), r.hashCode());
    }

    /** Hand-built responses (tests, Groovy stubs) get the parser's scalar types and lose their nulls. */
    @Test
    void of_normalisesJavaAndGroovyValues() {
        Map<String, Object> given = new LinkedHashMap<>();
        given.put("RequestId", new StringBuilder("r-1"));
        given.put("Count", 3);
        given.put("Price", 0.25);
        given.put("Missing", null);
        given.put("Items", List.of(Map.of("Id", (short) 4)));

        Response r = Response.of("DescribeInstances", given);

        assertEquals(
                Map.of(
                        "RequestId",
                        "r-1",
                        "Count",
                        3L,
                        "Price",
                        new BigDecimal("0.25"),
                        "Items",
                        List.of(Map.of("Id", 4L))),
                r);
        assertEquals("r-1", r.requestId());
    }

    @Test
    void of_unsupportedValueType_isRefusedWithItsPath() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> Response.of("DescribeInstances", Map.of("Items", List.of(Map.of("When", new Object())))));

        assertTrue(
                e.getMessage().startsWith("unsupported value type java.lang.Object at Items[0].When"), e.getMessage());
    }

    @Test
    void requestId_absent_isNull() {
        assertEquals(null, Response.of("DeleteKey", Map.of("Return", true)).requestId());
    }

    private static Response roundTrip(Response response) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(response);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (Response) in.readObject();
        }
    }
}
