package io.kecsh.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ServiceModelTest {
    private final ServiceModel model = ServiceModel.bundled();

    @Test
    void bundledModel_loads_allSevenServicesWithTheirDocumentedActionCounts() {
        Map<String, Integer> counts = model.services().stream()
                .collect(Collectors.toMap(Service::name, s -> s.operations().size()));
        // vpc and sks: the document's actions plus the reads sdk-go records (DescribeVpcs/Subnets/SecurityGroups,
        // DescribeKeys)
        assertEquals(Map.of("kec", 47, "vpc", 6, "sks", 4, "tagv2", 1, "cloud-market", 1, "kms", 2, "bss", 2), counts);
        assertEquals(63, model.operations().size());
    }

    @Test
    void serviceMetadata_matchesTheDocuments() {
        assertEquals("2016-03-04", model.requireService("kec").apiVersion());
        assertEquals("2015-11-01", model.requireService("sks").apiVersion());
        assertEquals("v1", model.requireService("cloud-market").apiVersion());
        assertEquals(
                "kec.cn-beijing-6.api.ksyun.com",
                model.requireService("kec").metadata().endpoint().host("cn-beijing-6"));
        assertEquals(
                "vpc.cn-shanghai-2.api.ksyun.com",
                model.requireService("vpc").metadata().endpoint().host("cn-shanghai-2"));
        assertEquals(
                "sks.api.ksyun.com",
                model.requireService("sks").metadata().endpoint().host("cn-beijing-6"));
        assertEquals("aws4-hmac-sha256", model.requireService("kec").metadata().defaultSignature());
        assertEquals(
                List.of("acs3-hmac-sha256", "rpc-hmac-sha1"),
                model.requireService("kms").metadata().signatures());
    }

    @Test
    void instanceTypes_all199In16FamiliesWithSpecs() {
        EnumDef types = model.requireService("kec").requireEnum("InstanceType");
        assertEquals(199, types.size());
        long families = types.values().stream()
                .map(v -> v.attr("family").orElseThrow())
                .distinct()
                .count();
        assertEquals(16, families);
        EnumValue s42b = types.find("S4.2B").orElseThrow();
        assertEquals(2L, s42b.attr("vcpu").orElseThrow());
        assertEquals(4L, s42b.attr("memoryGb").orElseThrow());
        assertEquals("DescribeInstanceTypeConfigs sample", s42b.attr("basis").orElseThrow());
        EnumValue gpu = types.find("P4V.56D8").orElseThrow();
        assertEquals(56L, gpu.attr("vcpu").orElseThrow());
        assertEquals(448L, gpu.attr("memoryGb").orElseThrow());
        assertEquals(8L, gpu.attr("gpus").orElseThrow());
        types.values()
                .forEach(v -> assertTrue(
                        v.attrs().containsKey("vcpu")
                                && v.attrs().containsKey("memoryGb")
                                && v.attrs().containsKey("gpus"),
                        v.value() + " lacks a spec"));
    }

    @Test
    void instanceTypeSubsets_perActionSizes() {
        Service kec = model.requireService("kec");
        assertEquals(177, kec.requireEnum("InstanceType.RunInstances").size());
        assertEquals(157, kec.requireEnum("InstanceType.CreateModel").size());
        assertEquals(42, kec.requireEnum("InstanceType.ModifyInstanceType").size());
        assertEquals(
                37, kec.requireEnum("InstanceType.DescribeSpotPriceHistory").size());
        // subset values carry the parent's attributes
        assertEquals(
                "I1",
                kec.requireEnum("InstanceType.ModifyInstanceType")
                        .find("I1.2B")
                        .orElseThrow()
                        .attr("family")
                        .orElseThrow());
    }

    @Test
    void lookups_areCaseInsensitive_andSuggestCloseNames() {
        assertEquals("RunInstances", model.requireOperation("runinstances").name());
        assertEquals(
                "GetKmsInstance",
                model.requireOperation("kms", "getkmsinstance").name());
        ServiceModel.UnknownNameException e =
                assertThrows(ServiceModel.UnknownNameException.class, () -> model.requireOperation("RunInstance"));
        assertTrue(e.getMessage().contains("did you mean RunInstances?"), e.getMessage());
        assertEquals(List.of("RunInstances"), e.suggestions());
        assertFalse(model.findOperation("NoSuchThing").isPresent());
    }

    @Test
    void operations_knowWhetherTheyMutateAndDestroy() {
        Operation terminate = model.requireOperation("TerminateInstances");
        assertTrue(terminate.mutating() && terminate.destructive());
        Operation describe = model.requireOperation("DescribeInstances");
        assertFalse(describe.mutating() || describe.destructive());
        assertTrue(model.requireOperation("ReleaseKmsInstance").destructive());
        assertEquals("0913", model.requireOperation("DescribeInstanceVnc").edition());
    }

    /** Issue 13: the Alibaba gateway's codes were typed into the sandbox's Java; they are data now, as Kingsoft's are. */
    @Test
    void commonErrors_alibabaGatewayCodes_inKmsAndBssModels() {
        List<String> gateway = List.of(
                "InvalidAction.NotFound",
                "MissingParameter",
                "InvalidParameter",
                "IncompleteSignature",
                "InvalidAccessKeyId.NotFound",
                "IllegalTimestamp",
                "MissingSignatureNonce",
                "SignatureNonceUsed",
                "SignatureDoesNotMatch");
        for (String name : List.of("kms", "bss")) {
            Service service = model.requireService(name);
            List<String> codes = service.commonErrors().stream()
                    .map(ErrorDef::code)
                    .distinct()
                    .toList();
            assertTrue(codes.containsAll(gateway), name + " common errors " + codes);
            ErrorDef invalid = service.commonErrors().stream()
                    .filter(e -> e.code().equals("InvalidParameter"))
                    .findFirst()
                    .orElseThrow();
            assertEquals("The specified parameter Version is not valid.", invalid.format("Version"));
            assertEquals(400, invalid.httpStatus());
        }
        assertEquals(
                ApiProtocol.ALIBABA_RPC, model.requireService("kms").metadata().protocol());
        assertEquals(
                ApiProtocol.KINGSOFT_QUERY,
                model.requireService("vpc").metadata().protocol());
        ModelException unknown = assertThrows(ModelException.class, () -> ApiProtocol.of("soap"));
        assertTrue(unknown.getMessage().contains("[ksyun-query, acs-rpc]"), unknown.getMessage());
    }

    @Test
    void commonErrors_all33KingsoftRowsVerbatim_sharedByTheSmallerApis() {
        Service kec = model.requireService("kec");
        assertEquals(33, kec.commonErrors().size());
        ErrorDef limit = kec.commonErrors().stream()
                .filter(e -> e.code().equals("LimitExceeded"))
                .findFirst()
                .orElseThrow();
        assertEquals(409, limit.httpStatus());
        assertEquals("safe", limit.retry());
        assertEquals(kec.commonErrors(), model.requireService("vpc").commonErrors());
        assertEquals(kec.commonErrors(), model.requireService("sks").commonErrors());
        ErrorDef missing = kec.commonErrors().stream()
                .filter(e -> e.code().equals("MissingParameter"))
                .findFirst()
                .orElseThrow();
        assertEquals("An value must be supplied for the input parameter ImageId.", missing.format("ImageId"));
    }

    @Test
    void paginatorsAndWaiters_areLoaded() {
        Service kec = model.requireService("kec");
        Paginator p = kec.paginator("DescribeInstances").orElseThrow();
        assertEquals("Marker", p.inputToken());
        assertEquals("InstancesSet", p.resultKey());
        assertEquals(
                List.of(
                        "ImageAvailable",
                        "InstanceActive",
                        "InstanceDeleted",
                        "InstanceRecycling",
                        "InstanceStopped",
                        "LocalVolumeSnapshotReady"),
                kec.waiters().keySet().stream().sorted().toList());
        assertEquals(
                "GetKmsInstance",
                model.requireService("kms")
                        .waiter("KmsInstanceConnected")
                        .orElseThrow()
                        .operation());
    }
}
