package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A prepared item answers exactly as the plain map it was made from, in JSON and XML, and nothing can change it. */
class PreparedItemTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final ResponseWriter writer = new ResponseWriter(MODEL);

    private static Map<String, Object> instance(String id, String name) {
        Map<String, Object> i = new LinkedHashMap<>();
        i.put("InstanceId", id);
        i.put("InstanceName", name);
        i.put("ProjectId", 0L);
        i.put("InstanceState", Map.of("Name", "active"));
        i.put("KeySet", new ArrayList<>(List.of("key-1")));
        i.put("SpotPriceLimit", new BigDecimal("0.50"));
        i.put("IsShowSriovNetSupport", false);
        return i;
    }

    private byte[] page(List<?> items, boolean json) {
        Operation op = MODEL.requireOperation("DescribeInstances");
        return writer.success(op, Map.of("InstanceCount", (long) items.size(), "InstancesSet", items), "req-1", json);
    }

    @Test
    void success_withPreparedItems_writesTheSameBodyAsPlainMaps_inJsonAndXml_everyTime() {
        Map<String, Object> a = instance("i-1", "web-1");
        Map<String, Object> b = instance("i-2", "web \"2\" ünïcode");
        List<Object> prepared = List.of(PreparedItem.of(a), PreparedItem.of(b));
        for (boolean json : new boolean[] {true, false}) {
            String plain = new String(page(List.of(a, b), json), StandardCharsets.UTF_8);
            assertEquals(plain, new String(page(prepared, json), StandardCharsets.UTF_8));
            assertEquals(plain, new String(page(prepared, json), StandardCharsets.UTF_8), "the kept JSON/typing again");
        }
    }

    @Test
    void success_aLongPageOfPreparedItems_isTheSameJsonAsPlainMaps_andLeavesNothingForTheNextAnswer() {
        Operation op = MODEL.requireOperation("DescribeInstances");
        List<Object> plain = new ArrayList<>();
        List<Object> prepared = new ArrayList<>();
        for (int k = 0; k < 150; k++) { // more items than the writer's first room for kept bytes
            Map<String, Object> item = instance("i-" + k, "web-" + k);
            plain.add(item);
            prepared.add(PreparedItem.of(item));
        }
        Map<String, Object> around = new LinkedHashMap<>();
        around.put("Marker", 300L);
        around.put("InstanceCount", 150L);
        around.put("InstancesSet", plain);
        String expected = new String(writer.success(op, around, "req-1", true), StandardCharsets.UTF_8);
        around.put("InstancesSet", prepared);
        for (int round = 0; round < 2; round++) {
            assertEquals(expected, new String(writer.success(op, around, "req-1", true), StandardCharsets.UTF_8));
        }
        around.put("InstancesSet", List.of());
        around.put("InstanceCount", 0L);
        assertEquals(
                "{\"RequestId\":\"req-2\",\"Marker\":300,\"InstanceCount\":0,\"InstancesSet\":[]}",
                new String(writer.success(op, around, "req-2", true), StandardCharsets.UTF_8));
    }

    @Test
    void describeRegions_withPreparedItems_writesTheSameBodyAsPlainMaps_inJsonAndXml_everyTime() {
        Operation op = MODEL.requireOperation("DescribeRegions");
        List<Object> plain = List.of(
                Map.of("Region", "cn-beijing-6", "RegionName", "北京6区(VPC)"),
                Map.of("Region", "cn-shanghai-2", "RegionName", "上海2区(VPC)"));
        List<Object> prepared = plain.stream()
                .map(r -> (Object) PreparedItem.of((Map<String, ?>) r))
                .toList();
        for (boolean json : new boolean[] {true, false}) {
            String expected =
                    new String(writer.success(op, Map.of("RegionSet", plain), "req-1", json), StandardCharsets.UTF_8);
            for (int round = 0; round < 2; round++) {
                assertEquals(
                        expected,
                        new String(
                                writer.success(op, Map.of("RegionSet", prepared), "req-1", json),
                                StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void of_copiesTheItem_soChangingTheSourceLaterChangesNothing() {
        Map<String, Object> source = instance("i-1", "web-1");
        PreparedItem item = PreparedItem.of(source);
        String before = new String(page(List.of(item), true), StandardCharsets.UTF_8);
        source.put("InstanceName", "changed");
        @SuppressWarnings("unchecked")
        List<Object> keys = (List<Object>) source.get("KeySet");
        keys.add("key-2");
        assertEquals(before, new String(page(List.of(item), true), StandardCharsets.UTF_8));
        assertFalse(item.sameAs(source));
        assertTrue(item.sameAs(instance("i-1", "web-1")));
        assertThrows(UnsupportedOperationException.class, () -> item.put("InstanceName", "x"));
    }

    @Test
    void sameAs_seesOrderAndNumberTypes() {
        PreparedItem item = PreparedItem.of(Map.of("ProjectId", 1L));
        assertFalse(item.sameAs(Map.of("ProjectId", 1)), "an Integer types like a Long but is not the same value");
        assertFalse(item.sameAs(Map.of("ProjectId", "1")));
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("A", "1");
        ab.put("B", "2");
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("B", "2");
        ba.put("A", "1");
        assertFalse(PreparedItem.of(ab).sameAs(ba));
    }

    @Test
    void of_refusesAValueThatCouldChangeBehindItsReference() {
        assertThrows(
                IllegalArgumentException.class, () -> PreparedItem.of(Map.of("InstanceName", new StringBuilder("x"))));
    }
}
