package io.kecsh.runtime.sandbox.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.SandboxOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KmsInstanceSandboxTest {
    private static final List<String> DOCUMENTED = List.of(
            "InstanceId",
            "InstanceName",
            "Status",
            "CreateTime",
            "Spec",
            "KeyNum",
            "SecretNum",
            "VpcNum",
            "VpcId",
            "ZoneIds",
            "VswitchIds",
            "EndDate",
            "StartDate",
            "CaCertificateChainPem",
            "BindVpcs",
            "ChargeType",
            "ProductVersion",
            "SaleStatus",
            "Log",
            "LogStorage",
            "ProductType");

    private static SandboxFixture fixture(ClientConfig.AlibabaSignature signature, boolean json) {
        return new SandboxFixture(
                SandboxOptions.forTests(),
                ClientConfig.builder().alibabaSignature(signature).json(json));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kmsInstance(Response r) {
        return (Map<String, Object>) r.get("KmsInstance");
    }

    @ParameterizedTest
    @EnumSource(ClientConfig.AlibabaSignature.class)
    void getKmsInstance_seededSubscription_answersEveryDocumentedFieldAndNothingElse(
            ClientConfig.AlibabaSignature signature) {
        try (SandboxFixture f = fixture(signature, true)) {
            String id = SeededKms.of(f.sandbox).subscription();
            Response r = f.client.call("GetKmsInstance", Map.of("KmsInstanceId", id));
            Map<String, Object> i = kmsInstance(r);
            assertEquals(DOCUMENTED, List.copyOf(i.keySet()));
            assertEquals(id, i.get("InstanceId"));
            assertEquals(id, i.get("InstanceName"));
            assertEquals("Connected", i.get("Status"));
            assertEquals("2026-10-23T04:00:00Z", i.get("CreateTime"));
            assertEquals("2026-10-23T04:00:00Z", i.get("StartDate"));
            assertEquals("2027-10-23T16:00:00Z", i.get("EndDate"), "a year's term, ending at midnight China time");
            assertEquals(1000L, i.get("Spec"));
            assertEquals(1000L, i.get("KeyNum"));
            assertEquals("1000", i.get("SecretNum"));
            assertEquals(5L, i.get("VpcNum"));
            assertTrue(((String) i.get("VpcId")).matches("vpc-[a-z0-9]{21}"));
            assertEquals(List.of("cn-hangzhou-k", "cn-hangzhou-j"), i.get("ZoneIds"));
            List<?> vswitches = (List<?>) i.get("VswitchIds");
            assertEquals(2, vswitches.size());
            assertTrue(vswitches.stream().allMatch(v -> v.toString().matches("vsw-[a-z0-9]{21}")));
            String pem = (String) i.get("CaCertificateChainPem");
            assertTrue(pem.startsWith("-----BEGIN CERTIFICATE-----\r\nMIID"), pem);
            assertTrue(pem.endsWith("\r\n-----END CERTIFICATE-----"), pem);
            List<?> bound = (List<?>) ((Map<?, ?>) i.get("BindVpcs")).get("BindVpc");
            Map<?, ?> vpc = (Map<?, ?>) bound.get(0);
            assertEquals("cn-hangzhou", vpc.get("RegionId"));
            assertTrue(vpc.get("VpcId").toString().matches("vpc-[a-z0-9]{21}"));
            assertTrue(vpc.get("VpcOwnerId").toString().matches("[1-9][0-9]{15}"));
            assertTrue(vpc.get("VSwitchId").toString().matches("vsw-[a-z0-9]{21}"));
            assertEquals("PREPAY", i.get("ChargeType"));
            assertEquals("kms_ddi_public_cn", i.get("ProductType"));
            assertEquals("3", i.get("ProductVersion"));
            assertEquals("Normal", i.get("SaleStatus"));
            assertEquals(1L, i.get("Log"));
            assertEquals(100L, i.get("LogStorage"));
            assertFalse(r.requestId().isBlank());
        }
    }

    @Test
    void getKmsInstance_xmlAnswer_parsesToTheSameInstance() {
        try (SandboxFixture xml = fixture(ClientConfig.AlibabaSignature.RPC, false);
                SandboxFixture json = fixture(ClientConfig.AlibabaSignature.ACS3, true)) {
            String id = SeededKms.of(xml.sandbox).payAsYouGo();
            assertEquals(id, SeededKms.of(json.sandbox).payAsYouGo(), "seeding is deterministic");
            Map<String, Object> fromXml = kmsInstance(xml.client.call("GetKmsInstance", Map.of("KmsInstanceId", id)));
            Map<String, Object> fromJson = kmsInstance(json.client.call("GetKmsInstance", Map.of("KmsInstanceId", id)));
            assertEquals(fromJson, fromXml);
            assertEquals("POSTPAY", fromXml.get("ChargeType"));
            assertEquals("kms_ppi_public_cn", fromXml.get("ProductType"));
            assertEquals(KmsInstanceFactory.PAY_AS_YOU_GO_END, fromXml.get("EndDate"));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientConfig.AlibabaSignature.class)
    void getKmsInstance_unknownId_isForbiddenDKMSInstanceNotFound403(ClientConfig.AlibabaSignature signature) {
        try (SandboxFixture f = fixture(signature, true)) {
            ServiceException e = assertThrows(
                    ServiceException.class,
                    () -> f.client.call("GetKmsInstance", Map.of("KmsInstanceId", "kst-hzz6000000000000000000")));
            assertEquals("Forbidden.DKMSInstanceNotFound", e.code());
            assertEquals(403, e.httpStatus());
            assertEquals("The specified DKMS Instance is not found.", e.serviceMessage());
        }
    }

    @Test
    void getKmsInstance_staleTimestamp_isIllegalTimestamp400() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.RPC, true);
                CloudClient late = new CloudClient(ClientConfig.builder()
                        .endpoint(f.sandbox.endpoint())
                        .credentials(Cloud.ALIBABA, f.sandbox.credentials().alibaba())
                        .alibabaSignature(ClientConfig.AlibabaSignature.RPC)
                        .clock(Clock.fixed(f.sandbox.clock().instant().minus(Duration.ofHours(1)), ZoneOffset.UTC))
                        .retryPolicy(RetryPolicy.none())
                        .build())) {
            String id = SeededKms.of(f.sandbox).subscription();
            ServiceException e = assertThrows(
                    ServiceException.class, () -> late.call("GetKmsInstance", Map.of("KmsInstanceId", id)));
            assertEquals("IllegalTimestamp", e.code());
            assertEquals(400, e.httpStatus());
        }
    }

    @Test
    void getKmsInstance_serviceUnavailableOnce_isRetriedAsARead() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3, true)) {
            String id = SeededKms.of(f.sandbox).subscription();
            f.sandbox.faults().failNext("GetKmsInstance", "SerivceUnvailableTemporary", 1);
            assertEquals(
                    id,
                    kmsInstance(f.client.call("GetKmsInstance", Map.of("KmsInstanceId", id)))
                            .get("InstanceId"));
            assertEquals(1, f.sleeps.size());
        }
    }

    @ParameterizedTest
    @EnumSource(ClientConfig.AlibabaSignature.class)
    void releaseKmsInstance_backedUpPayAsYouGo_releasesAndTheInstanceIsGone(ClientConfig.AlibabaSignature signature) {
        try (SandboxFixture f = fixture(signature, true)) {
            String id = SeededKms.of(f.sandbox).backedUp();
            Response r = f.client.call("ReleaseKmsInstance", Map.of("KmsInstanceId", id));
            assertEquals(Map.of("RequestId", r.requestId()), Map.copyOf(r));
            assertNull(SeededKms.state(f.sandbox, id));
            ServiceException again = assertThrows(
                    ServiceException.class, () -> f.client.call("ReleaseKmsInstance", Map.of("KmsInstanceId", id)));
            assertEquals("Forbidden.DKMSInstanceNotFound", again.code());
            ServiceException get = assertThrows(
                    ServiceException.class, () -> f.client.call("GetKmsInstance", Map.of("KmsInstanceId", id)));
            assertEquals("Forbidden.DKMSInstanceNotFound", get.code());
        }
    }

    @Test
    void releaseKmsInstance_subscription_isRejectedUnsupportedOperationEvenWhenForced() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3, true)) {
            String id = SeededKms.of(f.sandbox).subscription();
            ServiceException e = assertThrows(
                    ServiceException.class,
                    () -> f.client.call(
                            "ReleaseKmsInstance", Map.of("KmsInstanceId", id, "ForceDeleteWithoutBackup", "true")));
            assertEquals("Rejected.UnsupportedOperation", e.code());
            assertEquals(400, e.httpStatus());
            assertEquals("Unsupported operation.", e.serviceMessage());
            assertEquals("Connected", SeededKms.state(f.sandbox, id).get("Status"));
        }
    }

    @Test
    void releaseKmsInstance_noBackup_isForbiddenNoBackupUnlessForced() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.RPC, true)) {
            String id = SeededKms.of(f.sandbox).payAsYouGo();
            for (Map<String, Object> params : List.of(
                    Map.<String, Object>of("KmsInstanceId", id),
                    Map.<String, Object>of("KmsInstanceId", id, "ForceDeleteWithoutBackup", "false"))) {
                ServiceException e =
                        assertThrows(ServiceException.class, () -> f.client.call("ReleaseKmsInstance", params));
                assertEquals("Forbidden.NoBackup", e.code());
                assertEquals(403, e.httpStatus());
                assertEquals("this kms instance no backup, forbidden delete.", e.serviceMessage());
            }
            assertEquals(id, SeededKms.state(f.sandbox, id).get("InstanceId"));
            f.client.call("ReleaseKmsInstance", Map.of("KmsInstanceId", id, "ForceDeleteWithoutBackup", "true"));
            assertNull(SeededKms.state(f.sandbox, id));
        }
    }

    @Test
    void releaseKmsInstance_unknownId_isForbiddenDKMSInstanceNotFound403() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3, true)) {
            ServiceException e = assertThrows(
                    ServiceException.class,
                    () -> f.client.call(
                            "ReleaseKmsInstance",
                            Map.of("KmsInstanceId", "kst-nosuchinstance0000", "ForceDeleteWithoutBackup", "true")));
            assertEquals("Forbidden.DKMSInstanceNotFound", e.code());
            assertEquals(403, e.httpStatus());
            assertEquals(3, f.sandbox.state().kmsInstances.size());
        }
    }
}
