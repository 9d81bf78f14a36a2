package io.kecsh.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.http.ApacheTransport;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.Transport;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: DescribeInstanceFamilies is DescribeInstanceFamilys at the live gateway (every
 * Kingsoft SDK sends that spelling; the document says Families). The client sends the SDKs'
 * spelling, falls back to the other when an endpoint answers 404 NoSuchEntity, and remembers
 * the spelling that worked for that endpoint. The sandbox answers both; a gateway that knows only
 * one is the sandbox behind a transport that turns the other into an action nobody has.
 */
class ActionSpellingsTest {
    private final Sandbox sandbox = Sandbox.start(SandboxOptions.forTests());
    private final List<String> sent = new ArrayList<>();

    @AfterEach
    void close() {
        sandbox.close();
    }

    /** The sandbox as a gateway that does not know the actions in {@code unknown}. */
    private CloudClient clientOfGatewayWithout(Set<String> unknown) {
        ApacheTransport real = new ApacheTransport(TransportSettings.defaults());
        Transport gateway = new Transport() {
            @Override
            public HttpResponse execute(HttpRequest request) {
                String action = request.queryValue("Action").orElse("");
                sent.add(action);
                if (!unknown.contains(action)) return real.execute(request);
                List<QueryParam> renamed = request.query().stream()
                        .map(p -> p.name().equals("Action") ? new QueryParam("Action", "NoSuch" + action) : p)
                        .toList();
                return real.execute(request.withQuery(renamed));
            }

            @Override
            public void close() {
                real.close();
            }
        };
        return new CloudClient(
                ClientConfig.builder()
                        .endpoint(sandbox.endpoint())
                        .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
                        .clock(sandbox.clock())
                        .build(),
                gateway);
    }

    @Test
    void describeInstanceFamilies_sendsTheSdkSpelling_first() {
        try (CloudClient client = clientOfGatewayWithout(Set.of())) {
            Response r = client.call("DescribeInstanceFamilies", Map.of());
            assertFalse(((List<?>) r.get("InstanceFamilySet")).isEmpty());
            assertEquals(List.of("DescribeInstanceFamilys"), sent);
        }
    }

    @Test
    void describeInstanceFamilies_gatewayWithoutFamilys_fallsBackOnce_andRemembersPerEndpoint() {
        try (CloudClient client = clientOfGatewayWithout(Set.of("DescribeInstanceFamilys"))) {
            Response first = client.call("DescribeInstanceFamilies", Map.of());
            assertFalse(((List<?>) first.get("InstanceFamilySet")).isEmpty());
            assertEquals(List.of("DescribeInstanceFamilys", "DescribeInstanceFamilies"), sent);
            client.call("DescribeInstanceFamilies", Map.of());
            client.inRegion("cn-beijing-6").call("DescribeInstanceFamilies", Map.of());
            assertEquals(
                    List.of(
                            "DescribeInstanceFamilys",
                            "DescribeInstanceFamilies",
                            "DescribeInstanceFamilies",
                            "DescribeInstanceFamilies"),
                    sent,
                    "the working spelling is remembered for the endpoint");
        }
    }

    @Test
    void describeInstanceFamilies_gatewayWithNeither_failsWithTheServersError_afterBothSpellings() {
        try (CloudClient client =
                clientOfGatewayWithout(Set.of("DescribeInstanceFamilys", "DescribeInstanceFamilies"))) {
            var e = Assertions.assertThrows(
                    ServiceException.class, () -> client.call("DescribeInstanceFamilies", Map.of()));
            assertEquals("NoSuchEntity", e.code());
            assertEquals(List.of("DescribeInstanceFamilys", "DescribeInstanceFamilies"), sent);
        }
    }

    @Test
    void otherActions_areSentByTheirName_andNotRetriedUnderAnother() {
        try (CloudClient client = clientOfGatewayWithout(Set.of("DescribeRegions"))) {
            Assertions.assertThrows(ServiceException.class, () -> client.call("DescribeRegions", Map.of()));
            assertEquals(List.of("DescribeRegions"), sent);
        }
    }
}
