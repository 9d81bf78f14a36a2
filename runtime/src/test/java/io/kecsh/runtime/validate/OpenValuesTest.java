package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.ServiceModel;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Known wrong versus unknown (issue 12, item 1): an open enumeration's value is refused only when
 * every source kecsh has says no — the model's list, and the live catalogue when one is at hand,
 * otherwise the enumeration's form. Closed enumerations stay closed.
 */
class OpenValuesTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final String UUID = "48de6f74-e287-45df-b55e-94266d77483f";
    private static final Validator OFFLINE = new Validator(MODEL);
    /** A catalogue as today's service answers it: the 2016 types plus S6 and N3.1A, and N1.2B still sold. */
    private static final LiveCatalogue TODAY =
            (service, enumName) -> "kec".equals(service) && "InstanceType".equals(enumName)
                    ? Optional.of(List.of(type("S6.2B"), type("S6.4C"), type("N3.1A"), type("N1.2B"), type("S4.2B")))
                    : Optional.empty();

    private static final Validator ONLINE = new Validator(MODEL, Clock.systemUTC(), TODAY);

    private static EnumValue type(String name) {
        return new EnumValue(name, "", "", Map.of());
    }

    private static Map<String, Object> run(String type) {
        Map<String, Object> request = new HashMap<>(Map.of(
                "ImageId",
                UUID,
                "SubnetId",
                UUID,
                "SecurityGroupId",
                UUID,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "Daily"));
        request.put("InstanceType", type);
        return request;
    }

    private static List<Problem> about(ValidationReport report, String path) {
        return report.problems().stream().filter(p -> p.path().equals(path)).toList();
    }

    @Test
    void unknownType_withoutCatalogue_isAWarningNamingTheNearestKnown_andTheCallGoesOut() {
        ValidationReport report = OFFLINE.validate("RunInstances", run("S6.2B"));
        assertTrue(report.isValid(), report.describe());
        Problem warning = about(report, "InstanceType").get(0);
        assertTrue(warning.warning());
        assertTrue(warning.message().contains("'S6.2B'") && warning.message().contains("S4.2B"), warning.message());
        assertTrue(warning.message().contains("server decides"), warning.message());
    }

    @ParameterizedTest(name = "{0} {1}={2}: refused offline, did you mean {3}")
    @CsvSource({
        "RunInstances, InstanceType, S4.2X, S4.2B",
        "RunInstances, InstanceType, s4.2b, S4.2B",
        "RunInstances, InstanceType, S4.2BB, S4.2B",
        "DescribePrice, InstanceType, N3.2Z, N3.2B",
        "CreateModel, InstanceType, I1.1a, I1.1A",
        "ModifyInstanceType, InstanceType, S4.4X, S4.4B",
        "RunInstances, ChargeType, Dialy, Daily",
        "DescribeSpotPriceHistory, AvailabilityZone, cn-beijing-6A, cn-beijing-6a",
    })
    void typo_isKnownWrong_offline_withADidYouMean(String action, String param, String typo, String meant) {
        Map<String, Object> request = action.equals("RunInstances") ? run("S4.2B") : new HashMap<>(Map.of());
        if (action.equals("DescribePrice") || action.equals("CreateModel")) request.put("ImageId", UUID);
        if (action.equals("ModifyInstanceType")) request.put("InstanceId", UUID);
        request.put(param, typo);
        List<Problem> problems = about(OFFLINE.validate(action, request), param);
        assertEquals(1, problems.size(), problems.toString());
        assertFalse(problems.get(0).warning(), problems.toString());
        assertTrue(problems.get(0).suggestions().contains(meant), problems.toString());
        assertTrue(
                problems.get(0).message().contains("did you mean"),
                problems.get(0).message());
    }

    @Test
    void typeListedOnlyByTheCatalogue_isAccepted_withoutAWarning() {
        ValidationReport report = ONLINE.validate("RunInstances", run("S6.2B"));
        assertTrue(report.problems().isEmpty(), report.describe());
    }

    @Test
    void typeNoSourceLists_withACatalogue_isRefused_withTheCataloguesNeighbours() {
        Problem p = about(ONLINE.validate("RunInstances", run("S6.2X")), "InstanceType")
                .get(0);
        assertFalse(p.warning());
        assertTrue(p.suggestions().contains("S6.2B"), p.toString());
        Problem unsold = about(ONLINE.validate("RunInstances", run("S7.2B")), "InstanceType")
                .get(0);
        assertFalse(unsold.warning(), "the catalogue is at hand and does not list S7.2B: " + unsold);
    }

    @Test
    void typeTheModelExcludes_isRefusedOffline_butAcceptedWhenTheCatalogueSellsIt() {
        Problem p = about(OFFLINE.validate("RunInstances", run("N1.2B")), "InstanceType")
                .get(0);
        assertFalse(p.warning());
        assertTrue(p.message().contains("does not accept"), p.message());
        assertTrue(ONLINE.validate("RunInstances", run("N1.2B")).problems().isEmpty());
    }

    @ParameterizedTest(name = "ModifyInstanceType to {0}")
    @CsvSource({"S4.4B", "N3.2B", "I2.4B"})
    void modifyInstanceType_takesAnyInstanceType(String target) {
        ValidationReport report =
                OFFLINE.validate("ModifyInstanceType", Map.of("InstanceId", UUID, "InstanceType", target));
        assertTrue(report.problems().isEmpty(), report.describe());
    }

    @Test
    void modifyInstanceType_toATypeOnlyTheCatalogueLists_isAccepted() {
        ValidationReport report =
                ONLINE.validate("ModifyInstanceType", Map.of("InstanceId", UUID, "InstanceType", "S6.4C"));
        assertTrue(report.problems().isEmpty(), report.describe());
    }

    @Test
    void unknownFilterName_ofTheUsualForm_isAWarning_butAWrongCaseIsRefused() {
        ValidationReport today = OFFLINE.validate(
                "DescribeInstances",
                Map.of("Filter", List.of(Map.of("Name", "dedicated-host-id", "Value", List.of("dh-1")))));
        assertTrue(today.isValid(), today.describe());
        assertEquals(1, today.warnings().size(), today.describe());
        ValidationReport typo = OFFLINE.validate(
                "DescribeInstances", Map.of("Filter", List.of(Map.of("Name", "Instance-Id", "Value", List.of(UUID)))));
        assertFalse(typo.isValid(), typo.describe());
        assertTrue(typo.errors().get(0).suggestions().contains("instance-id"), typo.describe());
    }

    @Test
    void newZoneOfTheUsualForm_isAWarningOffline() {
        ValidationReport report = OFFLINE.validate(
                "DescribeSpotPriceHistory", Map.of("AvailabilityZone", "cn-beijing-6d", "InstanceType", "N3.2B"));
        assertTrue(report.isValid(), report.describe());
        assertEquals(1, report.warnings().size(), report.describe());
    }

    @Test
    void closedEnumeration_refusesAnyUnlistedValue() {
        Map<String, Object> request = run("S4.2B");
        request.put("ChargeType", "Hourly");
        assertFalse(OFFLINE.validate("RunInstances", request).isValid());
        assertFalse(ONLINE.validate("StopInstances", Map.of("InstanceId", List.of(UUID), "StoppedMode", "KeepChargng"))
                .isValid());
    }

    @Test
    void rulesAboutFamilies_sayNothingAboutAFamilyTheModelDoesNotKnow() {
        Map<String, Object> request = run("S6.2B");
        request.put("DataDisk", List.of(Map.of("Type", "SSD3.0", "Size", 50)));
        ValidationReport report = ONLINE.validate("RunInstances", request);
        assertTrue(report.isValid(), report.describe());
    }
}
