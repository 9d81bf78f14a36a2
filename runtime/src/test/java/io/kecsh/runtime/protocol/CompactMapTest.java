package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.ServiceModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed structures a JSON answer's items become: a map like any other, unmodifiable, sharing one layout a page. */
class CompactMapTest {
    private static final String PAGE = "{\"RequestId\":\"r\",\"Marker\":2,\"InstanceCount\":3,\"InstancesSet\":["
            + "{\"InstanceId\":\"i-1\",\"InstanceName\":\"a\",\"InstanceState\":{\"Name\":\"active\"}},"
            + "{\"InstanceId\":\"i-2\",\"InstanceName\":\"b\",\"InstanceState\":{\"Name\":\"stopped\"}},"
            + "{\"InstanceName\":\"c\",\"InstanceId\":\"i-3\",\"InstanceState\":{\"Name\":\"active\"}}]}";

    private static List<?> items() {
        var op = ServiceModel.bundled().requireOperation("DescribeInstances");
        var http = new HttpResponse(
                200, Headers.of("Content-Type", "application/json"), PAGE.getBytes(StandardCharsets.UTF_8));
        return (List<?>) new ResponseParser(ServiceModel.bundled())
                .read(op, http)
                .response()
                .get("InstancesSet");
    }

    @Test
    void items_areMapsInTheOrderRead_equalToLinkedHashMaps_andUnmodifiable() throws Exception {
        List<?> items = items();
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) items.get(0);
        assertTrue(first instanceof CompactMap, first.getClass().getName());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("InstanceId", "i-1");
        expected.put("InstanceName", "a");
        expected.put("InstanceState", Map.of("Name", "active"));
        assertEquals(expected, first);
        assertEquals(first, expected);
        assertEquals(expected.hashCode(), first.hashCode());
        assertEquals(expected.toString(), first.toString());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(first.keySet()));
        assertNull(first.get("VpcId"));
        assertFalse(first.containsKey("VpcId"));
        assertThrows(UnsupportedOperationException.class, () -> first.put("VpcId", "x"));
        assertThrows(UnsupportedOperationException.class, () -> first.remove("InstanceId"));
        assertThrows(
                UnsupportedOperationException.class,
                () -> first.entrySet().iterator().next().setValue("x"));
        // the third item names its members in another order: its own layout, its own order
        assertEquals(
                List.of("InstanceName", "InstanceId", "InstanceState"),
                List.copyOf(((Map<?, ?>) items.get(2)).keySet()));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(first);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(expected, in.readObject());
        }
    }

    @Test
    void aRepeatedName_keepsItsFirstPlaceAndLastValue_asBefore() {
        var op = ServiceModel.bundled().requireOperation("DescribeInstances");
        String body =
                "{\"RequestId\":\"r\",\"InstancesSet\":[{\"InstanceId\":\"i-1\",\"InstanceName\":\"a\",\"InstanceId\":\"i-9\"}]}";
        var http = new HttpResponse(
                200, Headers.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8));
        Map<?, ?> item = (Map<?, ?>) ((List<?>) new ResponseParser(ServiceModel.bundled())
                        .read(op, http)
                        .response()
                        .get("InstancesSet"))
                .get(0);
        assertEquals(List.of("InstanceId", "InstanceName"), List.copyOf(item.keySet()));
        assertEquals("i-9", item.get("InstanceId"));
    }
}
