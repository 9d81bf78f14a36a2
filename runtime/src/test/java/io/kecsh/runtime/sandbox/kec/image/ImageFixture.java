package io.kecsh.runtime.sandbox.kec.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.Image;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** A test sandbox with helpers for the image domain's tests: instances, image lookups, errors. */
final class ImageFixture implements AutoCloseable {
    static final String REGION = "cn-beijing-6";
    /** One normal transition of the test clock. */
    static final Duration STEP = Duration.ofSeconds(10);

    final SandboxFixture f;
    final CloudClient client;

    ImageFixture() {
        this(ClientConfig.builder());
    }

    ImageFixture(ClientConfig.Builder config) {
        f = new SandboxFixture(SandboxOptions.forTests(), config);
        client = f.client;
    }

    /**
     * An instance put straight into the state (RunInstances belongs to another domain): launched
     * from the region's first public image, local SSD system disk of 20 GB, no local data disk.
     */
    Instance instance(String state, Consumer<Instance> tweak) {
        synchronized (f.sandbox.state().lock()) {
            RegionState region = f.sandbox.state().region(REGION);
            Instance i = new Instance();
            i.id = f.sandbox.state().ids.uuid();
            i.name = "test-" + i.id.substring(0, 8);
            i.imageId = firstPublicImage().id;
            i.type = "I1.1A";
            i.zone = "cn-beijing-6a";
            i.subnetId = region.defaultSubnetId;
            i.securityGroupIds.add(region.defaultSecurityGroupId);
            i.state = state;
            i.chargeType = "HourlyInstantSettlement";
            i.creationDate = "2026-11-22T03:00:00Z";
            i.systemDiskType = "Local_SSD";
            i.systemDiskSize = 20;
            tweak.accept(i);
            region.instances.put(i.id, i);
            return i;
        }
    }

    Instance instance(String state) {
        return instance(state, i -> {});
    }

    void setState(Instance instance, String state) {
        synchronized (f.sandbox.state().lock()) {
            instance.state = state;
        }
    }

    Image firstPublicImage() {
        synchronized (f.sandbox.state().lock()) {
            return f.sandbox.state().region(REGION).images.values().stream()
                    .filter(i -> i.isPublic && !i.market)
                    .findFirst()
                    .orElseThrow();
        }
    }

    /** Creates an image of a fresh active instance and lets it become active. */
    String activeImage(String name) {
        Instance source = instance("active");
        String id = (String) client.call("CreateImage", Map.of("InstanceId", source.id, "Name", name))
                .get("ImageId");
        advance(STEP.multipliedBy(4));
        assertEquals("active", describeImage(client, id).get("ImageState"));
        return id;
    }

    void advance(Duration d) {
        f.sandbox.clock().advance(d);
    }

    /** A client of the same sandbox for another region. */
    CloudClient clientIn(String region) {
        return new CloudClient(ClientConfig.builder()
                .endpoint(f.sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, f.sandbox.credentials().kingsoft())
                .credentials(Cloud.ALIBABA, f.sandbox.credentials().alibaba())
                .region(Cloud.KINGSOFT, region)
                .clock(f.sandbox.clock())
                .sleeper(d -> {})
                .build());
    }

    static Map<String, Object> describeImage(CloudClient client, String id) {
        List<Map<String, Object>> set = list(client.call("DescribeImages", Map.of("ImageId", id)), "ImagesSet");
        assertEquals(1, set.size());
        return set.get(0);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Map<String, Object> response, String member) {
        return (List<Map<String, Object>>) response.get(member);
    }

    static List<String> ids(Response response, String member, String idMember) {
        return list(response, member).stream()
                .map(m -> (String) m.get(idMember))
                .collect(Collectors.toList());
    }

    /** The call fails with InvalidParameterValue naming {@code param}; the message carries {@code why}. */
    ServiceException invalid(String action, Map<String, ?> params, String param, String why) {
        ServiceException e = assertThrows(ServiceException.class, () -> client.call(action, params));
        assertEquals("InvalidParameterValue", e.code(), e.getMessage());
        assertEquals(400, e.httpStatus());
        assertTrue(
                e.serviceMessage()
                        .startsWith("An invalid or out-of-range value was supplied for the input parameter " + param
                                + ". "),
                e.serviceMessage());
        assertTrue(e.serviceMessage().contains(why), e.serviceMessage());
        return e;
    }

    @Override
    public void close() {
        f.close();
    }
}
