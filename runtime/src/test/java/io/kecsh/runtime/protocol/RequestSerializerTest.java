package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.validate.Validator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequestSerializerTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final String ID = "48de6f74-e287-45df-b55e-94266d77483f";

    private static List<String> wire(String action, Map<String, ?> params) {
        Operation op = MODEL.requireOperation(action);
        Map<String, Object> typed =
                new Validator(MODEL).validate(op, params).orThrow().normalized();
        return new RequestSerializer()
                .serialize(MODEL.serviceOf(op), op, typed).params().stream()
                        .map(q -> q.name() + "=" + q.value())
                        .toList();
    }

    @Test
    void listsStructuresAndNestedLists_flattenAsTheDocumentsShow() {
        assertEquals(
                List.of(
                        "Action=DescribeInstances",
                        "Version=2016-03-04",
                        "MaxResults=1000",
                        "InstanceId.1=" + ID,
                        "Filter.1.Name=instance-state.name",
                        "Filter.1.Value.1=active",
                        "Filter.1.Value.2=stopped"),
                wire(
                        "DescribeInstances",
                        Map.of(
                                "MaxResults",
                                1000,
                                "InstanceId",
                                List.of(ID),
                                "Filter",
                                List.of(Map.of(
                                        "Name", "instance-state.name", "Value", List.of("active", "stopped"))))));
    }

    @Test
    void dataDisksAndSystemDisk_useTheirDottedNames_andNumbersArePlain() {
        List<String> params = wire(
                "RunInstances",
                Map.ofEntries(
                        Map.entry("ImageId", ID),
                        Map.entry("SubnetId", ID),
                        Map.entry("SecurityGroupId", ID),
                        Map.entry("MinCount", 1),
                        Map.entry("MaxCount", 1),
                        Map.entry("ChargeType", "Spot"),
                        Map.entry("InstanceType", "S4.2B"),
                        Map.entry("SpotStrategy", "SpotWithPriceLimit"),
                        Map.entry("SpotPriceLimit", "0.10480"),
                        Map.entry("SystemDisk", Map.of("DiskType", "SSD3.0", "DiskSize", 40)),
                        Map.entry(
                                "DataDisk", List.of(Map.of("Type", "EHDD", "Size", 100, "DeleteWithInstance", true)))));
        assertEquals(
                true,
                params.containsAll(List.of(
                        "SystemDisk.DiskType=SSD3.0",
                        "SystemDisk.DiskSize=40",
                        "DataDisk.1.Type=EHDD",
                        "DataDisk.1.Size=100",
                        "DataDisk.1.DeleteWithInstance=true",
                        "SpotPriceLimit=0.10480",
                        "SecurityGroupId.1=" + ID)),
                params.toString()); // one group goes indexed, as today's SDKs send it (issue 12)
    }

    @Test
    void alibabaParameterLists_flattenToParameterNCodeAndValue_andDryRunIsKingsoftOnly() {
        assertEquals(
                List.of(
                        "Action=ModifyInstance",
                        "Version=2017-12-14",
                        "ProductCode=kms",
                        "SubscriptionType=Subscription",
                        "ModifyType=Upgrade",
                        "InstanceId=kst-abc1",
                        "Parameter.1.Code=Spec",
                        "Parameter.1.Value=2000",
                        "Parameter.2.Code=KeyNum",
                        "Parameter.2.Value=2000"),
                wire(
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
                                List.of(
                                        Map.of("Code", "Spec", "Value", "2000"),
                                        Map.of("Code", "KeyNum", "Value", "2000")))));
        assertEquals(
                List.of("Action=StartInstances", "Version=2016-03-04", "DryRun=true", "InstanceId.1=" + ID),
                wire("StartInstances", Map.of("InstanceId", ID, "DryRun", true)));
    }

    @Test
    void sensitiveWireNames_areReported_forTheRedactedLog() {
        Operation op = MODEL.requireOperation("ModifyInstanceAttribute");
        Map<String, Object> typed = new Validator(MODEL)
                .validate(op, Map.of("InstanceId", ID, "InstancePassword", "Secret123"))
                .orThrow()
                .normalized();
        RequestSerializer.Serialized s = new RequestSerializer().serialize(MODEL.serviceOf(op), op, typed);
        assertEquals(Set.of("InstancePassword"), s.sensitiveNames());
        assertEquals(new QueryParam("InstancePassword", "Secret123"), s.params().get(3));
    }
}
