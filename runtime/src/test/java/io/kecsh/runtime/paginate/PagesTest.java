package io.kecsh.runtime.paginate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.invoke.EarlyMember;
import io.kecsh.runtime.invoke.Invoker;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Paginator;
import io.kecsh.runtime.model.ServiceModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagesTest {
    private static final Operation DESCRIBE = ServiceModel.bundled().requireOperation("DescribeInstances");
    private static final Paginator PAGINATOR = ServiceModel.bundled()
            .requireService("kec")
            .paginator("DescribeInstances")
            .orElseThrow();

    /** A DescribeInstances that pages `total` instances as the document says: Marker offset, 0 at the end. */
    private static final class FakeDescribe {
        // the page ahead is asked for on its own thread
        final List<Map<String, Object>> calls = Collections.synchronizedList(new ArrayList<>());
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
    void aWholeWalk_dropsThePageAskedForEarly_whenItsPageEndsWithAnotherToken() {
        // as a first attempt that told its token and then failed, its retry answering with another: the page asked
        // for from the first token would repeat items (or skip some) if it were kept
        FakeDescribe fake = new FakeDescribe(30);
        Invoker retried = (action, params) -> {
            EarlyMember watch = EarlyMember.current();
            if (watch != null) watch.read("Marker", 7L);
            return fake.invoke(action, params);
        };
        List<Object> ids =
                Pages.readingEveryPage(() -> new Pages(retried, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                        .items()
                        .map(i -> (Object) ((Map<?, ?>) i).get("InstanceId"))
                        .toList());
        assertEquals(IntStream.range(0, 30).mapToObj(i -> "i-" + i).toList(), ids);
    }

    @Test
    void aWholeWalk_asksForThePageAfterNext_whenItWaits_ifThatPageToldItsTokenWhileTheWalkerHeldTheOneBefore()
            throws InterruptedException {
        FakeDescribe fake = new FakeDescribe(40);
        CountDownLatch secondPageGoes = new CountDownLatch(1);
        AtomicInteger answered = new AtomicInteger();
        Invoker invoker = (action, params) -> {
            if (params.get("Marker") != null && ((Number) params.get("Marker")).intValue() == 10) {
                try {
                    secondPageGoes.await(10, TimeUnit.SECONDS); // page 2 answers once the walker holds page 1
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Map<String, Object> page = fake.invoke(action, params);
            EarlyMember watch = EarlyMember.current();
            if (watch != null) watch.read("Marker", page.get("Marker"));
            answered.incrementAndGet();
            return page;
        };
        List<Object> ids = Pages.readingEveryPage(() -> {
            Iterator<Map<String, Object>> pages =
                    new Pages(invoker, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10)).iterator();
            List<Object> seen = new ArrayList<>(items(pages.next()));
            secondPageGoes.countDown();
            awaitTrue(() -> answered.get() == 2); // page 2 told its token while the walker held page 1
            Map<String, Object> second = pages.next(); // waits for page 2 (already there): page 3 is asked for now
            awaitTrue(() -> fake.calls.size() == 3);
            assertEquals(3, fake.calls.size(), "page 3 asked for before any item of page 2 was read");
            seen.addAll(items(second));
            pages.forEachRemaining(p -> seen.addAll(items(p)));
            return seen;
        });
        assertEquals(IntStream.range(0, 40).mapToObj(i -> "i-" + i).toList(), ids);
        assertEquals(4, fake.calls.size(), "each page asked for once");
    }

    private static List<Object> items(Map<String, Object> page) {
        return ((List<?>) page.get("InstancesSet"))
                .stream().map(i -> (Object) ((Map<?, ?>) i).get("InstanceId")).toList();
    }

    /** Polls for at most 2 s: long enough for a thread that was started, short enough for a test that fails. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
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

    @Test
    void theNextPage_isAskedFor_whileTheCallerStillReadsThisOne() throws InterruptedException {
        CountDownLatch secondAskedFor = new CountDownLatch(1);
        FakeDescribe fake = new FakeDescribe(30);
        Invoker watched = (action, params) -> {
            if (params.containsKey("Marker")) secondAskedFor.countDown();
            return fake.invoke(action, params);
        };
        var items = new Pages(watched::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                .items()
                .iterator();
        for (int i = 0; i < 9; i++) items.next();
        // the last item of the first page is still unread; a walk without read-ahead would wait for it
        assertTrue(secondAskedFor.await(10, TimeUnit.SECONDS), "page 2 asked for before page 1 was read out");
        int rest = 0;
        while (items.hasNext()) {
            items.next();
            rest++;
        }
        assertEquals(21, rest);
        assertEquals(3, fake.calls.size(), "no page asked for twice, none past the end");
    }

    @Test
    void aWalkThatStopsInTheFirstHalfOfAPage_asksForNothingFurther_andOneInTheSecondAtMostOnePage() {
        FakeDescribe fake = new FakeDescribe(100);
        var firstHalf = new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                .items()
                .limit(15) // all of page 1, the first half of page 2
                .toList();
        assertEquals(15, firstHalf.size());
        assertEquals(2, fake.calls.size());

        FakeDescribe other = new FakeDescribe(100);
        new Pages(other::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                .items()
                .limit(17)
                .toList();
        assertTrue(other.calls.size() <= 3, other.calls.size() + " calls");
    }

    @Test
    void atMostOnePageIsAhead_ofTheOneBeingRead() {
        FakeDescribe fake = new FakeDescribe(200);
        AtomicInteger read = new AtomicInteger();
        new Pages(fake::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                .items()
                .forEach(item -> {
                    int page = read.getAndIncrement() / 10 + 1;
                    assertTrue(fake.calls.size() <= page + 1, fake.calls.size() + " calls while reading page " + page);
                });
        assertEquals(200, read.get());
        assertEquals(20, fake.calls.size());
    }

    @Test
    void aFailureOfThePageAhead_isThrownWhenTheWalkReachesIt_asItWas() {
        RuntimeException refused = new IllegalStateException("page 3 refused");
        FakeDescribe fake = new FakeDescribe(50);
        Invoker third = (action, params) -> {
            if (params.get("Marker") instanceof Number m && m.intValue() == 20) throw refused;
            return fake.invoke(action, params);
        };
        List<Object> seen = new ArrayList<>();
        var items = new Pages(third::invoke, DESCRIBE, PAGINATOR, Map.of("MaxResults", 10))
                .items()
                .iterator();
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> {
            while (items.hasNext()) seen.add(items.next());
        });
        assertSame(refused, thrown);
        assertEquals(20, seen.size(), "every item of pages 1 and 2, then the failure");
        assertTrue(
                List.of(thrown.getStackTrace()).stream()
                        .anyMatch(f -> f.getMethodName().contains("aFailureOfThePageAhead")),
                "the walker's frames are in the failure's stack, for a script's line");
    }

    @Test
    void onlyReads_everReadAhead() {
        ServiceModel model = ServiceModel.bundled();
        assertTrue(Pages.isRead(DESCRIBE));
        assertFalse(Pages.isRead(model.requireOperation("RunInstances")));
        model.services()
                .forEach(service -> service.operations().forEach(op -> {
                    if (op.mutating()) assertFalse(Pages.isRead(op), op.name());
                }));
    }
}
