package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.junit.jupiter.api.Test;

/**
 * The backends of templates, spot prices, keys, NICs, KMS instances and BSS changes refuse with
 * typed errors; each reaches the caller over real HTTP as the model documents its code for the
 * operation — code, HTTP status and message read here from the model, never retyped — with the
 * sandbox's reason after it where the code names a parameter (Kingsoft's InvalidParameterValue,
 * BSS's InvalidParameter) and the documented message alone where Alibaba sends only that. A
 * refused call changes nothing.
 */
class DomainRefusalsSandboxTest {
    private static final String NOBODY = "00000000-0000-4000-8000-000000000000";
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private static ErrorDef documented(String service, String action, String code) {
        Service s = InstalledModel.get().requireService(service);
        return s.error(s.operation(action).orElseThrow(), code).orElseThrow();
    }

    /** Refused with the documented {@code code} of {@code service}, its message naming {@code param}, then {@code reason}. */
    private ServiceException refused(
            String service, String code, String action, Map<String, ?> params, String param, String reason) {
        ServiceException e = assertThrows(ServiceException.class, () -> f.client.call(action, params));
        ErrorDef def = documented(service, action, code);
        assertEquals(def.code(), e.code(), e.getMessage());
        assertEquals(def.httpStatus(), e.httpStatus(), e.getMessage());
        assertEquals(reason == null ? def.format(param) : def.format(param) + " " + reason, e.serviceMessage());
        return e;
    }

    private String template(String name) {
        Map<String, Object> p = new HashMap<>(Map.of(
                "InstanceType",
                "N3.2B",
                "ImageId",
                OneInstance.centos(region),
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "ChargeType",
                "HourlyInstantSettlement",
                "PurchaseTime",
                0,
                "ModelName",
                name));
        return (String) f.client.call("CreateModel", p).get("ModelId");
    }

    @Test
    void terminateModels_anUnknownSecondId_isTheDocumentedError_andDeletesNone() {
        String first = template("kept");
        refused(
                "kec",
                "InvalidParameterValue",
                "TerminateModels",
                Map.of("ModelId", List.of(first, NOBODY)),
                "ModelId.2",
                "There is no launch template " + NOBODY + " in cn-beijing-6.");
        assertTrue(region.templates.containsKey(first), "the whole call failed: the first template is still there");
    }

    @Test
    void describeSpotPriceHistory_aZoneOfAnotherRegion_isTheDocumentedError() {
        refused(
                "kec",
                "InvalidParameterValue",
                "DescribeSpotPriceHistory",
                Map.of("InstanceType", "N3.2B", "AvailabilityZone", "cn-shanghai-2a"),
                "AvailabilityZone",
                "cn-shanghai-2a is not a zone of cn-beijing-6.");
    }

    @Test
    void attachKey_anUnknownSecondInstance_isTheDocumentedError_andBindsNothing() {
        String key = (String)
                ((Map<?, ?>) f.client.call("CreateKey", Map.of("KeyName", "k1")).get("Key")).get("KeyId");
        Map<String, Object> run = OneInstance.runParams(region);
        String instance = (String)
                ((Map<?, ?>) ((List<?>) f.client.call("RunInstances", run).get("InstancesSet")).get(0))
                        .get("InstanceId");
        f.sandbox.clock().advance(Duration.ofSeconds(10));
        refused(
                "kec",
                "InvalidParameterValue",
                "AttachKey",
                Map.of("KeyId", List.of(key), "InstanceId", List.of(instance, NOBODY)),
                "InstanceId.2",
                "There is no instance " + NOBODY + " in cn-beijing-6.");
        assertTrue(
                region.instances.get(instance).keyIds.isEmpty(),
                "the whole call failed: the first instance has no key");
    }

    @Test
    void deleteNetworkInterface_aPrimaryNic_isTheDocumentedErrorOfTheVpcService() {
        Map<String, Object> run = OneInstance.runParams(region);
        String instance = (String)
                ((Map<?, ?>) ((List<?>) f.client.call("RunInstances", run).get("InstancesSet")).get(0))
                        .get("InstanceId");
        String primary = region.networkInterfaces.values().stream()
                .filter(n -> instance.equals(n.instanceId))
                .findFirst()
                .orElseThrow()
                .id;
        refused(
                "vpc",
                "InvalidParameterValue",
                "DeleteNetworkInterface",
                Map.of("NetworkInterfaceId", primary),
                "NetworkInterfaceId",
                "Network interface " + primary + " is the primary NIC of instance " + instance
                        + ", not an elastic network interface.");
        assertNotNull(region.networkInterfaces.get(primary));
    }

    private String kmsInstance(String chargeType) {
        synchronized (f.sandbox.state().lock()) {
            return f.sandbox.state().kmsInstances.values().stream()
                    .filter(i -> chargeType.equals(i.get("ChargeType")))
                    .map(i -> (String) i.get("InstanceId"))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void releaseKmsInstance_aSubscription_isTheDocumentedMessageAlone_andKeepsIt() {
        String id = kmsInstance("PREPAY");
        refused("kms", "Rejected.UnsupportedOperation", "ReleaseKmsInstance", Map.of("KmsInstanceId", id), null, null);
        assertNotNull(f.sandbox.state().kmsInstances.get(id));
    }

    @Test
    void getKmsInstance_anUnknownId_isTheDocumentedMessageAlone() {
        refused(
                "kms",
                "Forbidden.DKMSInstanceNotFound",
                "GetKmsInstance",
                Map.of("KmsInstanceId", "kst-nosuch"),
                null,
                null);
    }

    @Test
    void modifyInstance_theWrongBilling_isInvalidParameterNamingIt_withTheReason_andChangesNothing() {
        String id = kmsInstance("PREPAY");
        Object spec = f.sandbox.state().kmsInstances.get(id).get("Spec");
        Map<String, Object> p = Map.of(
                "ProductCode",
                "kms",
                "SubscriptionType",
                "PayAsYouGo",
                "ModifyType",
                "Upgrade",
                "InstanceId",
                id,
                "Parameter",
                List.of(Map.of("Code", "Spec", "Value", "2000")));
        refused(
                "bss",
                "InvalidParameter",
                "ModifyInstance",
                p,
                "SubscriptionType",
                "The instance is billed Subscription (PREPAY), not PayAsYouGo.");
        assertEquals(spec, f.sandbox.state().kmsInstances.get(id).get("Spec"));
    }

    @Test
    void renewChangeInstance_anotherProduct_isResourceNotExists_theDocumentedMessageAlone() {
        refused(
                "bss",
                "ResourceNotExists",
                "RenewChangeInstance",
                Map.of("ProductCode", "ecs", "InstanceId", kmsInstance("PREPAY"), "RenewPeriod", 1),
                null,
                null);
    }
}
