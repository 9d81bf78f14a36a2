package io.kecsh.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 5xx on a mutation without a ClientToken is not retried (it may have been processed), and its
 * error says so, like a dropped connection's: check before trying again. Against the sandbox's
 * fault plan over HTTP.
 */
class ServerErrorOnMutationTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ServiceUnavailable", "ServiceTimeout"})
    void mutation_serverError_isNotRetried_andSaysItMayHaveTakenEffect(String code) {
        String id = launch();
        f.sandbox.faults().failNext("StopInstances", code, 1);
        ServiceException e = assertThrows(
                ServiceException.class, () -> f.client.call("StopInstances", Map.of("InstanceId", List.of(id))));
        assertEquals(code, e.code());
        assertTrue(e.mayHaveTakenEffect());
        assertTrue(
                e.getMessage()
                        .endsWith(
                                "StopInstances may or may not have taken effect: check the resource's state before trying again."),
                e.getMessage());
        assertEquals(List.of(), f.sleeps, "not retried");
    }

    @Test
    void mutation_throttled_isRetried_andAnswered() {
        String id = launch();
        f.sandbox.faults().throttleNext("StopInstances", 2);
        f.client.call("StopInstances", Map.of("InstanceId", List.of(id)));
        assertEquals(2, f.sleeps.size());
    }

    @Test
    void mutation_refusedByTheService_saysNothingOfTakingEffect() {
        ServiceException e = assertThrows(
                ServiceException.class,
                () -> f.client.call(
                        "StopInstances", Map.of("InstanceId", List.of("3f2a6c1e-0000-4000-8000-000000000000"))));
        assertTrue(e.httpStatus() < 500, e.getMessage());
        assertFalse(e.mayHaveTakenEffect());
        assertFalse(e.getMessage().contains("taken effect"), e.getMessage());
    }

    @Test
    void read_serverError_isRetriedUntilTheAttemptsRunOut_andIsNotAboutEffects() {
        f.sandbox.faults().failNext("DescribeInstances", "ServiceUnavailable", 10);
        ServiceException e = assertThrows(ServiceException.class, () -> f.client.call("DescribeInstances", Map.of()));
        assertFalse(e.mayHaveTakenEffect());
        assertEquals(4, f.sleeps.size());
    }

    private String launch() {
        String image = region.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
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
                        1,
                        "MaxCount",
                        1,
                        "ChargeType",
                        "HourlyInstantSettlement",
                        "InstanceType",
                        "S4.2B"));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        return (String) ((Map<?, ?>) ((List<?>) r.get("InstancesSet")).get(0)).get("InstanceId");
    }
}
