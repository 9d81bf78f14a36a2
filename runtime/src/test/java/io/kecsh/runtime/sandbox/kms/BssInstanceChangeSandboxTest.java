package io.kecsh.runtime.sandbox.kms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.SandboxClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BssInstanceChangeSandboxTest {
    private static SandboxFixture fixture(ClientConfig.AlibabaSignature signature) {
        return new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder().alibabaSignature(signature));
    }

    private static List<Map<String, Object>> parameters(String... codeValue) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < codeValue.length; i += 2) out.add(Map.of("Code", codeValue[i], "Value", codeValue[i + 1]));
        return out;
    }

    private static Map<String, Object> modify(
            String id, String subscriptionType, String modifyType, String... codeValue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ProductCode", "kms");
        p.put("SubscriptionType", subscriptionType);
        p.put("ModifyType", modifyType);
        p.put("InstanceId", id);
        if (codeValue.length > 0) p.put("Parameter", parameters(codeValue));
        return p;
    }

    private static Map<String, Object> renew(String id, int months, String... codeValue) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ProductCode", "kms");
        p.put("InstanceId", id);
        p.put("RenewPeriod", months);
        if (codeValue.length > 0) p.put("Parameter", parameters(codeValue));
        return p;
    }

    private static Map<String, Object> with(Map<String, Object> params, String name, Object value) {
        Map<String, Object> p = new LinkedHashMap<>(params);
        p.put(name, value);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> instance(SandboxFixture f, String id) {
        return (Map<String, Object>)
                f.client.call("GetKmsInstance", Map.of("KmsInstanceId", id)).get("KmsInstance");
    }

    private static String orderId(Response r) {
        return (String) ((Map<?, ?>) r.get("Data")).get("OrderId");
    }

    private static void assertSuccess(Response r) {
        assertEquals("Success", r.get("Code"));
        assertEquals("Successful!", r.get("Message"));
        assertEquals(true, r.get("Success"));
        Map<?, ?> data = (Map<?, ?>) r.get("Data");
        assertTrue(data.get("OrderId").toString().matches("[0-9]{15,}"), data.toString());
        assertEquals("business.aliyuncs.com", data.get("HostId"));
        assertEquals(List.of("RequestId", "Code", "Message", "Success", "Data"), List.copyOf(r.keySet()));
    }

    private static ServiceException refused(SandboxFixture f, String action, Map<String, Object> params) {
        return assertThrows(ServiceException.class, () -> f.client.call(action, params));
    }

    @ParameterizedTest
    @EnumSource(ClientConfig.AlibabaSignature.class)
    void modifyInstance_upgradeSubscription_setsEveryCodeOnTheInstance(ClientConfig.AlibabaSignature signature) {
        try (SandboxFixture f = fixture(signature)) {
            String id = SeededKms.of(f.sandbox).subscription();
            Response r = f.client.call(
                    "ModifyInstance",
                    with(
                            modify(
                                    id,
                                    "Subscription",
                                    "Upgrade",
                                    "Spec",
                                    "2000",
                                    "KeyNum",
                                    "3000",
                                    "SecretNum",
                                    "4000",
                                    "VpcNum",
                                    "10",
                                    "log",
                                    "1",
                                    "logStore",
                                    "1000"),
                            "ProductType",
                            "kms_ddi_public_cn"));
            assertSuccess(r);
            Map<String, Object> i = instance(f, id);
            assertEquals(2000L, i.get("Spec"));
            assertEquals(3000L, i.get("KeyNum"));
            assertEquals("4000", i.get("SecretNum"));
            assertEquals(10L, i.get("VpcNum"));
            assertEquals(1L, i.get("Log"));
            assertEquals(1000L, i.get("LogStorage"));
            assertEquals("2027-10-23T16:00:00Z", i.get("EndDate"), "a change does not move the term");
        }
    }

    @Test
    void modifyInstance_downgradePayAsYouGo_lowersValuesAndTurnsLoggingOff() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).payAsYouGo();
            assertSuccess(f.client.call(
                    "ModifyInstance", modify(id, "PayAsYouGo", "Downgrade", "KeyNum", "500", "log", "0")));
            Map<String, Object> i = instance(f, id);
            assertEquals(500L, i.get("KeyNum"));
            assertEquals(0L, i.get("Log"));
            assertEquals(1000L, i.get("Spec"), "what is not named stays");
        }
    }

    @Test
    void modifyInstance_upgradeThatLowersAValue_isInvalidParameterAndChangesNothing() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).subscription();
            ServiceException e = refused(
                    f, "ModifyInstance", modify(id, "Subscription", "Upgrade", "Spec", "2000", "KeyNum", "500"));
            assertEquals("InvalidParameter", e.code());
            assertEquals(400, e.httpStatus());
            assertEquals(
                    "The specified parameter Parameter.2.Value is not valid. An Upgrade cannot lower KeyNum from 1000 to 500;"
                            + " use ModifyType Downgrade.",
                    e.serviceMessage());
            assertEquals(1000L, instance(f, id).get("Spec"), "nothing of a refused change is applied");
        }
    }

    @Test
    void modifyInstance_downgradeThatRaisesAValue_isInvalidParameter() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.RPC)) {
            String id = SeededKms.of(f.sandbox).subscription();
            ServiceException e =
                    refused(f, "ModifyInstance", modify(id, "Subscription", "Downgrade", "SecretNum", "1001"));
            assertEquals("InvalidParameter", e.code());
            assertTrue(
                    e.serviceMessage().contains("Parameter.1.Value")
                            && e.serviceMessage().contains("cannot raise SecretNum"),
                    e.serviceMessage());
            assertEquals("1000", instance(f, id).get("SecretNum"));
        }
    }

    @Test
    void modifyInstance_valuesTheInstanceCannotTake_areInvalidParameterNamingThem() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).subscription();
            Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
            cases.put(modify(id, "Subscription", "Upgrade", "Spec", "lots"), "Parameter.1.Value");
            cases.put(modify(id, "Subscription", "Upgrade", "Spec", "0"), "Parameter.1.Value");
            cases.put(modify(id, "Subscription", "Upgrade", "log", "2"), "Parameter.1.Value");
            cases.put(modify(id, "Subscription", "Upgrade", "Spec", "2000", "Spec", "3000"), "Parameter.2.Code");
            cases.put(modify(id, "Subscription", "Upgrade"), "Parameter");
            cases.put(modify(id, "PayAsYouGo", "Upgrade", "Spec", "2000"), "SubscriptionType");
            cases.put(
                    with(modify(id, "Subscription", "Upgrade", "Spec", "2000"), "ProductType", "kms_ppi_public_cn"),
                    "ProductType");
            cases.forEach((params, param) -> {
                ServiceException e = refused(f, "ModifyInstance", params);
                assertEquals("InvalidParameter", e.code(), params.toString());
                assertTrue(
                        e.serviceMessage().startsWith("The specified parameter " + param + " is not valid. "),
                        e.serviceMessage());
            });
            assertEquals(1000L, instance(f, id).get("Spec"));
        }
    }

    @Test
    void modifyInstance_unknownInstance_isResourceNotExists400() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            ServiceException e = refused(
                    f, "ModifyInstance", modify("kst-nosuchinstance0000", "Subscription", "Upgrade", "Spec", "2000"));
            assertEquals("ResourceNotExists", e.code());
            assertEquals(400, e.httpStatus());
            assertEquals("The specific resource is not exists.", e.serviceMessage());
        }
    }

    @Test
    void modifyInstance_sameClientTokenTwice_answersTheRecordedOrderAndChangesNothingTwice() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).subscription();
            Map<String, Object> first =
                    with(modify(id, "Subscription", "Upgrade", "Spec", "2000"), "ClientToken", "JASIOFKVNVIXXXXXX");
            Response once = f.client.call("ModifyInstance", first);
            Response other = f.client.call("ModifyInstance", modify(id, "Subscription", "Upgrade", "Spec", "3000"));
            long counter = f.sandbox.state().ids.counter();
            Response again = f.client.call("ModifyInstance", first);
            assertEquals(orderId(once), orderId(again));
            assertNotEquals(orderId(once), orderId(other));
            assertEquals(counter, f.sandbox.state().ids.counter(), "no new order");
            assertEquals(3000L, instance(f, id).get("Spec"), "the repeated call did not set Spec back to 2000");
        }
    }

    @Test
    void modifyInstance_sameClientTokenOtherParameters_isIdempotentParameterMismatch() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.RPC)) {
            String id = SeededKms.of(f.sandbox).subscription();
            f.client.call(
                    "ModifyInstance",
                    with(modify(id, "Subscription", "Upgrade", "Spec", "2000"), "ClientToken", "tok-1"));
            ServiceException e = refused(
                    f,
                    "ModifyInstance",
                    with(modify(id, "Subscription", "Upgrade", "Spec", "4000"), "ClientToken", "tok-1"));
            assertEquals("IdempotentParameterMismatch", e.code());
            assertEquals(400, e.httpStatus());
            ServiceException otherAction =
                    refused(f, "RenewChangeInstance", with(renew(id, 1), "ClientToken", "tok-1"));
            assertEquals("IdempotentParameterMismatch", otherAction.code());
            assertEquals(2000L, instance(f, id).get("Spec"));
        }
    }

    @Test
    void modifyInstance_connectionDroppedAfterTheChange_clientRetriesWithTheSameTokenAndItHappensOnce() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).subscription();
            long counter = f.sandbox.state().ids.counter();
            f.sandbox.faults().dropAfterNext("ModifyInstance", 1);
            Response r = f.client.call("ModifyInstance", modify(id, "Subscription", "Upgrade", "VpcNum", "7"));
            assertSuccess(r);
            assertEquals(1, f.sleeps.size(), "one retry");
            assertEquals(counter + 1, f.sandbox.state().ids.counter(), "one order");
            synchronized (f.sandbox.state().lock()) {
                assertEquals(1, f.sandbox.state().clientTokens.size());
                Map<String, Object> record =
                        f.sandbox.state().clientTokens.values().iterator().next();
                assertEquals(orderId(r), ((Map<?, ?>) ((Map<?, ?>) record.get("Result")).get("Data")).get("OrderId"));
            }
            assertEquals(7L, instance(f, id).get("VpcNum"));
        }
    }

    @ParameterizedTest
    @EnumSource(ClientConfig.AlibabaSignature.class)
    void renewChangeInstance_subscription_extendsTheTermAndAppliesTheChange(ClientConfig.AlibabaSignature signature) {
        try (SandboxFixture f = fixture(signature)) {
            String id = SeededKms.of(f.sandbox).subscription();
            assertSuccess(f.client.call("RenewChangeInstance", renew(id, 2, "Spec", "500", "logStore", "200")));
            Map<String, Object> i = instance(f, id);
            assertEquals("2027-12-23T16:00:00Z", i.get("EndDate"));
            assertEquals(500L, i.get("Spec"), "a renewal may change either way");
            assertEquals(200L, i.get("LogStorage"));
            assertSuccess(f.client.call("RenewChangeInstance", renew(id, 3)));
            assertEquals("2028-03-23T16:00:00Z", instance(f, id).get("EndDate"));
        }
    }

    @Test
    void renewChangeInstance_sameClientTokenTwice_extendsOnce() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.RPC)) {
            String id = SeededKms.of(f.sandbox).subscription();
            Map<String, Object> params = with(renew(id, 1), "ClientToken", "renew-once");
            Response first = f.client.call("RenewChangeInstance", params);
            Response second = f.client.call("RenewChangeInstance", params);
            assertEquals(orderId(first), orderId(second));
            assertEquals("2027-11-23T16:00:00Z", instance(f, id).get("EndDate"));
        }
    }

    @Test
    void renewChangeInstance_unknownInstanceOrOtherProduct_isResourceNotExists400() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).subscription();
            for (Map<String, Object> params :
                    List.of(renew("rm-skjdhaskjdh", 2), with(renew(id, 2), "ProductCode", "rds"))) {
                ServiceException e = refused(f, "RenewChangeInstance", params);
                assertEquals("ResourceNotExists", e.code());
                assertEquals(400, e.httpStatus());
                assertEquals("The specific resource is not exists.", e.serviceMessage());
            }
        }
    }

    @Test
    void renewChangeInstance_whatAKmsInstanceCannotTake_isInvalidParameter() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            SeededKms kms = SeededKms.of(f.sandbox);
            Map<Map<String, Object>, String> cases = new LinkedHashMap<>();
            cases.put(renew(kms.payAsYouGo(), 1), "InstanceId");
            cases.put(renew(kms.subscription(), 1, "Bandwidth", "10"), "Parameter.1.Code");
            cases.put(renew(kms.subscription(), 1, "Spec", "-1"), "Parameter.1.Value");
            cases.put(with(renew(kms.subscription(), 1), "ProductType", "rds"), "ProductType");
            cases.forEach((params, param) -> {
                ServiceException e = refused(f, "RenewChangeInstance", params);
                assertEquals("InvalidParameter", e.code(), params.toString());
                assertTrue(
                        e.serviceMessage().startsWith("The specified parameter " + param + " is not valid. "),
                        e.serviceMessage());
            });
            assertEquals("2027-10-23T16:00:00Z", instance(f, kms.subscription()).get("EndDate"));
        }
    }

    @Test
    void renewChangeInstance_documentedServerErrors_reachTheClient() {
        try (SandboxFixture f = fixture(ClientConfig.AlibabaSignature.ACS3)) {
            String id = SeededKms.of(f.sandbox).subscription();
            f.sandbox.faults().failNext("RenewChangeInstance", "ORDER.ACCOUNT_STATUS_ILLEGAL", 1);
            ServiceException e = refused(f, "RenewChangeInstance", renew(id, 1));
            assertEquals("ORDER.ACCOUNT_STATUS_ILLEGAL", e.code());
            assertEquals("Please complete your basic personal information first.", e.serviceMessage());
            f.sandbox.faults().failNext("RenewChangeInstance", "InternalError", 1);
            assertSuccess(f.client.call("RenewChangeInstance", renew(id, 1)));
            assertEquals(1, f.sleeps.size(), "InternalError is retried: the call carries a ClientToken");
            assertEquals("2027-11-23T16:00:00Z", instance(f, id).get("EndDate"));
        }
    }

    @Test
    void stateFile_restartedSandbox_keepsChangesAndClientTokenRecords(@TempDir Path dir) {
        Path file = dir.resolve("state.json");
        SandboxOptions options = SandboxOptions.forTests().withStateFile(file);
        String id;
        String order;
        Map<String, Object> params;
        try (SandboxFixture f = new SandboxFixture(options, ClientConfig.builder())) {
            id = SeededKms.of(f.sandbox).subscription();
            params =
                    with(modify(id, "Subscription", "Upgrade", "SecretNum", "5000"), "ClientToken", "survives-restart");
            order = orderId(f.client.call("ModifyInstance", params));
        }
        try (SandboxFixture f = new SandboxFixture(
                options.withClock(SandboxClock.manual(Instant.parse("2026-11-22T04:05:00Z"))),
                ClientConfig.builder())) {
            assertEquals("5000", instance(f, id).get("SecretNum"));
            assertEquals(1000L, instance(f, id).get("Spec"));
            assertEquals(order, orderId(f.client.call("ModifyInstance", params)));
            assertSuccess(f.client.call("RenewChangeInstance", renew(id, 1)));
            assertEquals("2027-11-23T16:00:00Z", instance(f, id).get("EndDate"));
        }
    }
}
