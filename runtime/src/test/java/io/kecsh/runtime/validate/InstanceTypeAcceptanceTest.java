package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.EnumValue;
import io.kecsh.runtime.model.ServiceModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every one of the 199 instance types against every action that takes one, with the expected
 * answer taken from the documents' family lists (written out here, independently of the model).
 */
class InstanceTypeAcceptanceTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Validator VALIDATOR = new Validator(MODEL);
    private static final String UUID = "48de6f74-e287-45df-b55e-94266d77483f";

    /** L584-L595 (+ S4, see the RunInstances enum's decision). */
    private static final Set<String> RUN =
            Set.of("I1", "I2", "I3", "C1", "C3", "S3", "N3", "E1", "P3", "P3I", "P4V", "P3IN", "S4");
    /** L3399-L3409: the RunInstances list without E1 (+ S4). */
    private static final Set<String> CREATE_MODEL =
            Set.of("I1", "I2", "I3", "C1", "C3", "S3", "N3", "P3", "P3I", "P4V", "P3IN", "S4");
    /**
     * L1256-L1257 list I1 and C1 only, but today's clients resize to S4.4B and N3.2B (issue 12): the
     * targets are the whole open instance-type catalogue (the ModifyInstanceType parameter's decision).
     */
    private static final Set<String> MODIFY_TYPE =
            Set.of("I1", "I2", "I3", "C1", "C3", "S3", "N3", "E1", "P3", "P3I", "P4V", "P3IN", "S4", "N2", "N1", "S1");
    /** L3178-L3269: "支持机型E1, N2, N3". */
    private static final Set<String> SPOT_HISTORY = Set.of("E1", "N2", "N3");

    static Stream<Arguments> everyTypeForEveryAction() {
        List<Arguments> cases = new ArrayList<>();
        for (EnumValue type :
                MODEL.requireService("kec").requireEnum("InstanceType").values()) {
            String family = (String) type.attr("family").orElseThrow();
            String t = type.value();
            cases.add(Arguments.of("RunInstances", t, RUN.contains(family)));
            cases.add(Arguments.of("CreateModel", t, CREATE_MODEL.contains(family)));
            cases.add(Arguments.of("ModifyInstanceType", t, MODIFY_TYPE.contains(family)));
            cases.add(Arguments.of("DescribeSpotPriceHistory", t, SPOT_HISTORY.contains(family)));
            cases.add(Arguments.of("DescribePrice", t, true));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}: accepted={2}")
    @MethodSource("everyTypeForEveryAction")
    void instanceType_isAcceptedExactlyWhereDocumented(String action, String type, boolean accepted) {
        Map<String, Object> request = new HashMap<>(minimalRequest(action));
        request.put("InstanceType", type);
        List<Problem> typeProblems = VALIDATOR.validate(action, request).errors().stream()
                .filter(p -> p.path().equals("InstanceType"))
                .toList();
        assertEquals(accepted, typeProblems.isEmpty(), action + " " + type + ": " + typeProblems);
        if (!accepted) {
            assertTrue(
                    typeProblems.get(0).message().contains("does not accept"),
                    typeProblems.get(0).message());
        }
    }

    private static Map<String, Object> minimalRequest(String action) {
        return switch (action) {
            case "RunInstances" ->
                Map.of(
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
                        "Daily");
            case "CreateModel" ->
                Map.of(
                        "ImageId",
                        UUID,
                        "SubnetId",
                        UUID,
                        "SecurityGroupId",
                        UUID,
                        "ChargeType",
                        "Daily",
                        "PurchaseTime",
                        0,
                        "ModelName",
                        "web",
                        "KeepImageLogin",
                        true);
            case "ModifyInstanceType" -> Map.of("InstanceId", UUID);
            case "DescribeSpotPriceHistory" -> Map.of("AvailabilityZone", "cn-beijing-6a");
            case "DescribePrice" -> Map.of("ImageId", UUID);
            default -> throw new IllegalArgumentException(action);
        };
    }
}
