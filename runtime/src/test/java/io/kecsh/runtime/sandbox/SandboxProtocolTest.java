package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.acs3.Acs3Signer;
import io.kecsh.runtime.auth.aws4.Aws4Signer;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.http.ApacheTransport;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.StateFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sandbox's front door does before any handler runs — signatures, validation, routing —
 * checked with hand-made requests that bypass the client's own validation, and the state file.
 */
class SandboxProtocolTest {
    private final SandboxFixture f = new SandboxFixture();
    private final ApacheTransport transport = new ApacheTransport(TransportSettings.defaults());
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void close() {
        transport.close();
        f.close();
    }

    /** A Kingsoft GET with these parameters, signed (query form) or not, answered as JSON. */
    private JsonNode raw(
            List<QueryParam> params, String region, String service, Credentials key, Clock clock, boolean sign)
            throws IOException {
        HttpRequest request = HttpRequest.get("http", "127.0.0.1", f.sandbox.port(), "/")
                .withQuery(params)
                .withHeader("Accept", "application/json");
        if (sign)
            request = new Aws4Signer(clock)
                    .signQuery(request, key, region, service)
                    .signedRequest();
        HttpResponse response = transport.execute(request);
        JsonNode body = json.readTree(response.body());
        ((ObjectNode) body).put("status", response.status());
        return body;
    }

    private JsonNode raw(String... kv) throws IOException {
        List<QueryParam> params = new ArrayList<>();
        for (int i = 0; i < kv.length; i += 2) params.add(new QueryParam(kv[i], kv[i + 1]));
        return raw(params, "cn-beijing-6", "kec", f.sandbox.credentials().kingsoft(), f.sandbox.clock(), true);
    }

    private static String code(JsonNode body) {
        return body.path("Error").path("Code").asText();
    }

    @Test
    void signatureDefects_getTheirDocumentedCodes() throws IOException {
        List<QueryParam> describe =
                List.of(new QueryParam("Action", "DescribeRegions"), new QueryParam("Version", "2016-03-04"));
        Credentials good = f.sandbox.credentials().kingsoft();
        JsonNode unsigned = raw(describe, "cn-beijing-6", "kec", good, f.sandbox.clock(), false);
        assertEquals("MissingAuthenticationToken", code(unsigned));
        assertEquals(403, unsigned.path("status").asInt());
        assertEquals(
                "InvalidClientTokenId",
                code(raw(
                        describe,
                        "cn-beijing-6",
                        "kec",
                        new Credentials("AKLTnobody0000", "x"),
                        f.sandbox.clock(),
                        true)));
        JsonNode wrongService = raw(describe, "cn-beijing-6", "vpc", good, f.sandbox.clock(), true);
        assertEquals(
                "Credential should be scoped to correct service: kec.",
                wrongService.path("Error").path("Message").asText());
        JsonNode wrongRegion = raw(describe, "mars-1", "kec", good, f.sandbox.clock(), true);
        assertEquals(
                "Credential should be scoped to a valid region, not:mars-1.",
                wrongRegion.path("Error").path("Message").asText());
        Clock late = Clock.fixed(f.sandbox.clock().instant().minus(Duration.ofMinutes(16)), ZoneOffset.UTC);
        JsonNode expired = raw(describe, "cn-beijing-6", "kec", good, late, true);
        assertTrue(expired.path("Error").path("Message").asText().startsWith("Signature expired:"), expired.toString());
        JsonNode wrongSecret = raw(
                describe, "cn-beijing-6", "kec", new Credentials(good.accessKeyId(), "wrong"), f.sandbox.clock(), true);
        assertEquals(
                "The request signature we calculated does not match the signature you provided.",
                wrongSecret.path("Error").path("Message").asText());
        assertEquals("Sender", wrongSecret.path("Error").path("Type").asText());
        List<QueryParam> incomplete = List.of(
                new QueryParam("Action", "DescribeRegions"),
                new QueryParam("Version", "2016-03-04"),
                new QueryParam("X-Amz-Algorithm", "AWS4-HMAC-SHA256"));
        JsonNode missingParts = raw(incomplete, "cn-beijing-6", "kec", good, f.sandbox.clock(), false);
        assertEquals("IncompleteSignature", code(missingParts));
        assertEquals(400, missingParts.path("status").asInt());
    }

    @Test
    void alibabaSignatureDefects_getTheirCodes_andAReplayedRequestIsRefused() throws IOException {
        Credentials kingsoft = f.sandbox.credentials().kingsoft();
        Credentials alibaba = f.sandbox.credentials().alibaba();
        String kms = f.sandbox.state().kmsInstances.keySet().iterator().next();
        try (CloudClient wrongSecret = f.clientWith(kingsoft, new Credentials(alibaba.accessKeyId(), "wrong"));
                CloudClient unknownKey =
                        f.clientWith(kingsoft, new Credentials("LTAInobody000000", alibaba.secret()))) {
            ServiceException mismatch = assertThrows(
                    ServiceException.class, () -> wrongSecret.call("GetKmsInstance", Map.of("KmsInstanceId", kms)));
            assertEquals("SignatureDoesNotMatch", mismatch.code());
            ServiceException unknown = assertThrows(
                    ServiceException.class, () -> unknownKey.call("GetKmsInstance", Map.of("KmsInstanceId", kms)));
            assertEquals("InvalidAccessKeyId.NotFound", unknown.code());
            assertEquals(404, unknown.httpStatus());
        }
        // the same signed request twice: the nonce gives the copy away
        HttpRequest signed = new Acs3Signer(f.sandbox.clock(), () -> "nonce-used-once")
                .sign(
                        HttpRequest.get("http", "127.0.0.1", f.sandbox.port(), "/")
                                .withQueryParam("KmsInstanceId", kms)
                                .withHeader("Accept", "application/json")
                                .withBody("POST", new byte[0]),
                        alibaba,
                        "GetKmsInstance",
                        "2016-01-20")
                .signedRequest();
        assertEquals(200, transport.execute(signed).status());
        HttpResponse replay = transport.execute(signed);
        assertEquals(400, replay.status());
        assertEquals(
                "SignatureNonceUsed", json.readTree(replay.body()).path("Code").asText());
    }

    @Test
    void theSandboxValidatesWithTheClientsValidator_answeringTheDocumentedCodes() throws IOException {
        JsonNode badType = raw("Action", "StartInstances", "Version", "2016-03-04", "InstanceId.1", "not-a-uuid");
        assertEquals("InvalidParameterValue", code(badType));
        assertEquals(
                "An invalid or out-of-range value was supplied for the input parameter InstanceId.1.",
                badType.path("Error").path("Message").asText());
        JsonNode missing = raw("Action", "StartInstances", "Version", "2016-03-04");
        assertEquals("MissingParameter", code(missing));
        assertEquals(
                "An value must be supplied for the input parameter InstanceId.",
                missing.path("Error").path("Message").asText());
        assertEquals(
                "InvalidQueryParameter", code(raw("Action", "DescribeRegions", "Version", "2016-03-04", "Bogus", "1")));
        JsonNode unknown = raw("Action", "LaunchRockets", "Version", "2016-03-04");
        assertEquals("NoSuchEntity", code(unknown));
        assertEquals(404, unknown.path("status").asInt());
        assertEquals("InvalidParameterValue", code(raw("Action", "DescribeRegions", "Version", "2017-01-01")));
    }

    @Test
    void theStateFile_keepsTheCloudAcrossRuns_andADamagedOneIsReportedNotReplaced(@TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("sandbox.json");
        String id;
        try (SandboxFixture first =
                new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder())) {
            RegionState r = first.sandbox.state().region("cn-beijing-6");
            Map<?, ?> created = (Map<?, ?>) ((List<?>) first.client
                            .call(
                                    "RunInstances",
                                    Map.of(
                                            "ImageId",
                                            r.images.keySet().iterator().next(),
                                            "SubnetId",
                                            r.defaultSubnetId,
                                            "SecurityGroupId",
                                            r.defaultSecurityGroupId,
                                            "MinCount",
                                            1,
                                            "MaxCount",
                                            1,
                                            "ChargeType",
                                            "Daily"))
                            .get("InstancesSet"))
                    .get(0);
            id = (String) created.get("InstanceId");
        }
        try (SandboxFixture second =
                new SandboxFixture(SandboxOptions.forTests().withStateFile(file), ClientConfig.builder())) {
            assertEquals(
                    1L,
                    second.client
                            .call("DescribeInstances", Map.of("InstanceId", List.of(id)))
                            .get("InstanceCount"));
        }
        Files.writeString(file, "{\"format\": \"kecsh-sandbox-state\", \"version\": 1, \"state\": {");
        // (a cut-short file; a file with a syntax error names its line and column)
        StateFile.StateFileException e = assertThrows(
                StateFile.StateFileException.class,
                () -> Sandbox.start(SandboxOptions.forTests().withStateFile(file)));
        assertTrue(e.getMessage().contains("is damaged: it ends in the middle"), e.getMessage());
        assertEquals("{\"format\": \"kecsh-sandbox-state\", \"version\": 1, \"state\": {", Files.readString(file));
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")));
    }

    @Test
    void concurrentCalls_areSafe_andTenThousandInstancesAreANormalSize() throws Exception {
        RegionState r = f.sandbox.state().region("cn-beijing-6");
        Map<String, Object> fifty = Map.of(
                "ImageId",
                r.images.keySet().iterator().next(),
                "SubnetId",
                r.defaultSubnetId,
                "SecurityGroupId",
                r.defaultSecurityGroupId,
                "MinCount",
                50,
                "MaxCount",
                50,
                "ChargeType",
                "Daily");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) calls.add(pool.submit(() -> f.client.call("RunInstances", fifty)));
        for (Future<?> c : calls) c.get();
        pool.shutdown();
        assertEquals(10_000, r.instances.size());
        assertEquals(
                10_000,
                r.instances.values().stream().map(i -> i.privateIp).distinct().count(),
                "addresses are unique");
        assertEquals(
                10_000, f.client.pages("DescribeInstances", Map.of()).items().count());
        assertEquals(
                10_000L,
                f.client.call("DescribeInstances", Map.of("MaxResults", 5)).get("InstanceCount"));
    }

    @Test
    void headerSignedPosts_areAcceptedToo() {
        try (CloudClient post = new CloudClient(ClientConfig.builder()
                        .endpoint(f.sandbox.endpoint())
                        .credentials(Cloud.KINGSOFT, f.sandbox.credentials().kingsoft())
                        .clock(f.sandbox.clock())
                        .kingsoftMethod(ClientConfig.KingsoftMethod.POST)
                        .retryPolicy(RetryPolicy.none())
                        .build());
                CloudClient headerGet = new CloudClient(ClientConfig.builder()
                        .endpoint(f.sandbox.endpoint())
                        .credentials(Cloud.KINGSOFT, f.sandbox.credentials().kingsoft())
                        .clock(f.sandbox.clock())
                        .getSignatureLocation(ClientConfig.SignatureLocation.HEADER)
                        .retryPolicy(RetryPolicy.none())
                        .build())) {
            assertEquals(0L, post.call("DescribeInstances", Map.of()).get("InstanceCount"));
            assertEquals(0L, headerGet.call("DescribeInstances", Map.of()).get("InstanceCount"));
            ServiceException e = assertThrows(
                    ServiceException.class,
                    () -> post.call(
                            "StartInstances", Map.of("InstanceId", List.of("48de6f74-e287-45df-b55e-94266d77483f"))));
            assertEquals("InvalidParameterValue", e.code());
        }
    }
}
