package io.kecsh.runtime.waiter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.validate.ValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Waits judge every instance they name, against the sandbox over HTTP: the instances launched
 * first are active and come first in DescribeInstances' order, the last ones are still building.
 * A wait that looked at one page (10 by default) or could not send more than 100 ids returned too
 * early or failed; the whole set must be active when the wait returns.
 */
class WaitOverEveryInstanceTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest(name = "{0} instances")
    @ValueSource(ints = {30, 101, 1000})
    void active_withMostActiveAndTheLastStillBuilding_returnsOnlyWhenEveryOneIsActive(int total) {
        int building = Math.max(3, total / 5);
        List<String> ids = new ArrayList<>(launch(total - building));
        f.sandbox.clock().advance(Duration.ofSeconds(10)); // the first ones are active now
        ids.addAll(launch(building));
        assertEquals(building, states().getOrDefault("building", 0L), "the test's premise: the last ones are building");

        Map<String, Object> last = f.client.waitFor(
                "InstanceActive",
                Map.of("InstanceId", ids),
                WaitOptions.defaultsFor(f.client.waiter("InstanceActive")));

        assertEquals(Map.of("active", (long) total), states(), "every instance is active when the wait returns");
        assertEquals(total, ((List<?>) last.get("InstancesSet")).size(), "the last result holds every instance");
        assertEquals((long) total, ((Number) last.get("InstanceCount")).longValue());
    }

    @Test
    void deleted_over150Ids_succeedsOnlyWhenNoneIsListed() {
        List<String> ids = new ArrayList<>(launch(150));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        for (int from = 0; from < ids.size(); from += 100) {
            f.client.call(
                    "TerminateInstances", Map.of("InstanceId", ids.subList(from, Math.min(ids.size(), from + 100))));
        }
        Map<String, Object> last = f.client.waitFor(
                "InstanceDeleted",
                Map.of("InstanceId", ids),
                WaitOptions.defaultsFor(f.client.waiter("InstanceDeleted")));
        assertEquals(0L, ((Number) last.get("InstanceCount")).longValue());
    }

    @Test
    void active_onStoppedInstances_failsAtOnceNamingTheState() {
        List<String> ids = launch(12);
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.client.call("StopInstances", Map.of("InstanceId", ids.subList(10, 12)));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        WaiterException e = assertThrows(
                WaiterException.class,
                () -> f.client.waitFor(
                        "InstanceActive",
                        Map.of("InstanceId", ids),
                        WaitOptions.defaultsFor(f.client.waiter("InstanceActive"))));
        assertEquals(false, e.timedOut());
        assertTrue(
                e.getMessage().startsWith("InstanceActive: cannot succeed (a failure state): 2 in state stopped"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("seen after 0s: active ×10, stopped ×2"), e.getMessage());
    }

    @Test
    void slices_followTheModelsListLimit_notARetypedOne() {
        var op = f.client.model().requireOperation("DescribeInstances");
        int limit = op.params().get("InstanceId").maxItems().orElseThrow();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < limit * 2 + 1; i++) ids.add("id-" + i);
        var slices = WholeSetPoll.slices(op, Map.of("InstanceId", ids, "Filter", List.of()));
        assertEquals(
                List.of(limit, limit, 1),
                slices.stream().map(s -> ((List<?>) s.get("InstanceId")).size()).toList());
        assertThrows(
                ValidationException.class,
                () -> f.client.call("DescribeInstances", Map.of("InstanceId", ids)),
                "the model's limit is the service's: one call cannot carry more");
    }

    /** Instances by state, over every page. */
    private Map<String, Long> states() {
        Map<String, Long> out = new HashMap<>();
        f.client
                .pages("DescribeInstances", Map.of())
                .items()
                .forEach(i -> out.merge(
                        (String) ((Map<?, ?>) ((Map<?, ?>) i).get("InstanceState")).get("Name"), 1L, Long::sum));
        return out;
    }

    private List<String> launch(int count) {
        String image = region.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
        List<String> ids = new ArrayList<>();
        for (int left = count; left > 0; left -= 50) {
            int n = Math.min(50, left);
            Map<String, Object> r = f.client.call(
                    "RunInstances",
                    Map.of(
                            "ImageId",
                            image,
                            "SubnetId",
                            region.defaultSubnetId,
                            "SecurityGroupId",
                            region.defaultSecurityGroupId,
                            "MinCount",
                            n,
                            "MaxCount",
                            n,
                            "ChargeType",
                            "HourlyInstantSettlement",
                            "InstanceType",
                            "S4.2B"));
            ((List<?>) r.get("InstancesSet")).forEach(i -> ids.add((String) ((Map<?, ?>) i).get("InstanceId")));
        }
        return ids;
    }
}
