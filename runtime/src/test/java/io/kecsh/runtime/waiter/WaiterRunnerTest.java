package io.kecsh.runtime.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.model.Waiter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WaiterRunnerTest {
    private static final Waiter ACTIVE = ServiceModel.bundled()
            .requireService("kec")
            .waiter("InstanceActive")
            .orElseThrow();
    private static final Waiter RECYCLING = ServiceModel.bundled()
            .requireService("kec")
            .waiter("InstanceRecycling")
            .orElseThrow();

    /** A clock the sleeper moves forward: waiting takes no real time. */
    private static final class ManualTime {
        Instant now = Instant.parse("2026-11-22T12:00:00Z");
        final List<Duration> sleeps = new ArrayList<>();

        Clock clock() {
            return new Clock() {
                public ZoneOffset getZone() {
                    return ZoneOffset.UTC;
                }

                public Clock withZone(ZoneId z) {
                    return this;
                }

                public Instant instant() {
                    return now;
                }
            };
        }

        void sleep(Duration d) {
            sleeps.add(d);
            now = now.plus(d);
        }
    }

    private static Map<String, Object> states(String... names) {
        List<Object> items = new ArrayList<>();
        for (String n : names) items.add(Map.of("InstanceState", Map.of("Name", n)));
        return Map.of("InstancesSet", items, "InstanceCount", (long) names.length);
    }

    @Test
    void active_succeedsWhenEveryInstanceIs_reportingProgressOnTheWay() {
        ManualTime time = new ManualTime();
        Iterator<Map<String, Object>> answers = List.of(
                        states("building", "building"), states("building", "active"), states("active", "active"))
                .iterator();
        List<WaitProgress> progress = new ArrayList<>();
        Map<String, Object> last = new WaiterRunner((a, p) -> answers.next(), time.clock(), time::sleep)
                .await(
                        ACTIVE,
                        Map.of("InstanceId", List.of("a", "b")),
                        WaitOptions.defaultsFor(ACTIVE).withProgress(progress::add));
        assertEquals(states("active", "active"), last);
        assertEquals(3, progress.size());
        assertEquals("active, building", progress.get(1).observed());
        assertEquals("active ×2", progress.get(2).observed());
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMillis(7500)), time.sleeps);
    }

    @Test
    void aFailureState_endsTheWaitAtOnce() {
        ManualTime time = new ManualTime();
        WaiterException e = assertThrows(
                WaiterException.class,
                () -> new WaiterRunner((a, p) -> states("active", "error"), time.clock(), time::sleep)
                        .await(ACTIVE, Map.of(), WaitOptions.defaultsFor(ACTIVE)));
        assertTrue(e.getMessage().contains("cannot succeed (a failure state): 1 in state error"), e.getMessage());
        assertTrue(e.getMessage().contains("seen after 0s: active, error"), e.getMessage());
        assertEquals(List.of(), time.sleeps);
    }

    @Test
    void anyTimeoutAndInterval_areHonoured_andTheLastSleepStopsAtTheDeadline() {
        ManualTime time = new ManualTime();
        WaitOptions options =
                new WaitOptions(Duration.ofHours(3), Duration.ofMinutes(20), Duration.ofMinutes(20), null);
        WaiterException e = assertThrows(
                WaiterException.class,
                () -> new WaiterRunner((a, p) -> states("building"), time.clock(), time::sleep)
                        .await(ACTIVE, Map.of(), options));
        assertTrue(e.timedOut());
        assertEquals(Duration.ofHours(3), time.sleeps.stream().reduce(Duration.ZERO, Duration::plus));
        assertEquals(9, time.sleeps.size());
    }

    @Test
    void beforeCall_runsBeforeEveryCallAPollSends_eachSliceOfALongIdList() {
        ManualTime time = new ManualTime();
        List<String> seen = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) ids.add("i-" + i);
        Iterator<Map<String, Object>> answers = List.of(
                        states("building"), states("building"), states("active"), states("active"))
                .iterator();
        new WaiterRunner(
                        (a, p) -> {
                            seen.add("call");
                            return answers.next();
                        },
                        time.clock(),
                        time::sleep)
                .await(
                        ACTIVE,
                        Map.of("InstanceId", ids),
                        WaitOptions.defaultsFor(ACTIVE).withBeforeCall(() -> seen.add("slot")));
        // two polls, each two slices (100 + 50): a slot before each of the four calls
        assertEquals(List.of("slot", "call", "slot", "call", "slot", "call", "slot", "call"), seen);
    }

    @Test
    void aWaitersOwnInput_isSent_alongsideTheCallers() {
        ManualTime time = new ManualTime();
        List<Map<String, ?>> calls = new ArrayList<>();
        new WaiterRunner(
                        (a, p) -> {
                            calls.add(p);
                            return states("recycling");
                        },
                        time.clock(),
                        time::sleep)
                .await(RECYCLING, Map.of("InstanceId", List.of("a")), WaitOptions.defaultsFor(RECYCLING));
        assertEquals(
                List.of(Map.of("Name", "instance-state.name", "Value", List.of("recycling"))),
                calls.get(0).get("Filter"));
        assertEquals(List.of("a"), calls.get(0).get("InstanceId"));
    }

    @Test
    void anErrorNoAcceptorExpects_propagates() {
        ManualTime time = new ManualTime();
        ServiceException boom =
                new ServiceException("DescribeInstances", "cn-beijing-6", "AccessDenied", "no", 403, "r1", "Sender");
        ServiceException thrown = assertThrows(
                ServiceException.class,
                () -> new WaiterRunner(
                                (a, p) -> {
                                    throw boom;
                                },
                                time.clock(),
                                time::sleep)
                        .await(ACTIVE, Map.of(), WaitOptions.defaultsFor(ACTIVE)));
        assertEquals(boom, thrown);
    }
}
