package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The exact bodies the sandbox will send, per envelope and format. */
class ResponseWriterTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    private final ResponseWriter writer = new ResponseWriter(MODEL);
    private final ResponseParser parser = new ResponseParser(MODEL);

    @Test
    void contentType_jsonAndXml() {
        assertEquals("application/json; charset=UTF-8", ResponseWriter.contentType(true));
        assertEquals("text/xml; charset=UTF-8", ResponseWriter.contentType(false));
    }

    /** Spec §2.3: the root, ResponseMetadata/RequestId, then the members; list items as {@code <item>}. */
    @Test
    void success_kingsoftXml_hasNamespaceResponseMetadataAndItems() {
        byte[] body = writer.success(
                op("RemoveImages"),
                Map.of("ReturnSet", List.of(Map.of("ImageId", "img-1", "Return", "true"))),
                "req-1",
                false);

        assertEquals(
                XML_DECLARATION + "<RemoveImagesResponse xmlns=\"http://vm.ksyun.com/doc/2016-03-04/\">"
                        + "<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata>"
                        + "<ReturnSet><item><ImageId>img-1</ImageId><Return>true</Return></item></ReturnSet>"
                        + "</RemoveImagesResponse>",
                text(body));
    }

    /** sks has its own API version, and so its own namespace. */
    @Test
    void success_kingsoftXmlOfSks_usesItsApiVersionInTheNamespace() {
        String body = text(writer.success(op("DeleteKey"), Map.of("Return", true), "req-2", false));

        assertTrue(
                body.startsWith(XML_DECLARATION + "<DeleteKeyResponse xmlns=\"http://vm.ksyun.com/doc/2015-11-01/\">"),
                body);
    }

    /** Members in model order, booleans and numbers as JSON booleans and numbers whatever Java type was given. */
    @Test
    void success_kingsoftJson_typesValuesByTheModel() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "InstancesSet",
                List.of(Map.of(
                        "InstanceId", "i-1", "ProjectId", 7, "SpotPriceLimit", 0.5, "IsShowSriovNetSupport", "false")));
        result.put("InstanceCount", "1");
        result.put("Marker", 0);

        String body = text(writer.success(op("DescribeInstances"), result, "req-3", true));

        assertEquals(
                "{\"RequestId\":\"req-3\",\"Marker\":0,\"InstanceCount\":1,\"InstancesSet\":[{\"InstanceId\":\"i-1\","
                        + "\"ProjectId\":7,\"IsShowSriovNetSupport\":false,\"SpotPriceLimit\":0.5}]}",
                body);
    }

    /** A member whose wire type the model records (Member#wireType) is checked as its type, then written as the service writes it. */
    @Test
    void success_memberWithAWireType_isCheckedAsItsType_andWrittenAsText() {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("KeepImageLogin", true);
        model.put("PurchaseTime", 12);
        model.put("SystemDisk", Map.of("DiskSize", 20L));
        String body = text(writer.success(op("DescribeModels"), Map.of("ModelSet", List.of(model)), "req-w", true));
        assertEquals(
                "{\"RequestId\":\"req-w\",\"ModelSet\":[{\"SystemDisk\":{\"DiskSize\":\"20\"},"
                        + "\"KeepImageLogin\":\"true\",\"PurchaseTime\":\"12\"}]}",
                body);
        assertThrows(
                IllegalArgumentException.class,
                () -> writer.success(
                        op("DescribeModels"),
                        Map.of("ModelSet", List.of(Map.of("KeepImageLogin", "maybe"))),
                        "req-x",
                        true),
                "still checked as a boolean");
    }

    /** Float members keep the digits given and never turn into exponent form. */
    @Test
    void success_json_writesDecimalsPlain() {
        Map<String, Object> price = Map.of(
                "InstancePrice",
                Map.of("TradePrice", new BigDecimal("1E+1"), "OriginalPrice", new BigDecimal("12.50")));

        String body = text(writer.success(op("DescribePrice"), Map.of("PriceInfo", price), "req-4", true));

        assertTrue(body.contains("\"TradePrice\":10"), body);
        assertTrue(body.contains("\"OriginalPrice\":12.50"), body);
    }

    /** Alibaba XML: RequestId under the root, no namespace, a list as its element repeated. */
    @Test
    void success_alibabaXml_repeatsListElementsWithoutNamespace() {
        Map<String, Object> kms = new LinkedHashMap<>();
        kms.put("InstanceId", "kst-1");
        kms.put("ZoneIds", List.of("cn-hangzhou-k", "cn-hangzhou-j"));
        kms.put("BindVpcs", Map.of("BindVpc", List.of(Map.of("VpcId", "vpc-1"))));

        String body = text(writer.success(op("GetKmsInstance"), Map.of("KmsInstance", kms), "req-5", false));

        assertEquals(
                XML_DECLARATION + "<GetKmsInstanceResponse><RequestId>req-5</RequestId><KmsInstance>"
                        + "<InstanceId>kst-1</InstanceId><ZoneIds>cn-hangzhou-k</ZoneIds><ZoneIds>cn-hangzhou-j</ZoneIds>"
                        + "<BindVpcs><BindVpc><VpcId>vpc-1</VpcId></BindVpc></BindVpcs>"
                        + "</KmsInstance></GetKmsInstanceResponse>",
                body);
    }

    /** Shaped like the BSS JSON sample, with OrderId a string as the model types it. */
    @Test
    void success_alibabaJson_isFlat() {
        Map<String, Object> result = Map.of(
                "Code",
                "Success",
                "Message",
                "Successful!",
                "Success",
                true,
                "Data",
                Map.of("OrderId", 202407022550621L, "HostId", "100.100.64.1:8150"));

        String body = text(writer.success(op("RenewChangeInstance"), result, "79EE7556", true));

        assertEquals(
                "{\"RequestId\":\"79EE7556\",\"Code\":\"Success\",\"Message\":\"Successful!\",\"Success\":true,"
                        + "\"Data\":{\"OrderId\":\"202407022550621\",\"HostId\":\"100.100.64.1:8150\"}}",
                body);
    }

    /** Shaped like QueryImageList's sample: RequestId, Msg, Code 200 as a number, Status, Data. */
    @Test
    void success_cloudMarketJson_isShapedLikeTheSample() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("Data", Map.of("page", 1, "items", List.of()));
        result.put("Status", "Y");
        result.put("Code", 200);
        result.put("Msg", "ok");

        String body = text(writer.success(op("QueryImageList"), result, "88c0b30a", true));

        assertEquals(
                "{\"RequestId\":\"88c0b30a\",\"Msg\":\"ok\",\"Code\":200,\"Status\":\"Y\","
                        + "\"Data\":{\"page\":1,\"items\":[]}}",
                body);
    }

    @Test
    void success_requestIdArgument_winsOverOneInTheResult() {
        String body = text(writer.success(op("DeleteKey"), Map.of("RequestId", "old", "Return", true), "new", true));

        assertEquals("{\"RequestId\":\"new\",\"Return\":true}", body);
    }

    @Test
    void success_withoutAnyRequestId_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> writer.success(op("DeleteKey"), Map.of("Return", true), null, true));

        assertEquals("DeleteKey: a response needs a request id", e.getMessage());
    }

    /** The sandbox must not send what the model forbids; the message names the member, never the value. */
    @Test
    void success_valueThatDoesNotFitItsMember_isRefusedNamingThePath() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> writer.success(
                        op("DescribeInstances"),
                        Map.of("InstancesSet", List.of(Map.of("ProjectId", "secret-ish"))),
                        "r",
                        true));

        assertEquals(
                "DescribeInstances: InstancesSet[0].ProjectId is long in the model; got a String that is not one",
                e.getMessage());
    }

    @Test
    void success_secretOfTheWrongShape_isRefusedWithoutShowingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> writer.success(
                        op("CreateKey"),
                        Map.of("PrivateKey", Map.of("pem", "-----BEGIN RSA PRIVATE KEY-----")),
                        "r",
                        false));

        assertFalse(e.getMessage().contains("BEGIN"), e.getMessage());
        assertTrue(e.getMessage().startsWith("CreateKey: PrivateKey is string in the model"), e.getMessage());
    }

    /** Members the model does not know are written as given (a sandbox may mimic a sample-only field). */
    @Test
    void success_unknownMember_isWrittenAsGiven() {
        String body = text(writer.success(op("DeleteKey"), Map.of("Return", true, "Extra", List.of(1, 2)), "r", false));

        assertTrue(body.contains("<Extra><item>1</item><item>2</item></Extra>"), body);
    }

    @Test
    void success_memberNameThatCannotBeAnXmlElement_isRefused() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> writer.success(op("DeleteKey"), Map.of("Return", true, "two words", 1), "r", false));

        assertEquals("DeleteKey: 'two words' is not a valid XML element name", e.getMessage());
    }

    @Test
    void success_controlCharacterInXml_isRefusedNamingThePath() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> writer.success(op("CreateImage"), Map.of("ImageId", "a\u0001b"), "r", false));

        assertEquals("CreateImage: ImageId holds a control character that XML cannot carry", e.getMessage());
    }

    /** Spec §2.3 L6112–L6119, member for member. */
    @Test
    void error_kingsoftJson_isTheDocumentedShape() {
        ServiceError error = new ServiceError(
                400,
                "InvalidParameterValue",
                "An invalid or out-of-range value was supplied for the input parameter PathPrefix.",
                "Sender",
                "68093a99-2f63-4f39-8f70-3047ab8ecb5b");

        assertEquals(
                "{\"RequestId\":\"68093a99-2f63-4f39-8f70-3047ab8ecb5b\",\"Error\":{\"Type\":\"Sender\","
                        + "\"Code\":\"InvalidParameterValue\",\"Message\":\"An invalid or out-of-range value was supplied for the input"
                        + " parameter PathPrefix.\"}}",
                text(writer.error(op("DescribeInstances"), error, true)));
    }

    /** Spec §2.3 L6095–L6106, without the comments. */
    @Test
    void error_kingsoftXml_isTheDocumentedShape() {
        ServiceError error = new ServiceError(
                500, "ServiceTimeout", "Internal Service is unavailable because of time out.", null, "e1eac1b3");

        assertEquals(
                XML_DECLARATION + "<ErrorResponse><RequestId>e1eac1b3</RequestId><Error><Type>Receiver</Type>"
                        + "<Code>ServiceTimeout</Code><Message>Internal Service is unavailable because of time out.</Message>"
                        + "</Error></ErrorResponse>",
                text(writer.error(op("DescribeInstances"), error, false)));
    }

    @Test
    void error_alibabaJson_isFlatWithTheHost() {
        ServiceError error = new ServiceError(
                403, "Forbidden.NoBackup", "this kms instance no backup, forbidden delete.", null, "475f1620");

        assertEquals(
                "{\"RequestId\":\"475f1620\",\"HostId\":\"kms.cn-hangzhou.aliyuncs.com\",\"Code\":\"Forbidden.NoBackup\","
                        + "\"Message\":\"this kms instance no backup, forbidden delete.\"}",
                text(writer.error(op("ReleaseKmsInstance"), error, true)));
    }

    @Test
    void error_alibabaXml_isAnErrorElement() {
        ServiceError error =
                new ServiceError(400, "ResourceNotExists", "The specific resource is not exists.", null, "r");

        assertEquals(
                XML_DECLARATION + "<Error><RequestId>r</RequestId><HostId>business.aliyuncs.com</HostId>"
                        + "<Code>ResourceNotExists</Code><Message>The specific resource is not exists.</Message></Error>",
                text(writer.error(op("RenewChangeInstance"), error, false)));
    }

    /** Whatever the writer sends as an error, the parser reads back as the same error. */
    @ParameterizedTest(name = "{0} json={1}")
    @CsvSource({
        "DescribeInstances,true",
        "DescribeInstances,false",
        "CreateKey,true",
        "CreateKey,false",
        "CreateNetworkInterface,false",
        "QueryImageList,true",
        "QueryImageList,false",
        "GetKmsInstance,true",
        "GetKmsInstance,false",
        "ModifyInstance,true",
        "ModifyInstance,false"
    })
    void error_writtenThenParsed_isTheSameError(String action, boolean json) {
        ServiceError error = new ServiceError(
                409,
                "LimitExceeded",
                "Request was rejected because the request speed of this openAPI is beyond the current flow control limit.",
                "Sender",
                "0b5b7c3e-8e0f-4a57-b1f5-9a1d7f3c2e11");
        byte[] body = writer.error(op(action), error, json);

        HttpResponse http = new HttpResponse(409, Headers.of("Content-Type", ResponseWriter.contentType(json)), body);

        assertEquals(Optional.of(error), parser.parseError(op(action), http));
    }

    private static Operation op(String action) {
        return MODEL.requireOperation(action);
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
