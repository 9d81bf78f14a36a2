package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.ServiceModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidatorTest {
    private static final String ID = "48de6f74-e287-45df-b55e-94266d77483f";
    private final Validator validator = new Validator(ServiceModel.bundled());

    @Test
    void designCardRequest_isValid() {
        ValidationReport report = validator.validate(
                "RunInstances",
                Map.of(
                        "InstanceType",
                        "S4.2B",
                        "MinCount",
                        3,
                        "MaxCount",
                        3,
                        "ImageId",
                        ID,
                        "SubnetId",
                        ID,
                        "SecurityGroupId",
                        ID,
                        "ChargeType",
                        "HourlyInstantSettlement"));
        assertTrue(report.isValid(), report.describe());
        assertEquals(3L, report.normalized().get("MinCount"));
    }

    @Test
    void misspelledInstanceType_suggestsTheCloseOnes_andListsItsFamily() {
        ValidationReport report = validator.validate(
                "RunInstances",
                Map.of(
                        "InstanceType",
                        "S4.2X",
                        "MinCount",
                        1,
                        "MaxCount",
                        1,
                        "ImageId",
                        ID,
                        "SubnetId",
                        ID,
                        "SecurityGroupId",
                        ID,
                        "ChargeType",
                        "Daily"));
        Problem p = report.errors().get(0);
        assertEquals("InstanceType", p.path());
        assertEquals("S4.2X", p.given());
        assertTrue(p.suggestions().contains("S4.2B"), p.suggestions().toString());
        assertTrue(p.message().contains("did you mean S4.2A, S4.2B, S4.2C or S4.2D?"), p.message());
        assertTrue(p.message().contains("allowed S4 values: S4.1A, S4.1B"), p.message());
        assertEquals("InvalidParameterValue", p.serverCode());
    }

    @Test
    void everyProblem_isReportedAtOnce() {
        ValidationReport report = validator.validate(
                "RunInstances", Map.of("InstanceType", "S4.2X", "MinCount", 0, "ChargeType", "Hourly", "Bogus", 1));
        List<String> paths = report.errors().stream().map(Problem::path).toList();
        assertTrue(
                paths.containsAll(List.of(
                        "Bogus",
                        "ImageId",
                        "SubnetId",
                        "SecurityGroupId",
                        "MaxCount",
                        "InstanceType",
                        "MinCount",
                        "ChargeType")),
                paths.toString());
        assertEquals("InvalidQueryParameter", report.errors().get(0).serverCode());
        assertEquals(
                "MissingParameter",
                report.errors().stream()
                        .filter(p -> p.path().equals("ImageId"))
                        .findFirst()
                        .orElseThrow()
                        .serverCode());
    }

    @Test
    void secrets_neverAppearInProblemsOrMessages() {
        String secret = "weak pass";
        ValidationReport report = validator.validate(
                "ModifyInstanceAttribute", Map.of("InstanceId", ID, "InstancePassword", secret, "InstanceName", "web"));
        assertFalse(report.isValid());
        ValidationException e = assertThrows(ValidationException.class, report::orThrow);
        assertFalse(e.getMessage().contains(secret), e.getMessage());
        report.problems().forEach(p -> {
            assertFalse(p.message().contains(secret), p.message());
            assertTrue(p.given() == null || !p.given().contains(secret));
        });
        assertTrue(e.getMessage().contains("'****'"), e.getMessage());
    }

    @Test
    void flatWireNames_andNestedValues_meanTheSameRequest() {
        Map<String, Object> flat = new LinkedHashMap<>();
        flat.put("InstanceId.1", ID);
        flat.put("Filter.1.Name", "instance-state.name");
        flat.put("Filter.1.Value.1", "active");
        flat.put("Filter.1.Value.2", "stopped");
        flat.put("MaxResults", "100");
        Map<String, Object> nested = Map.of(
                "InstanceId",
                List.of(ID),
                "MaxResults",
                100,
                "Filter",
                List.of(Map.of("Name", "instance-state.name", "Value", List.of("active", "stopped"))));
        ValidationReport a = validator.validate("DescribeInstances", flat);
        ValidationReport b = validator.validate("DescribeInstances", nested);
        assertTrue(a.isValid() && b.isValid(), a.describe() + b.describe());
        assertEquals(b.normalized(), a.normalized());
    }

    @Test
    void aSingleValue_whereAListIsExpected_isAListOfOne() {
        ValidationReport report = validator.validate("StartInstances", Map.of("InstanceId", ID));
        assertTrue(report.isValid());
        assertEquals(List.of(ID), report.normalized().get("InstanceId"));
    }

    @Test
    void commonParameters_areAcceptedEverywhereOnKingsoft_butNotOnAlibaba() {
        assertTrue(validator
                .validate("StartInstances", Map.of("InstanceId", ID, "DryRun", true))
                .isValid());
        assertTrue(validator
                .validate(
                        "CreateNetworkInterface",
                        Map.of("SubnetId", ID, "SecurityGroupId", List.of(ID), "DryRun", "true"))
                .isValid());
        assertFalse(validator
                .validate("GetKmsInstance", Map.of("KmsInstanceId", "kst-abc1", "DryRun", true))
                .isValid());
    }

    @Test
    void variants_pickTheDocumentedForm_andRefuseAMix() {
        ValidationReport eni =
                validator.validate("AttachNetworkInterface", Map.of("InstanceId", ID, "NetworkInterfaceId", ID));
        assertTrue(eni.isValid(), eni.describe());
        assertEquals("elastic-nic", eni.variant());
        ValidationReport secondary = validator.validate(
                "AttachNetworkInterface", Map.of("InstanceId", ID, "SubnetId", ID, "SecurityGroupId", List.of(ID)));
        assertTrue(secondary.isValid(), secondary.describe());
        assertEquals("secondary-nic", secondary.variant());
        ValidationReport mixed = validator.validate(
                "AttachNetworkInterface", Map.of("InstanceId", ID, "NetworkInterfaceId", ID, "SubnetId", ID));
        assertEquals(1, mixed.errors().size(), mixed.describe());
        assertTrue(mixed.errors().get(0).message().contains("mix parameters of its documented forms"));
    }

    @Test
    void wrongShapes_areNamed() {
        ValidationReport report =
                validator.validate("DescribeInstances", Map.of("InstanceId.x", ID, "MaxResults.1", 5));
        assertEquals(2, report.errors().size(), report.describe());
        assertTrue(
                report.errors().stream()
                        .anyMatch(p ->
                                p.path().equals("InstanceId.x") && p.message().contains("must be an index")),
                report.describe());
        assertTrue(
                report.errors().stream()
                        .anyMatch(p ->
                                p.path().equals("MaxResults.1") && p.message().contains("takes a single value")),
                report.describe());
    }
}
