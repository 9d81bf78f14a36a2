package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.model.ErrorDef;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.overlay.InstalledModel;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.OneInstance;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * The instances backend refuses with typed errors; each reaches the caller over real HTTP as the
 * model documents its code for the operation — code, HTTP status and message template read here
 * from the model, not retyped — followed by the sandbox's reason.
 */
class InstanceErrorsSandboxTest {
    private static final String NOBODY = "00000000-0000-4000-8000-000000000000";
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");
    private final Service kec = InstalledModel.get().requireService("kec");

    @AfterEach
    void close() {
        f.close();
    }

    /** The call fails exactly as the model documents InvalidParameterValue for it, naming {@code param}, then {@code reason}. */
    private void refusedAsDocumented(String action, Map<String, ?> params, String param, String reason) {
        ServiceException e = assertThrows(ServiceException.class, () -> f.client.call(action, params));
        ErrorDef documented = kec.error(kec.operation(action).orElseThrow(), "InvalidParameterValue")
                .orElseThrow();
        assertEquals(documented.code(), e.code(), e.getMessage());
        assertEquals(documented.httpStatus(), e.httpStatus(), e.getMessage());
        assertEquals(documented.format(param) + " " + reason, e.serviceMessage());
    }

    private String launch() {
        Map<String, Object> p = OneInstance.runParams(region);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> set =
                (List<Map<String, Object>>) f.client.call("RunInstances", p).get("InstancesSet");
        return (String) set.get(0).get("InstanceId");
    }

    @Test
    void startInstances_unknownSecondId_isTheDocumentedError_andChangesNone() {
        String id = launch();
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        f.client.call("StopInstances", Map.of("InstanceId", List.of(id)));
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        refusedAsDocumented(
                "StartInstances",
                Map.of("InstanceId", List.of(id, NOBODY)),
                "InstanceId.2",
                "There is no instance " + NOBODY + " in cn-beijing-6.");
        assertEquals(
                "stopped", region.instances.get(id).state, "the whole call failed: the first instance was not started");
    }

    @Test
    void unmonitorInstances_unknownSecondId_isTheDocumentedError_andChangesNone() {
        String id = launch();
        assertEquals("enabled", region.instances.get(id).monitoring);
        refusedAsDocumented(
                "UnmonitorInstances",
                Map.of("InstanceId", List.of(id, NOBODY)),
                "InstanceId.2",
                "There is no instance " + NOBODY + " in cn-beijing-6.");
        assertEquals(
                "enabled",
                region.instances.get(id).monitoring,
                "the whole call failed: the first instance is still monitored");
    }

    @Test
    void describeInstanceVnc_instanceStillBuilding_isTheDocumentedError_namingTheState() {
        String id = launch();
        refusedAsDocumented(
                "DescribeInstanceVnc",
                Map.of("InstanceId", id),
                "InstanceId",
                "The instance is building; VNC needs it running.");
    }

    @Test
    void runInstances_addressOutsideTheSubnet_isTheDocumentedError_fromTheSubnetsAddresses() {
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                region.images.keySet().iterator().next(),
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
                "S4.2B",
                "PrivateIpAddress",
                "192.0.2.7"));
        ServiceException e = assertThrows(ServiceException.class, () -> f.client.call("RunInstances", p));
        ErrorDef documented = kec.error(kec.operation("RunInstances").orElseThrow(), "InvalidParameterValue")
                .orElseThrow();
        assertEquals(documented.httpStatus(), e.httpStatus());
        assertEquals(documented.code(), e.code());
        Assertions.assertTrue(
                e.serviceMessage().startsWith(documented.format("PrivateIpAddress") + " 192.0.2.7 is not in subnet"),
                e.serviceMessage());
    }
}
