package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.ServiceModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The specification's own response samples, parsed as a server would send them (spec §8.3 items
 * 16–24). The files are copies; samples/README.md says where each comes from and the only repairs
 * made (page breaks of the PDF extraction, and BSS's masked OrderId digits).
 */
class ResponseParserSamplesTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final ResponseParser parser = new ResponseParser(MODEL);

    /** 0530 edition: no xmlns, RequestId directly under the root, {@code <Item>}. */
    @Test
    void monitorInstancesXml_requestIdUnderRootWithoutNamespace_parses() {
        Response r = parseSample("MonitorInstances", "kec-monitor-instances-0530.xml", "text/xml");

        assertEquals("42825742-becb-4837-a0bf-88522db3b6fd", r.requestId());
        assertEquals(
                List.of(Map.of(
                        "InstanceId",
                        "e007579f-bea2-483e-bfcb-fec760c58167",
                        "Monitoring",
                        Map.of("State", "enabled"))),
                r.get("InstancesSet"));
    }

    /** 0530 edition: xmlns 2016-3-09, integers as text, lists of one nested three deep. */
    @Test
    void describeInstancesXml_namespacedOldEdition_typesIntegersAndListsOfOne() {
        Response r = parseSample("DescribeInstances", "kec-describe-instances-0530.xml", "text/xml");

        assertEquals("95085c36-35fd-4d48-a3b4-6e22b6133373", r.requestId());
        assertEquals(0L, r.get("Marker"));
        assertEquals(35L, r.get("InstanceCount"));
        List<?> instances = (List<?>) r.get("InstancesSet");
        assertEquals(1, instances.size());
        Map<?, ?> instance = (Map<?, ?>) instances.get(0);
        assertEquals("6e75f4cc-a450-4a89-b56a-66980d500ab1", instance.get("InstanceId"));
        assertEquals(
                Map.of("DataDiskType", "SSD", "DataDiskGb", 20L, "MemoryGb", 1L, "VCPU", 1L),
                instance.get("InstanceConfigure"));
        assertEquals(Map.of("Name", "active"), instance.get("InstanceState"));
        List<?> nics = (List<?>) instance.get("NetworkInterfaceSet");
        Map<?, ?> nic = (Map<?, ?>) nics.get(0);
        assertEquals(List.of(Map.of("GroupId", "d92f3801-2cb3-4809-897e-8ba95f491e78")), nic.get("GroupSet"));
        assertEquals("fa:16:3e:3f:68:8a", nic.get("MacAddress"));
    }

    /** 0913 edition: {@code <item>} in lower case, singular root RemoveImageResponse, "true" as text. */
    @Test
    void removeImagesXml_lowerCaseItem_givesListWithBooleanReturn() {
        Response r = parseSample("RemoveImages", "kec-remove-images-0913.xml", "text/xml");

        assertEquals("b3ded367-781f-4c9e-aa05-b34a5a666610", r.requestId());
        assertEquals(
                List.of(Map.of("ImageId", "15754278-6194-4b29-a3cd-677182c69b77", "Return", true)), r.get("ReturnSet"));
    }

    /** 0913 edition: lower-case {@code <requestId>} is the model's RequestId. */
    @Test
    void describeInstanceVncXml_lowerCaseRequestId_isTheRequestId() {
        Response r = parseSample("DescribeInstanceVnc", "kec-describe-instance-vnc-0913.xml", "text/xml");

        assertEquals("123", r.requestId());
        assertEquals(
                Map.of(
                        "RequestId",
                        "123",
                        "vncUrl",
                        "http://192.168.16.97:6080/vnc_auto.html?token=f331aca5-c6ed-4ab2-a35e-4fef5b173ddc"),
                r);
    }

    /** Numbers and booleans as strings; ModelSet, a list, sent as one object. */
    @Test
    void describeModelsJson_numbersAsStringsAndLoneObject_typedByTheModel() {
        Response r = parseSample("DescribeModels", "kec-describe-models.json", "application/json");

        assertEquals(1L, r.get("InstanceCount"));
        List<?> models = assertInstanceOf(List.class, r.get("ModelSet"));
        assertEquals(1, models.size());
        Map<?, ?> model = (Map<?, ?>) models.get(0);
        assertEquals("ModelTest001", model.get("ModelName"));
        assertEquals(1L, model.get("PurchaseTime"));
        assertEquals(false, model.get("SriovNetSupport"));
        assertEquals(false, model.get("KeepImageLogin"));
        assertEquals(Map.of("DiskType", "SSD3.0", "DiskSize", 20L), model.get("SystemDisk"));
        assertEquals("可用区C", model.get("AvailabilityZoneName"));
    }

    /** Floats as 10.0 keep their digits; the sample's DataDiskMaxsize spelling is its own member. */
    @Test
    void describeInstanceTypeConfigsJson_floatsAndMaxsizeSpelling_keptExactly() {
        Response r = parseSample("DescribeInstanceTypeConfigs", "kec-describe-instance-type-configs.json", null);

        List<?> configs = (List<?>) r.get("InstanceTypeConfigSet");
        assertEquals(2, configs.size());
        Map<?, ?> first = (Map<?, ?>) configs.get(0);
        assertEquals("S4.32B", first.get("InstanceType"));
        assertEquals(32L, first.get("CPU"));
        assertEquals(64L, first.get("Memory"));
        Map<?, ?> quota = (Map<?, ?>) ((List<?>) first.get("DataDiskQuotaSet")).get(0);
        assertEquals(
                Map.of(
                        "DataDiskType",
                        "SSD3.0",
                        "DataDiskMinSize",
                        new BigDecimal("10.0"),
                        "DataDiskMaxsize",
                        new BigDecimal("16000.0"),
                        "DataDiskCount",
                        8L),
                quota);
        Map<?, ?> second = (Map<?, ?>) configs.get(1);
        assertEquals("S4.32C", second.get("InstanceType"));
        assertEquals(128L, second.get("Memory"));
        assertEquals(
                List.of(
                        Map.of("AzCode", "cn-shanghai-2b"),
                        Map.of("AzCode", "cn-beijing-6c"),
                        Map.of("AzCode", "cn-beijing-6a")),
                second.get("AvailabilityZoneSet"));
    }

    /** cloud-market's own envelope: Code 200 as a number, prices as strings for float members. */
    @Test
    void queryImageListJson_cloudMarketEnvelope_parsesAndIsNoError() {
        HttpResponse http = sample("cloud-market-query-image-list.json", "application/json;charset=UTF-8");

        assertEquals(Optional.empty(), parser.parseError(MODEL.requireOperation("QueryImageList"), http));
        Response r = parser.parse(MODEL.requireOperation("QueryImageList"), http);
        assertEquals(200L, r.get("Code"));
        assertEquals("Y", r.get("Status"));
        Map<?, ?> data = (Map<?, ?>) r.get("Data");
        assertEquals(7L, data.get("total"));
        assertEquals(false, data.get("hasNext"));
        List<?> items = (List<?>) data.get("items");
        assertEquals(7, items.size());
        Map<?, ?> third = (Map<?, ?>) items.get(2);
        assertEquals(new BigDecimal("2.25"), third.get("HourlyPrice"));
        assertEquals(new BigDecimal("1620"), third.get("MonthlyPrice"));
        assertEquals(2000087455L, third.get("CompanyId"));
    }

    /** Alibaba XML: flat, RequestId under the root, Success as text. */
    @Test
    void modifyInstanceXml_bssSample_parsesWithOrderIdAsText() {
        HttpResponse http = sample("bss-modify-instance.xml", "text/xml");

        assertEquals(Optional.empty(), parser.parseError(MODEL.requireOperation("ModifyInstance"), http));
        Response r = parser.parse(MODEL.requireOperation("ModifyInstance"), http);
        assertEquals(
                Map.of(
                        "Message",
                        "Successful!",
                        "RequestId",
                        "65AE3CCE-D625-5CD5-A874-2DAB0CF80B37",
                        "Success",
                        true,
                        "Code",
                        "Success",
                        "Data",
                        Map.of("OrderId", "2026532523****", "HostId", "testid")),
                r);
    }

    /** The JSON sample sends OrderId as a number; the model types it String, digits kept exactly. */
    @Test
    void modifyInstanceJson_orderIdAsNumber_isTheStringOfItsDigits() {
        Response r = parseSample("ModifyInstance", "bss-modify-instance.json", "application/json");

        assertEquals("236489895700000", ((Map<?, ?>) r.get("Data")).get("OrderId"));
        assertEquals(true, r.get("Success"));
        assertEquals("65AE3CCE-D625-5CD5-A874-2DAB0CF80B37", r.requestId());
    }

    @Test
    void renewChangeInstanceJson_bssSample_parses() {
        Response r = parseSample("RenewChangeInstance", "bss-renew-change-instance.json", "application/json");

        assertEquals(
                Map.of(
                        "RequestId",
                        "79EE7556-0CFD-44EB-9CD6-B3B526E3A85F",
                        "Code",
                        "Success",
                        "Message",
                        "Successful!",
                        "Success",
                        true,
                        "Data",
                        Map.of("OrderId", "202407022550621", "HostId", "100.100.64.1:8150")),
                r);
    }

    /** SecretNum is a string member although it looks like a number; BindVpc is a list in a structure. */
    @Test
    void getKmsInstanceJson_mixedTypes_followTheModel() {
        Response r = parseSample("GetKmsInstance", "kms-get-kms-instance.json", "application/json");

        Map<?, ?> kms = (Map<?, ?>) r.get("KmsInstance");
        assertEquals("10", kms.get("SecretNum"));
        assertEquals(1000L, kms.get("KeyNum"));
        assertEquals(List.of(""), kms.get("ZoneIds"));
        List<?> bound = (List<?>) ((Map<?, ?>) kms.get("BindVpcs")).get("BindVpc");
        assertEquals("190325303126****", ((Map<?, ?>) bound.get(0)).get("VpcOwnerId"));
        assertEquals(1L, kms.get("Log"));
    }

    private Response parseSample(String action, String file, String contentType) {
        Response response = parser.parse(MODEL.requireOperation(action), sample(file, contentType));
        assertNotNull(response.requestId(), "every sample has a request id");
        return response;
    }

    static HttpResponse sample(String file, String contentType) {
        Headers headers = contentType == null ? Headers.empty() : Headers.of("Content-Type", contentType);
        return new HttpResponse(200, headers, read("samples/" + file));
    }

    static byte[] read(String resource) {
        try (InputStream in = ResponseParserSamplesTest.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException("missing test resource " + resource);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
