package io.kecsh.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.auth.acs3.Acs3Signer;
import io.kecsh.runtime.auth.aws4.Aws4Signer;
import io.kecsh.runtime.auth.rpc.RpcSigner;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.error.TransportException;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.retry.Backoff;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.testing.ScriptedServer;
import io.kecsh.runtime.testing.ScriptedServer.Step;
import io.kecsh.runtime.validate.ValidationException;
import io.kecsh.runtime.waiter.WaitOptions;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real HTTP server on loopback: signing, parsing, retries, idempotency, secrets. */
class CloudClientTest {
    private static final String AK = "AKLTGo0pHK-EQWiDZWTsBS112Q";
    private static final String SECRET = "sEcReT-kingsoft-0123456789abcdef";
    private static final String ALI_ID = "LTAI5tTestAccessKey";
    private static final String ALI_SECRET = "aLiBaBa-SeCrEt-9876543210";
    private static final String ID = "48de6f74-e287-45df-b55e-94266d77483f";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private ScriptedServer server;
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<String> wire = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CloudClient client(ClientConfig.Builder extra) {
        ClientConfig config = extra.endpoint(server.endpoint())
                .credentials(Cloud.KINGSOFT, new Credentials(AK, SECRET))
                .credentials(Cloud.ALIBABA, new Credentials(ALI_ID, ALI_SECRET))
                .region(Cloud.KINGSOFT, "cn-shanghai-2")
                .clock(CLOCK)
                .sleeper(sleeps::add)
                .wireLog(wire::add)
                .retryPolicy(RetryPolicy.standard()
                        .withBackoff(new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), () -> 1.0)))
                .transportSettings(TransportSettings.defaults().withResponseTimeout(Duration.ofMillis(700)))
                .build();
        return new CloudClient(config);
    }

    private CloudClient client() {
        return client(ClientConfig.builder());
    }

    /** What a Kingsoft server would check: the SigV4 query-string signature recomputed from what arrived. */
    private static boolean queryFormSignatureValid(HttpRequest r, String region, String service) {
        String credential = r.queryValue("X-Amz-Credential").orElse("");
        List<String> signed =
                Arrays.asList(r.queryValue("X-Amz-SignedHeaders").orElse("").split(";"));
        return credential.equals(AK + "/20261122/" + region + "/" + service + "/aws4_request")
                && Aws4Signer.expectedSignature(
                                r,
                                SECRET,
                                region,
                                service,
                                r.queryValue("X-Amz-Date").orElse(""),
                                signed,
                                true)
                        .matches(r.queryValue("X-Amz-Signature").orElse(""));
    }

    @Test
    void aKingsoftGet_carriesEverythingInTheUrl_signedForItsRegionAndService_andParsesTyped() {
        server.then(
                r -> queryFormSignatureValid(r, "cn-shanghai-2", "kec")
                        ? Step.json(
                                200,
                                "{\"RequestId\":\"r-1\",\"Marker\":0,\"InstanceCount\":\"1\",\"InstancesSet\":[{\"InstanceId\":\""
                                        + ID
                                        + "\",\"InstanceState\":{\"Name\":\"active\"},\"SriovNetSupport\":\"false\"}]}")
                        : Step.json(
                                403,
                                "{\"RequestId\":\"r-x\",\"Error\":{\"Type\":\"Sender\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad\"}}"));
        try (CloudClient client = client()) {
            Response response = client.call("DescribeInstances", Map.of("InstanceId", List.of(ID)));
            assertEquals("r-1", response.requestId());
            assertEquals(1L, response.get("InstanceCount"));
            Map<?, ?> instance = (Map<?, ?>) ((List<?>) response.get("InstancesSet")).get(0);
            assertEquals(Boolean.FALSE, instance.get("SriovNetSupport"));
        }
        HttpRequest sent = server.received().get(0);
        assertEquals("GET", sent.method());
        assertEquals("DescribeInstances", sent.queryValue("Action").orElseThrow());
        assertEquals("2016-03-04", sent.queryValue("Version").orElseThrow());
        assertEquals(ID, sent.queryValue("InstanceId.1").orElseThrow());
        assertEquals("application/json", sent.headers().first("Accept").orElseThrow());
        assertEquals(0, sent.body().length);
    }

    @Test
    void aKingsoftPost_sendsAFormBody_andSignsWithTheAuthorizationHeader() {
        server.then(r -> {
            String auth = r.headers().first("Authorization").orElse("");
            String signedHeaders = auth.replaceAll(".*SignedHeaders=([^,]+),.*", "$1");
            boolean ok = Aws4Signer.expectedSignature(
                                    r,
                                    SECRET,
                                    "cn-shanghai-2",
                                    "kec",
                                    r.headers().first("X-Amz-Date").orElse(""),
                                    Arrays.asList(signedHeaders.split(";")),
                                    false)
                            .matches(auth.replaceAll(".*Signature=", ""))
                    && r.query().isEmpty();
            return ok
                    ? Step.json(
                            200,
                            "{\"RequestId\":\"r-2\",\"InstancesSet\":[{\"InstanceId\":\"" + ID
                                    + "\",\"Return\":true}]}")
                    : Step.json(403, "{\"Error\":{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad\"}}");
        });
        try (CloudClient client = client(ClientConfig.builder().kingsoftMethod(ClientConfig.KingsoftMethod.POST))) {
            Response r = client.call("StartInstances", Map.of("InstanceId", ID));
            assertEquals("r-2", r.requestId());
        }
        HttpRequest sent = server.received().get(0);
        assertEquals("POST", sent.method());
        assertTrue(sent.bodyText().contains("Action=StartInstances"), sent.bodyText());
        assertTrue(sent.headers().first("Content-Type").orElse("").startsWith("application/x-www-form-urlencoded"));
    }

    @Test
    void aGetCanAlsoBeSignedInTheHeader() {
        server.then(r -> r.headers().contains("Authorization")
                        && r.queryValue("X-Amz-Signature").isEmpty()
                ? Step.json(200, "{\"RequestId\":\"r-h\",\"RegionSet\":[]}")
                : Step.json(400, "{\"Error\":{\"Code\":\"Wrong\",\"Message\":\"x\"}}"));
        try (CloudClient client =
                client(ClientConfig.builder().getSignatureLocation(ClientConfig.SignatureLocation.HEADER))) {
            assertEquals("r-h", client.call("DescribeRegions", Map.of()).requestId());
        }
    }

    @Test
    void regionlessHosts_signWithTheDefaultRegion_andTheirOwnService() {
        server.then(r -> queryFormSignatureValid(r, "cn-beijing-6", "sks")
                ? Step.json(200, "{\"RequestId\":\"r-k\",\"Return\":true}")
                : Step.json(403, "{\"Error\":{\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"x\"}}"));
        // the query form, to see the scope in X-Amz-Credential (a mutating call is a POST form by default)
        try (CloudClient client = client(ClientConfig.builder().kingsoftMethod(ClientConfig.KingsoftMethod.GET))) {
            assertEquals("r-k", client.call("DeleteKey", Map.of("KeyId", ID)).requestId());
        }
        assertEquals(
                "2015-11-01", server.received().get(0).queryValue("Version").orElseThrow());
    }

    @Test
    void alibabaCalls_areSignedWithAcs3ByDefault_andRpcOnRequest() {
        server.then(r -> {
            String auth = r.headers().first("Authorization").orElse("");
            List<String> signed = Arrays.asList(
                    auth.replaceAll(".*SignedHeaders=([^,]+),.*", "$1").split(";"));
            boolean ok = auth.startsWith("ACS3-HMAC-SHA256 Credential=" + ALI_ID + ",")
                    && Acs3Signer.expectedSignature(r, ALI_SECRET, signed).matches(auth.replaceAll(".*Signature=", ""))
                    && "GetKmsInstance".equals(r.headers().first("x-acs-action").orElse(""));
            return ok
                    ? Step.json(
                            200,
                            "{\"RequestId\":\"a-1\",\"KmsInstance\":{\"InstanceId\":\"kst-abc1\",\"Status\":\"Connected\",\"Spec\":1000,\"SecretNum\":\"10\"}}")
                    : Step.json(400, "{\"RequestId\":\"a-x\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad\"}");
        });
        server.then(r -> RpcSigner.expectedSignature(r, ALI_SECRET)
                        .matches(r.queryValue("Signature").orElse(""))
                ? Step.json(
                        200,
                        "{\"RequestId\":\"a-2\",\"KmsInstance\":{\"InstanceId\":\"kst-abc1\",\"Status\":\"Connected\"}}")
                : Step.json(400, "{\"RequestId\":\"a-y\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":\"bad\"}"));
        try (CloudClient acs3 = client();
                CloudClient rpc = client(ClientConfig.builder().alibabaSignature(ClientConfig.AlibabaSignature.RPC))) {
            Response first = acs3.call("GetKmsInstance", Map.of("KmsInstanceId", "kst-abc1"));
            assertEquals(1000L, ((Map<?, ?>) first.get("KmsInstance")).get("Spec"));
            assertEquals("10", ((Map<?, ?>) first.get("KmsInstance")).get("SecretNum"));
            assertEquals(
                    "a-2",
                    rpc.call("GetKmsInstance", Map.of("KmsInstanceId", "kst-abc1"))
                            .requestId());
        }
        assertEquals(
                "2016-01-20",
                server.received().get(0).headers().first("x-acs-version").orElseThrow());
        assertEquals(
                "GetKmsInstance", server.received().get(1).queryValue("Action").orElseThrow());
    }

    @Test
    void anInvalidRequest_neverTouchesTheNetwork() {
        try (CloudClient client = client()) {
            ValidationException e = assertThrows(
                    ValidationException.class, () -> client.call("RunInstances", Map.of("InstanceType", "S4.2X")));
            assertTrue(e.getMessage().contains("did you mean S4.2A, S4.2B, S4.2C or S4.2D?"), e.getMessage());
        }
        assertEquals(List.of(), server.received());
    }

    @Test
    void serviceErrors_becomeOneReadableLine_withCodeStatusRequestIdOperationAndRegion() {
        server.then(
                Step.json(
                        400,
                        "{\"RequestId\":\"e1eac1b3\",\"Error\":{\"Type\":\"Sender\",\"Code\":\"InvalidParameterValue\","
                                + "\"Message\":\"An invalid or out-of-range value was supplied for the input parameter ImageId.\"}}"));
        try (CloudClient client = client()) {
            ServiceException e =
                    assertThrows(ServiceException.class, () -> client.call("StartInstances", Map.of("InstanceId", ID)));
            assertEquals(
                    "StartInstances (cn-shanghai-2): InvalidParameterValue (400): An invalid or out-of-range value was supplied "
                            + "for the input parameter ImageId. [request e1eac1b3]",
                    e.getMessage());
            assertEquals("Sender", e.errorType());
        }
    }

    @Test
    void xmlAnswers_areParsedToo_whenJsonIsNotAskedFor() {
        server.then(Step.xml(
                200,
                "<StartInstancesResponse xmlns=\"http://vm.ksyun.com/doc/2016-03-04/\"><RequestId>x-1</RequestId>"
                        + "<InstancesSet><Item><InstanceId>" + ID
                        + "</InstanceId><Return>true</Return></Item></InstancesSet></StartInstancesResponse>"));
        try (CloudClient client = client(ClientConfig.builder().json(false))) {
            Response r = client.call("StartInstances", Map.of("InstanceId", ID));
            assertEquals("x-1", r.requestId());
            assertEquals(Boolean.TRUE, ((Map<?, ?>) ((List<?>) r.get("InstancesSet")).get(0)).get("Return"));
        }
        assertFalse(server.received().get(0).headers().contains("Accept"));
    }

    @Test
    void throttling_isRetriedWithBackoff_evenForAMutation_andTheRequestIsSignedAfresh() {
        String limit =
                "{\"RequestId\":\"t\",\"Error\":{\"Type\":\"Sender\",\"Code\":\"LimitExceeded\",\"Message\":\"Request was rejected "
                        + "because the request speed of this openAPI is beyond the current flow control limit.\"}}";
        server.then(Step.json(409, limit))
                .then(Step.json(409, limit))
                .then(Step.json(
                        200,
                        "{\"RequestId\":\"ok\",\"InstancesSet\":[{\"InstanceId\":\"" + ID
                                + "\",\"InstanceName\":\"web\"}]}"));
        try (CloudClient client = client()) {
            Response r = client.call("RunInstances", runRequest());
            assertEquals("ok", r.requestId());
        }
        assertEquals(3, server.received().size());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), sleeps);
    }

    @Test
    void aMutationThatMayHaveBeenProcessed_isNotRetried_andTheErrorSaysSo() {
        server.then(Step.json(
                500,
                "{\"RequestId\":\"s\",\"Error\":{\"Type\":\"Receiver\",\"Code\":\"ServiceTimeout\","
                        + "\"Message\":\"Internal Service is unavailable because of time out.\"}}"));
        try (CloudClient client = client()) {
            ServiceException e = assertThrows(ServiceException.class, () -> client.call("RunInstances", runRequest()));
            assertEquals("ServiceTimeout", e.code());
        }
        assertEquals(1, server.received().size());

        server.then(Step.drop());
        try (CloudClient client = client()) {
            TransportException e =
                    assertThrows(TransportException.class, () -> client.call("RunInstances", runRequest()));
            assertTrue(e.mayHaveBeenProcessed());
            assertTrue(
                    e.getMessage()
                            .contains("RunInstances may or may not have taken effect. Check the resource's state"),
                    e.getMessage());
        }
        assertEquals(2, server.received().size());
    }

    @Test
    void aReadThatTimedOut_isRetried() {
        server.then(
                        Step.json(
                                500,
                                "{\"Error\":{\"Code\":\"ServiceTimeout\",\"Message\":\"Internal Service is unavailable because of time out.\"}}"))
                .then(Step.stall())
                .then(
                        Step.json(
                                200,
                                "{\"RequestId\":\"third\",\"RegionSet\":[{\"Region\":\"cn-beijing-6\",\"RegionName\":\"北京6区(VPC)\"}]}"));
        try (CloudClient client = client()) {
            assertEquals("third", client.call("DescribeRegions", Map.of()).requestId());
        }
        assertEquals(3, server.received().size());
    }

    @Test
    void aRefusedConnection_isRetried_forAnyCall_thenReportedAsNotReached() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ClientConfig config = ClientConfig.builder()
                .endpoint(URI.create("http://127.0.0.1:" + port + "/"))
                .credentials(Cloud.KINGSOFT, new Credentials(AK, SECRET))
                .clock(CLOCK)
                .sleeper(sleeps::add)
                .retryPolicy(RetryPolicy.standard().withMaxAttempts(3))
                .build();
        try (CloudClient client = new CloudClient(config)) {
            TransportException e =
                    assertThrows(TransportException.class, () -> client.call("RunInstances", runRequest()));
            assertFalse(e.mayHaveBeenProcessed());
            assertTrue(
                    e.getMessage().contains("after 3 attempts")
                            && e.getMessage().contains("did not reach the service"),
                    e.getMessage());
        }
        assertEquals(2, sleeps.size());
    }

    @Test
    void clientTokenCalls_getOneTokenReusedOnEveryRetry() {
        server.then(
                        Step.json(
                                500,
                                "{\"RequestId\":\"b1\",\"Code\":\"InternalError\",\"Message\":\"The request processing has failed due to some unknown error.\"}"))
                .then(Step.drop())
                .then(Step.json(
                        200,
                        "{\"RequestId\":\"b3\",\"Code\":\"Success\",\"Message\":\"Successful!\",\"Success\":true,"
                                + "\"Data\":{\"OrderId\":23648989570123,\"HostId\":\"testid\"}}"));
        try (CloudClient client = client()) {
            Response r = client.call(
                    "ModifyInstance",
                    Map.of(
                            "ProductCode",
                            "kms",
                            "SubscriptionType",
                            "Subscription",
                            "ModifyType",
                            "Upgrade",
                            "InstanceId",
                            "kst-abc1",
                            "Parameter",
                            List.of(Map.of("Code", "Spec", "Value", "2000"))));
            assertEquals("23648989570123", ((Map<?, ?>) r.get("Data")).get("OrderId"));
        }
        List<String> tokens = server.received().stream()
                .map(q -> q.queryValue("ClientToken").orElse("none"))
                .distinct()
                .toList();
        assertEquals(3, server.received().size());
        assertEquals(1, tokens.size(), tokens.toString());
    }

    @Test
    void dryRun_isReportedAsWouldSucceed_notAsAnError() {
        server.then(Step.json(
                412,
                "{\"RequestId\":\"d\",\"Error\":{\"Type\":\"Sender\",\"Code\":\"DryRunOperation\","
                        + "\"Message\":\"Request would have succeeded, but DryRun flag is set\"}}"));
        try (CloudClient client = client()) {
            Response r = client.call("StartInstances", Map.of("InstanceId", ID, "DryRun", true));
            assertTrue(r.dryRun());
            assertEquals("d", r.requestId());
        }
        assertEquals(
                "true",
                ScriptedServer.parameter(server.received().get(0), "DryRun").orElseThrow());
    }

    @Test
    void paging_andWaiting_workOverHttp() {
        server.then(
                        Step.json(
                                200,
                                "{\"RequestId\":\"p1\",\"Marker\":2,\"InstanceCount\":3,\"InstancesSet\":[{\"InstanceId\":\"a\"},{\"InstanceId\":\"b\"}]}"))
                .then(
                        Step.json(
                                200,
                                "{\"RequestId\":\"p2\",\"Marker\":0,\"InstanceCount\":3,\"InstancesSet\":[{\"InstanceId\":\"c\"}]}"))
                .then(Step.json(
                        200, "{\"RequestId\":\"w1\",\"InstancesSet\":[{\"InstanceState\":{\"Name\":\"building\"}}]}"))
                .then(Step.json(
                        200, "{\"RequestId\":\"w2\",\"InstancesSet\":[{\"InstanceState\":{\"Name\":\"active\"}}]}"));
        try (CloudClient client = client()) {
            List<Object> ids = client.pages("DescribeInstances", Map.of("MaxResults", 5))
                    .items()
                    .map(i -> (Object) ((Map<?, ?>) i).get("InstanceId"))
                    .toList();
            assertEquals(List.of("a", "b", "c"), ids);
            Map<String, Object> done = client.waitFor(
                    "InstanceActive",
                    Map.of("InstanceId", List.of(ID)),
                    new WaitOptions(Duration.ofMinutes(1), Duration.ofSeconds(2), Duration.ofSeconds(2), null));
            assertEquals("w2", ((Response) done).requestId());
        }
        assertEquals("2", server.received().get(1).queryValue("Marker").orElseThrow());
        assertEquals(List.of(Duration.ofSeconds(2)), sleeps);
    }

    @Test
    void secrets_neverAppearInTheWireLogOrErrors() {
        String password = "Pa55word-Very-Secret";
        server.then(Step.json(
                400, "{\"RequestId\":\"z\",\"Error\":{\"Code\":\"InvalidParameterValue\",\"Message\":\"nope\"}}"));
        try (CloudClient client = client(ClientConfig.builder().kingsoftMethod(ClientConfig.KingsoftMethod.POST))) {
            ServiceException e = assertThrows(
                    ServiceException.class,
                    () -> client.call(
                            "ModifyInstanceAttribute", Map.of("InstanceId", ID, "InstancePassword", password)));
            assertFalse(e.getMessage().contains(password));
            assertThrows(
                    ValidationException.class,
                    () -> client.call(
                            "ModifyInstanceAttribute", Map.of("InstanceId", ID, "InstancePassword", "short" + SECRET)));
        }
        String log = String.join("\n", wire);
        assertTrue(log.contains("InstancePassword=****"), log);
        for (String secret : List.of(SECRET, password, AK, ALI_SECRET))
            assertFalse(log.contains(secret), "leaked in\n" + log);
        HttpRequest sent = server.received().get(0);
        String authorization = sent.headers().first("Authorization").orElseThrow();
        assertFalse(log.contains(authorization.substring(authorization.length() - 64)), "signature leaked");
    }

    @Test
    void noCredentials_isAClearError_beforeAnythingIsSent() {
        ClientConfig config =
                ClientConfig.builder().endpoint(server.endpoint()).clock(CLOCK).build();
        try (CloudClient client = new CloudClient(config)) {
            IllegalStateException e =
                    assertThrows(IllegalStateException.class, () -> client.call("DescribeRegions", Map.of()));
            assertTrue(e.getMessage().contains("no kingsoft credentials configured"), e.getMessage());
        }
        assertEquals(List.of(), server.received());
    }

    private static Map<String, Object> runRequest() {
        return Map.of(
                "ImageId",
                ID,
                "SubnetId",
                ID,
                "SecurityGroupId",
                ID,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B");
    }
}
