package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.OneInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The model's paginators for DescribeLocalVolumes (Marker/MaxResults) and DescribeNetworkInterfaces
 * (NextToken/MaxResults) against the sandbox over HTTP: every item once across pages, the count
 * members, the last page's end token, and a token the sandbox never handed out refused.
 */
class VolumeAndNicPagingSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void localVolumes_pageByMarker_throughThePaginator() {
        launch(12);
        List<?> ids = f.client
                .pages("DescribeLocalVolumes", Map.of("MaxResults", 5))
                .items()
                .map(v -> ((Map<?, ?>) v).get("LocalVolumeId"))
                .toList();
        assertEquals(12, ids.size());
        assertEquals(12, ids.stream().distinct().count());
        Response last = f.client.call("DescribeLocalVolumes", Map.of("MaxResults", 5, "Marker", 10));
        assertEquals(0L, ((Number) last.get("Marker")).longValue());
        assertEquals(12L, ((Number) last.get("LocalVolumeCount")).longValue());
        assertEquals(2, ((List<?>) last.get("LocalVolumeSet")).size());
    }

    @Test
    void networkInterfaces_pageByNextToken_throughThePaginator_andAForeignTokenIsRefused() {
        launch(12);
        List<?> ids = f.client
                .pages("DescribeNetworkInterfaces", Map.of("MaxResults", 5))
                .items()
                .map(n -> ((Map<?, ?>) n).get("NetworkInterfaceId"))
                .toList();
        assertEquals(12, ids.size());
        assertEquals(12, ids.stream().distinct().count());
        Response first = f.client.call("DescribeNetworkInterfaces", Map.of("MaxResults", 5));
        assertEquals("5", first.get("NextToken"));
        assertEquals(12L, ((Number) first.get("TotalCount")).longValue());
        ServiceException e = assertThrows(
                ServiceException.class,
                () -> f.client.call("DescribeNetworkInterfaces", Map.of("MaxResults", 5, "NextToken", "elsewhere")));
        assertEquals("InvalidParameterValue", e.code());
        assertTrue(e.getMessage().contains("NextToken"), e.getMessage());
    }

    /** I2.4B: a local system volume, so one volume and one primary NIC an instance. */
    private void launch(int count) {
        Map<String, Object> run = new HashMap<>(OneInstance.runParams(region));
        run.put("InstanceType", "I2.4B");
        run.put("MinCount", count);
        run.put("MaxCount", count);
        f.client.call("RunInstances", run);
    }
}
