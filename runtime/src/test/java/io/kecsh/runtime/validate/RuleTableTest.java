package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.kecsh.runtime.model.ServiceModel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The documents' prose constraints, each on both sides: a request that keeps the rule passes, one
 * that breaks it gets a problem at the right parameter path (or a warning where the server ignores).
 */
class RuleTableTest {
    /** 2026-11-22 12:00 UTC = 20:00 Beijing time. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private static final Validator VALIDATOR = new Validator(ServiceModel.bundled(), CLOCK);
    private static final String ID = "48de6f74-e287-45df-b55e-94266d77483f";
    private static final String ID2 = "9a0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d";

    private static final Map<String, Map<String, Object>> BASE = merged(
            Map.of(
                    "RunInstances",
                            Map.of(
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
                                    "S4.2B"),
                    "ModifyInstanceAttribute", Map.of("InstanceId", ID),
                    "ModifyInstanceImage", Map.of("InstanceId", ID),
                    "ModifyInstanceAutoDeleteTime", Map.of("InstanceId", List.of(ID)),
                    "StartInstances", Map.of(),
                    "DescribeInstances", Map.of(),
                    "CreateModel",
                            Map.of(
                                    "ImageId",
                                    ID,
                                    "SubnetId",
                                    ID,
                                    "SecurityGroupId",
                                    ID,
                                    "ChargeType",
                                    "Daily",
                                    "PurchaseTime",
                                    0,
                                    "ModelName",
                                    "web",
                                    "KeepImageLogin",
                                    true),
                    "ModifyInstance",
                            Map.of(
                                    "ProductCode",
                                    "kms",
                                    "SubscriptionType",
                                    "Subscription",
                                    "ModifyType",
                                    "Upgrade",
                                    "InstanceId",
                                    "kst-bjj62f5ba3dnpb6v8abcd"),
                    "RenewChangeInstance", Map.of("ProductCode", "kms", "InstanceId", "kst-bjj62f5ba3dnpb6v8abcd"),
                    "ReleaseKmsInstance", Map.of("KmsInstanceId", "kst-bjj62f5ba3dnpb6v8abcd")),
            Map.of("DescribeSpotPriceHistory", Map.of("InstanceType", "N3.2B", "AvailabilityZone", "cn-beijing-6a")));

    private static Map<String, Map<String, Object>> merged(
            Map<String, Map<String, Object>> a, Map<String, Map<String, Object>> b) {
        Map<String, Map<String, Object>> out = new HashMap<>(a);
        out.putAll(b);
        return Map.copyOf(out);
    }

    static Stream<Arguments> rules() {
        return Stream.of(
                // PurchaseTime 1-36, and only with Monthly
                row(
                        "RunInstances",
                        "Monthly with PurchaseTime 12",
                        m("ChargeType", "Monthly", "PurchaseTime", 12),
                        "ok"),
                row("RunInstances", "Monthly without PurchaseTime", m("ChargeType", "Monthly"), "error PurchaseTime"),
                row(
                        "RunInstances",
                        "Monthly with PurchaseTime 37",
                        m("ChargeType", "Monthly", "PurchaseTime", 37),
                        "error PurchaseTime at most 36"),
                row(
                        "RunInstances",
                        "Monthly with PurchaseTime 0",
                        m("ChargeType", "Monthly", "PurchaseTime", 0),
                        "error PurchaseTime at least 1"),
                row(
                        "RunInstances",
                        "PurchaseTime with Daily is ignored",
                        m("ChargeType", "Daily", "PurchaseTime", 3),
                        "warning PurchaseTime"),
                // Spot pricing
                row(
                        "RunInstances",
                        "SpotPriceLimit with SpotWithPriceLimit",
                        m("ChargeType", "Spot", "SpotStrategy", "SpotWithPriceLimit", "SpotPriceLimit", "0.10480"),
                        "ok"),
                row(
                        "RunInstances",
                        "SpotPriceLimit with SpotAsPriceGo",
                        m("ChargeType", "Spot", "SpotStrategy", "SpotAsPriceGo", "SpotPriceLimit", "0.1"),
                        "warning SpotPriceLimit"),
                row(
                        "RunInstances",
                        "SpotPriceLimit with 6 decimals",
                        m("ChargeType", "Spot", "SpotStrategy", "SpotWithPriceLimit", "SpotPriceLimit", "0.123456"),
                        "error SpotPriceLimit 5 decimal"),
                row(
                        "RunInstances",
                        "SpotStrategy without Spot",
                        m("SpotStrategy", "SpotAsPriceGo"),
                        "warning SpotStrategy"),
                // passwords: 8-32, upper + lower + digit, visible characters
                row("RunInstances", "a good password", m("InstancePassword", "1qaz2wsx!Q"), "ok"),
                row("RunInstances", "7 characters", m("InstancePassword", "Abc1234"), "error InstancePassword 8-32"),
                row(
                        "RunInstances",
                        "33 characters",
                        m("InstancePassword", "Abc1" + "x".repeat(29)),
                        "error InstancePassword 8-32"),
                row("RunInstances", "32 characters", m("InstancePassword", "Abc1" + "x".repeat(28)), "ok"),
                row(
                        "RunInstances",
                        "no upper case",
                        m("InstancePassword", "abcdefg1"),
                        "error InstancePassword upper-case"),
                row("RunInstances", "no digit", m("InstancePassword", "Abcdefgh"), "error InstancePassword digit"),
                row("RunInstances", "a space", m("InstancePassword", "Abc 12345"), "error InstancePassword visible"),
                // AutoDeleteTime yyyy-MM-dd HH:mm, >= 30 minutes ahead (Beijing time; now 20:00)
                row("ModifyInstanceAutoDeleteTime", "31 minutes ahead", m("AutoDeleteTime", "2026-11-22 20:31"), "ok"),
                row(
                        "ModifyInstanceAutoDeleteTime",
                        "29 minutes ahead",
                        m("AutoDeleteTime", "2026-11-22 20:29"),
                        "error AutoDeleteTime 30 minutes"),
                row(
                        "ModifyInstanceAutoDeleteTime",
                        "with seconds",
                        m("AutoDeleteTime", "2026-11-23 10:00:00"),
                        "error AutoDeleteTime yyyy-MM-dd HH:mm"),
                row("ModifyInstanceAutoDeleteTime", "omitted disables auto-delete", m(), "ok"),
                row(
                        "RunInstances",
                        "RunInstances checks it too",
                        m("AutoDeleteTime", "2026-11-22 19:00"),
                        "error AutoDeleteTime 30 minutes"),
                row(
                        "RunInstances",
                        "AutoDeleteEip without AutoDeleteTime",
                        m("AutoDeleteEip", true),
                        "warning AutoDeleteEip"),
                // DataDisk.n.Type and .Size together, n 1-8, Size 10-16000, SSD3.0|EHDD
                row("RunInstances", "a full data disk", m("DataDisk", List.of(m("Type", "SSD3.0", "Size", 100))), "ok"),
                row(
                        "RunInstances",
                        "Type without Size",
                        m("DataDisk", List.of(m("Type", "SSD3.0"))),
                        "error DataDisk.1.Size"),
                row(
                        "RunInstances",
                        "second disk Size without Type",
                        m("DataDisk", List.of(m("Type", "EHDD", "Size", 10), m("Size", 20))),
                        "error DataDisk.2.Type"),
                row(
                        "RunInstances",
                        "Size 9",
                        m("DataDisk", List.of(m("Type", "SSD3.0", "Size", 9))),
                        "error DataDisk.1.Size at least 10"),
                row(
                        "RunInstances",
                        "Size 16001",
                        m("DataDisk", List.of(m("Type", "SSD3.0", "Size", 16001))),
                        "error DataDisk.1.Size at most 16000"),
                row(
                        "RunInstances",
                        "a local disk type",
                        m("DataDisk", List.of(m("Type", "Local_SSD", "Size", 50))),
                        "error DataDisk.1.Type"),
                row("RunInstances", "8 disks", m("DataDisk", disks(8)), "ok"),
                row("RunInstances", "9 disks", m("DataDisk", disks(9)), "error DataDisk at most 8"),
                row(
                        "RunInstances",
                        "data disks on I1",
                        m("InstanceType", "I1.2B", "DataDisk", disks(1)),
                        "error DataDisk"),
                row("RunInstances", "flat wire names", m("DataDisk.1.Type", "SSD3.0", "DataDisk.1.Size", "50"), "ok"),
                row(
                        "RunInstances",
                        "flat wire names, Size missing",
                        m("DataDisk.1.Type", "SSD3.0"),
                        "error DataDisk.1.Size"),
                // MaxCount/MinCount 1-50 and MinCount <= MaxCount
                row("RunInstances", "50 instances", m("MinCount", 50, "MaxCount", 50), "ok"),
                row("RunInstances", "51 instances", m("MinCount", 1, "MaxCount", 51), "error MaxCount at most 50"),
                row("RunInstances", "MinCount 0", m("MinCount", 0), "error MinCount at least 1"),
                row(
                        "RunInstances",
                        "MinCount above MaxCount",
                        m("MinCount", 5, "MaxCount", 3),
                        "error MinCount greater than MaxCount"),
                // EIP parameters together
                row(
                        "RunInstances",
                        "a whole EIP",
                        m("AddressBandWidth", 5, "LineId", ID2, "AddressChargeType", "PostPaidByDay"),
                        "ok"),
                row(
                        "RunInstances",
                        "EIP without LineId",
                        m("AddressBandWidth", 5, "AddressChargeType", "PostPaidByDay"),
                        "error LineId"),
                row(
                        "RunInstances",
                        "a monthly EIP needs its time",
                        m("AddressBandWidth", 5, "LineId", ID2, "AddressChargeType", "PrePaidByMonth"),
                        "error AddressPurchaseTime"),
                // other formats
                row(
                        "RunInstances",
                        "UserData over 16 KB",
                        m("UserData", Base64.getEncoder().encodeToString(new byte[16385])),
                        "error UserData 16 KB"),
                row(
                        "RunInstances",
                        "UserData of 16 KB",
                        m("UserData", Base64.getEncoder().encodeToString(new byte[16384])),
                        "ok"),
                row("RunInstances", "UserData not base64", m("UserData", "#!/bin/sh"), "error UserData base64"),
                row("RunInstances", "HostName with a dot", m("HostName", "web.example"), "error HostName no dots"),
                row("RunInstances", "ImageId not a UUID", m("ImageId", "centos-7.6"), "error ImageId xxxxxxxx"),
                row("RunInstances", "a private IP", m("PrivateIpAddress", "10.0.0.300"), "error PrivateIpAddress IPv4"),
                row(
                        "RunInstances",
                        "an unknown parameter",
                        m("InstanceTyp", "S4.2B"),
                        "error InstanceTyp did you mean InstanceType"),
                row("RunInstances", "a number that is not", m("MaxCount", "three"), "error MaxCount whole number"),
                // ModifyInstanceAttribute: exactly one attribute per call
                row("ModifyInstanceAttribute", "the name only", m("InstanceName", "web-1"), "ok"),
                row(
                        "ModifyInstanceAttribute",
                        "name and host name",
                        m("InstanceName", "web-1", "HostName", "web-1"),
                        "error HostName only one"),
                row("ModifyInstanceAttribute", "nothing to change", m(), "error InstanceName one of"),
                // ModifyInstanceImage: a login method is needed
                row("ModifyInstanceImage", "a password", m("InstancePassword", "Abcdefg1"), "ok"),
                row("ModifyInstanceImage", "no login method", m(), "error InstancePassword"),
                // id lists: 1-100 per call
                row("StartInstances", "100 ids", m("InstanceId", ids(100)), "ok"),
                row("StartInstances", "101 ids", m("InstanceId", ids(101)), "error InstanceId at most 100"),
                row("StartInstances", "no id", m(), "error InstanceId required"),
                // DescribeInstances paging and filters
                row("DescribeInstances", "MaxResults 1000", m("MaxResults", 1000), "ok"),
                row("DescribeInstances", "MaxResults 2000 is clamped by the server", m("MaxResults", 2000), "ok"),
                row("DescribeInstances", "MaxResults 4", m("MaxResults", 4), "error MaxResults at least 5"),
                row(
                        "DescribeInstances",
                        "the recycle bin",
                        m("Filter", List.of(m("Name", "instance-state.name", "Value", List.of("recycling")))),
                        "ok"),
                row(
                        "DescribeInstances",
                        "an unknown filter",
                        m("Filter", List.of(m("Name", "tag:env", "Value", List.of("x")))),
                        "error Filter.1.Name"),
                row(
                        "DescribeInstances",
                        "a state that is not",
                        m("Filter.1.Name", "instance-state.name", "Filter.1.Value.1", "running"),
                        "error Filter.1.Value.1"),
                row(
                        "DescribeInstances",
                        "a sort",
                        m("Sort", List.of(m("Name", "CreationDate", "Value", "DESC"))),
                        "ok"),
                row(
                        "DescribeInstances",
                        "the 0913 sort typo",
                        m("Sort", List.of(m("Name", "CreationDate", "Value", "ACS"))),
                        "error Sort.1.Value did you mean ASC"),
                // CreateModel: PurchaseTime 0 unless Monthly
                row("CreateModel", "Daily with PurchaseTime 0", m(), "ok"),
                row("CreateModel", "Daily with PurchaseTime 1", m("PurchaseTime", 1), "error PurchaseTime"),
                row(
                        "CreateModel",
                        "Monthly with PurchaseTime 12",
                        m("ChargeType", "Monthly", "PurchaseTime", 12),
                        "ok"),
                row("CreateModel", "Spot is not for templates", m("ChargeType", "Spot"), "error ChargeType"),
                // BSS and KMS
                row(
                        "ModifyInstance",
                        "a spec upgrade",
                        m("Parameter", List.of(m("Code", "Spec", "Value", "2000"))),
                        "ok"),
                row(
                        "ModifyInstance",
                        "a code in the wrong case",
                        m("Parameter", List.of(m("Code", "keynum", "Value", "2000"))),
                        "error Parameter.1.Code did you mean KeyNum"),
                row(
                        "ModifyInstance",
                        "Parameter.N without Value",
                        m("Parameter.1.Code", "Spec"),
                        "error Parameter.1.Value"),
                row(
                        "ModifyInstance",
                        "101 parameters",
                        m(
                                "Parameter",
                                IntStream.rangeClosed(1, 101)
                                        .mapToObj(i -> m("Code", "Spec", "Value", "1"))
                                        .toList()),
                        "error Parameter at most 100"),
                row("ModifyInstance", "not kms", m("ProductCode", "rds"), "error ProductCode"),
                row(
                        "ModifyInstance",
                        "an unknown ModifyType",
                        m("ModifyType", "Upgrad"),
                        "error ModifyType did you mean Upgrade"),
                row("RenewChangeInstance", "12 months", m("RenewPeriod", 12), "ok"),
                row("RenewChangeInstance", "no period", m(), "error RenewPeriod required"),
                row("ReleaseKmsInstance", "forced", m("ForceDeleteWithoutBackup", "true"), "ok"),
                row("ReleaseKmsInstance", "a bad id", m("KmsInstanceId", "i-123"), "error KmsInstanceId kst-"),
                row(
                        "ReleaseKmsInstance",
                        "a bad flag",
                        m("ForceDeleteWithoutBackup", "yes"),
                        "error ForceDeleteWithoutBackup"),
                // the spot-history window: at most 3 days
                row(
                        "DescribeSpotPriceHistory",
                        "3 days",
                        m("StartTime", "2026-11-19T10:00:00Z", "EndTime", "2026-11-22T10:00:00Z"),
                        "ok"),
                row(
                        "DescribeSpotPriceHistory",
                        "3 days and a minute",
                        m("StartTime", "2026-11-19T09:59:00Z", "EndTime", "2026-11-22T10:00:00Z"),
                        "error StartTime 3 days"),
                row("DescribeSpotPriceHistory", "only a start", m("StartTime", "2026-11-01T00:00:00Z"), "ok"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {3}")
    @MethodSource("rules")
    void rule_holdsOnBothSides(String action, String what, Map<String, Object> overrides, String expected) {
        Map<String, Object> request = new HashMap<>(BASE.get(action));
        request.putAll(overrides);
        ValidationReport report = VALIDATOR.validate(action, request);
        if (expected.equals("ok")) {
            assertTrue(report.problems().isEmpty(), what + ": " + report.problems());
            return;
        }
        String[] words = expected.split(" ", 3);
        boolean warning = words[0].equals("warning");
        String path = words[1];
        List<Problem> matching = (warning ? report.warnings() : report.errors())
                .stream().filter(p -> p.path().equals(path)).toList();
        if (matching.isEmpty()) fail(what + ": expected a " + words[0] + " at " + path + ", got " + report.problems());
        if (words.length > 2) {
            assertTrue(
                    matching.stream().anyMatch(p -> p.message().contains(words[2])),
                    what + ": expected '" + words[2] + "' in " + matching);
        }
        if (warning) assertTrue(report.isValid(), what + ": a warning must not block the call: " + report.errors());
    }

    private static Arguments row(String action, String what, Map<String, Object> overrides, String expected) {
        return arguments(action, what, overrides, expected);
    }

    private static Map<String, Object> m(Object... kv) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) out.put((String) kv[i], kv[i + 1]);
        return out;
    }

    private static List<Object> disks(int n) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(m("Type", "EHDD", "Size", 20));
        return out;
    }

    private static List<String> ids(int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(String.format("48de6f74-e287-45df-b55e-%012x", i));
        return out;
    }

    @Test
    void everyRowNamesAnActionWithABaseRequest() {
        rules().forEach(a -> assertTrue(BASE.containsKey((String) a.get()[0]), String.valueOf(a.get()[0])));
        assertEquals(11, BASE.size());
    }
}
