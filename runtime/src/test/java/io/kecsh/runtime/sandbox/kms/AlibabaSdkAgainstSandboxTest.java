package io.kecsh.runtime.sandbox.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.bssopenapi20171214.models.ModifyInstanceRequest;
import com.aliyun.bssopenapi20171214.models.ModifyInstanceResponseBody;
import com.aliyun.bssopenapi20171214.models.RenewChangeInstanceRequest;
import com.aliyun.bssopenapi20171214.models.RenewChangeInstanceResponseBody;
import com.aliyun.kms20160120.models.GetKmsInstanceRequest;
import com.aliyun.kms20160120.models.GetKmsInstanceResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.tea.okhttp.ClientHelper;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teaopenapi.models.OpenApiRequest;
import com.aliyun.teaopenapi.models.Params;
import com.aliyun.teautil.models.RuntimeOptions;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Alibaba's own Java SDKs (kms20160120, bssopenapi20171214, on their tea-openapi core) as clients of
 * the sandbox: what they sign and send must be accepted, and what the sandbox answers must parse
 * into their models. Both of the SDK's signatures are used: V3 (ACS3-HMAC-SHA256, its default) and
 * the classic RPC signature ({@code signatureAlgorithm "v2"}). Loopback only: the SDK is pointed at
 * 127.0.0.1 over plain HTTP.
 *
 * <p>kms20160120 1.2.3 has no ReleaseKmsInstance method; the call goes through the same SDK's
 * generic {@code callApi} with the parameters its generated methods use (RPC style, POST, "/").
 * The SDK signs with the wall clock, so this sandbox's manual clock starts at the real time.
 */
class AlibabaSdkAgainstSandboxTest {
    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        sandbox = Sandbox.start(SandboxOptions.forTests()
                .withClock(SandboxClock.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS))));
    }

    /**
     * The SDK keeps its OkHttp clients (and their idle keep-alive connections) in a static map; an
     * idle connection would hold the sandbox's graceful close for its 5-second grace, so tests drop them first.
     */
    @AfterEach
    void dropIdleSdkConnectionsAndStop() {
        ClientHelper.clients.values().forEach(c -> c.connectionPool().evictAll());
        sandbox.close();
    }

    private Config config(String signatureAlgorithm) {
        Config config = new Config()
                .setAccessKeyId(sandbox.credentials().alibaba().accessKeyId())
                .setAccessKeySecret(sandbox.credentials().alibaba().secret())
                .setRegionId("cn-hangzhou")
                .setEndpoint("127.0.0.1:" + sandbox.port())
                .setProtocol("HTTP")
                .setReadTimeout(10_000)
                .setConnectTimeout(5_000);
        if (signatureAlgorithm != null) config.setSignatureAlgorithm(signatureAlgorithm);
        return config;
    }

    /** No retries: an error must show at once. */
    private static RuntimeOptions noRetries() {
        return new RuntimeOptions().setAutoretry(false).setMaxAttempts(1);
    }

    /** A KMS action through the SDK's generic call, laid out as its generated methods lay theirs out. */
    private static Map<String, ?> kmsCall(com.aliyun.kms20160120.Client kms, String action, Map<String, Object> query)
            throws Exception {
        Params params = new Params()
                .setAction(action)
                .setVersion("2016-01-20")
                .setProtocol("HTTPS")
                .setPathname("/")
                .setMethod("POST")
                .setAuthType("AK")
                .setStyle("RPC")
                .setReqBodyType("formData")
                .setBodyType("json");
        OpenApiRequest request = new OpenApiRequest().setQuery(com.aliyun.openapiutil.Client.query(query));
        return kms.callApi(params, request, noRetries());
    }

    private static Map<String, ?> release(com.aliyun.kms20160120.Client kms, String id, Map<String, Object> more)
            throws Exception {
        Map<String, Object> query = new HashMap<>(more);
        query.put("KmsInstanceId", id);
        return kmsCall(kms, "ReleaseKmsInstance", query);
    }

    @ParameterizedTest(name = "signature {0}")
    @ValueSource(strings = {"ACS3-HMAC-SHA256", "v2"})
    void officialSdks_everyKmsAndBssAction_succeedAgainstTheSandbox(String signature) throws Exception {
        SeededKms seeded = SeededKms.of(sandbox);
        com.aliyun.kms20160120.Client kms = new com.aliyun.kms20160120.Client(config(signature));
        com.aliyun.bssopenapi20171214.Client bss = new com.aliyun.bssopenapi20171214.Client(config(signature));

        GetKmsInstanceResponseBody.GetKmsInstanceResponseBodyKmsInstance got = kms.getKmsInstanceWithOptions(
                        new GetKmsInstanceRequest().setKmsInstanceId(seeded.subscription()), noRetries())
                .getBody()
                .getKmsInstance();
        assertEquals(seeded.subscription(), got.getInstanceId());
        assertEquals("Connected", got.getStatus());
        // kms20160120 1.2.3 types ZoneIds and VswitchIds as String (an older API revision); the documented
        // array arrives there as its JSON text, so the SDK still reads every zone the sandbox answers
        assertEquals("[\"cn-hangzhou-k\",\"cn-hangzhou-j\"]", got.getZoneIds());
        assertTrue(got.getVswitchIds().matches("\\[\"vsw-[a-z0-9]{21}\",\"vsw-[a-z0-9]{21}\"]"), got.getVswitchIds());
        assertEquals(1000L, got.getSpec());
        assertEquals(1000L, got.getKeyNum());
        assertEquals("1000", got.getSecretNum());
        assertEquals(5L, got.getVpcNum());
        assertEquals("cn-hangzhou", got.getBindVpcs().getBindVpc().get(0).getRegionId());
        assertTrue(got.getCaCertificateChainPem().startsWith("-----BEGIN CERTIFICATE-----"));
        String endDate = got.getEndDate();
        // the members newer than this SDK's model, read from the same SDK's untyped answer
        Map<?, ?> raw =
                (Map<?, ?>) ((Map<?, ?>) kmsCall(kms, "GetKmsInstance", Map.of("KmsInstanceId", seeded.subscription()))
                                .get("body"))
                        .get("KmsInstance");
        assertEquals("PREPAY", raw.get("ChargeType"));
        assertEquals("kms_ddi_public_cn", raw.get("ProductType"));
        assertEquals("3", raw.get("ProductVersion"));
        assertEquals("Normal", raw.get("SaleStatus"));
        assertEquals(1, ((Number) raw.get("Log")).intValue());
        assertEquals(100, ((Number) raw.get("LogStorage")).intValue());

        // the token carries characters the two signatures encode differently (space, + * ~ / : = &)
        ModifyInstanceResponseBody modified = bss.modifyInstanceWithOptions(
                        new ModifyInstanceRequest()
                                .setProductCode("kms")
                                .setProductType("kms_ddi_public_cn")
                                .setSubscriptionType("Subscription")
                                .setModifyType("Upgrade")
                                .setInstanceId(seeded.subscription())
                                .setClientToken("sdk modify+*~/:=&" + signature)
                                .setParameter(List.of(
                                        new ModifyInstanceRequest.ModifyInstanceRequestParameter()
                                                .setCode("Spec")
                                                .setValue("2000"),
                                        new ModifyInstanceRequest.ModifyInstanceRequestParameter()
                                                .setCode("SecretNum")
                                                .setValue("3000"))),
                        noRetries())
                .getBody();
        assertEquals("Success", modified.getCode());
        assertEquals("Successful!", modified.getMessage());
        assertEquals(true, modified.getSuccess());
        assertTrue(
                modified.getData().getOrderId().matches("[0-9]{15,}"),
                modified.getData().getOrderId());
        assertEquals("business.aliyuncs.com", modified.getData().getHostId());

        RenewChangeInstanceResponseBody renewed = bss.renewChangeInstanceWithOptions(
                        new RenewChangeInstanceRequest()
                                .setProductCode("kms")
                                .setInstanceId(seeded.subscription())
                                .setRenewPeriod(2L)
                                .setClientToken("sdk-renew-" + signature)
                                .setParameter(
                                        List.of(new RenewChangeInstanceRequest.RenewChangeInstanceRequestParameter()
                                                .setCode("KeyNum")
                                                .setValue("2000"))),
                        noRetries())
                .getBody();
        assertEquals("Success", renewed.getCode());
        assertEquals(true, renewed.getSuccess());

        GetKmsInstanceResponseBody.GetKmsInstanceResponseBodyKmsInstance after = kms.getKmsInstanceWithOptions(
                        new GetKmsInstanceRequest().setKmsInstanceId(seeded.subscription()), noRetries())
                .getBody()
                .getKmsInstance();
        assertEquals(2000L, after.getSpec());
        assertEquals("3000", after.getSecretNum());
        assertEquals(2000L, after.getKeyNum());
        assertEquals(
                Instant.parse(endDate)
                        .atZone(KmsInstanceFactory.BILLING_ZONE)
                        .plusMonths(2)
                        .toInstant(),
                Instant.parse(after.getEndDate()));

        Map<String, ?> released = release(kms, seeded.backedUp(), Map.of());
        assertEquals(200, released.get("statusCode"));
        assertTrue(
                ((Map<?, ?>) released.get("body")).get("RequestId").toString().length() > 0);
        assertNull(SeededKms.state(sandbox, seeded.backedUp()));
    }

    @ParameterizedTest(name = "signature {0}")
    @ValueSource(strings = {"ACS3-HMAC-SHA256", "v2"})
    void officialSdks_documentedErrors_arriveAsTeaExceptionsWithCodeAndStatus(String signature) throws Exception {
        SeededKms seeded = SeededKms.of(sandbox);
        com.aliyun.kms20160120.Client kms = new com.aliyun.kms20160120.Client(config(signature));
        com.aliyun.bssopenapi20171214.Client bss = new com.aliyun.bssopenapi20171214.Client(config(signature));

        TeaException noBackup = assertThrows(TeaException.class, () -> release(kms, seeded.payAsYouGo(), Map.of()));
        assertEquals("Forbidden.NoBackup", noBackup.getCode());
        assertEquals(403, noBackup.getStatusCode());
        Map<String, ?> forced = release(kms, seeded.payAsYouGo(), Map.of("ForceDeleteWithoutBackup", "true"));
        assertEquals(200, forced.get("statusCode"));

        TeaException notFound = assertThrows(
                TeaException.class,
                () -> kms.getKmsInstanceWithOptions(
                        new GetKmsInstanceRequest().setKmsInstanceId(seeded.payAsYouGo()), noRetries()));
        assertEquals("Forbidden.DKMSInstanceNotFound", notFound.getCode());
        assertEquals(403, notFound.getStatusCode());

        TeaException missing = assertThrows(
                TeaException.class,
                () -> bss.renewChangeInstanceWithOptions(
                        new RenewChangeInstanceRequest()
                                .setProductCode("kms")
                                .setInstanceId("kst-nosuchinstance0000")
                                .setRenewPeriod(1L),
                        noRetries()));
        assertEquals("ResourceNotExists", missing.getCode());
        assertEquals(400, missing.getStatusCode());
    }
}
