package io.kecsh.runtime.paginate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Paginator;
import io.kecsh.runtime.model.ServiceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final Operation DESCRIBE = ServiceModel.bundled().requireOperation("DescribeInstances");
    private static final Paginator PAGINATOR = ServiceModel.bundled()
            .requireService("kec")
            .paginator("DescribeInstances")
            .orElseThrow();

    /** A DescribeInstances that pages `total` instances as the document says: Marker offset, 0 at the end. */
    private static final class FakeDescribe {
        final List<Map<String, Object>> calls = new ArrayList<>();
        final int total;

        FakeDescribe(int total) {
            this.total = total;
        }

        Map<String, Object> invoke(String action, Map<String, ?> params) {
            calls.add(new LinkedHashMap<>(params));
            Object m = params.get("Marker");
            int marker = m == null ? 0 : ((Number) m).intValue();
            int max = ((Number) params.get("MaxResults")).intValue();
            List<Object> items = new ArrayList<>();
            for (int i = marker; i < Math.min(total, marker + max); i++) items.add(Map.of("InstanceId", "i-" + i));
            int next = marker + items.size();
            return Map.of(
                    "InstancesSet", items, "InstanceCount", (long) total, "Marker", (long) (next >= total ? 0 : next));
        }
    }

    @Test
    void pages_followTheMarker_untilTheDocumentedEndValue() {
        FakeDescribe fake = new FakeDescribe(25);
        List<Object> items = new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                .items()
                .toList();
        assertEquals(25, items.size());
        assertEquals(Map.of("InstanceId", "i-24"), items.get(24));
        assertEquals(
                List.of(10L, 10L, 10L),
                fake.calls.stream()
                        .map(c -> ((Number) c.get("MaxResults")).longValue())
                        .toList());
        assertEquals(
                List.of(0, 10, 20),
                fake.calls.stream()
                        .map(c -> ((Number) c.getOrDefault("Marker", 0)).intValue())
                        .toList());
    }

    @Test
    void pages_askForTheLargestPage_whenTheCallerDoesNotChoose() {
        FakeDescribe fake = new FakeDescribe(2500);
        assertEquals(
                2500,
                new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of()).items().count());
        assertEquals(3, fake.calls.size());
        assertEquals(1000L, fake.calls.get(0).get("MaxResults"));
    }

    @Test
    void stoppingEarly_fetchesNoFurtherPage() {
        FakeDescribe fake = new FakeDescribe(5000);
        Object first = new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 100))
                .items()
                .findFirst()
                .orElseThrow();
        assertEquals(Map.of("InstanceId", "i-0"), first);
        assertEquals(1, fake.calls.size());
    }

    @Test
    void aServerThatRepeatsItsMarker_cannotLoopForever() {
        List<Map<String, ?>> calls = new ArrayList<>();
        Pages pages = new Pages(
                (a, p) -> {
                    calls.add(p);
                    return Map.of("InstancesSet", List.of(Map.of("InstanceId", "x")), "Marker", 7L);
                },
                DESCRIBE,
                PAGINATOR,
                Map.of());
        assertEquals(2, pages.stream().count());
        assertEquals(2, calls.size());
    }

    @Test
    void anEmptyRegion_isOneEmptyPage() {
        FakeDescribe fake = new FakeDescribe(0);
        assertEquals(
                1,
                new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of()).stream().count());
        assertEquals(
                0,
                new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of()).items().count());
    }
}
