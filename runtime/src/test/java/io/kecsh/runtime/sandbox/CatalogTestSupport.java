package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

/** Helpers the catalogue, price, template and data-guard tests share. */
final class CatalogTestSupport {
    private CatalogTestSupport() {}

    /** The items of a list member (an empty list may come back as nothing at all). */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, ?> response, String key) {
        Object v = response.get(key);
        return v == null || "".equals(v) ? List.of() : (List<Map<String, Object>>) v;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> struct(Map<String, ?> response, String key) {
        return (Map<String, Object>) response.get(key);
    }

    /** A client of the same sandbox signing for another region. */
    static CloudClient clientIn(SandboxFixture f, String region) {
        return new CloudClient(ClientConfig.builder()
                .endpoint(f.sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, f.sandbox.credentials().kingsoft())
                .credentials(Cloud.ALIBABA, f.sandbox.credentials().alibaba())
                .region(Cloud.KINGSOFT, region)
                .clock(f.sandbox.clock())
                .build());
    }

    /** A client of the same sandbox that takes the XML answers (no Accept: application/json). */
    static CloudClient xmlClient(SandboxFixture f) {
        return new CloudClient(ClientConfig.builder()
                .endpoint(f.sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, f.sandbox.credentials().kingsoft())
                .credentials(Cloud.ALIBABA, f.sandbox.credentials().alibaba())
                .json(false)
                .clock(f.sandbox.clock())
                .build());
    }

    /** The call fails with InvalidParameterValue (400) naming {@code param}. */
    static ServiceException invalid(String param, Executable call) {
        ServiceException e = assertThrows(ServiceException.class, call);
        assertEquals("InvalidParameterValue", e.code(), e.getMessage());
        assertEquals(400, e.httpStatus());
        assertTrue(e.serviceMessage().contains("input parameter " + param + "."), e.serviceMessage());
        return e;
    }

    static String centos(RegionState region) {
        return region.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform))
                .map(i -> i.id)
                .findFirst()
                .orElseThrow();
    }

    /** Launches instances of {@code type} in the region's default subnet; returns their IDs. */
    static List<String> launch(SandboxFixture f, RegionState region, int count, String type, Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                centos(region),
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                count,
                "MaxCount",
                count,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                type));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return items(f.client.call("RunInstances", p), "InstancesSet").stream()
                .map(i -> (String) i.get("InstanceId"))
                .toList();
    }
}
