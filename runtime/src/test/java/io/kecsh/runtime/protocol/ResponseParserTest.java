package io.kecsh.runtime.protocol;

import static io.kecsh.runtime.protocol.ResponseParserErrorsTest.response;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How bodies are told apart, typed tolerantly, and refused when unreadable. */
class ResponseParserTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Operation DESCRIBE_INSTANCES = MODEL.requireOperation("DescribeInstances");
    private final ResponseParser parser = new ResponseParser(MODEL);

    @Test
    void parse_jsonSentAsTextPlain_isSniffedFromTheFirstCharacter() {
        Response r = parser.parse(
                DESCRIBE_INSTANCES, response(200, "text/plain", "\uFEFF \n {\"RequestId\":\"r\",\"Marker\":\"5\"}"));

        assertEquals(Map.of("RequestId", "r", "Marker", 5L), r);
    }

    /** The specification's documented XML shape: RequestId inside ResponseMetadata. */
    @Test
    void parse_xmlWithResponseMetadata_hoistsTheRequestIdAndDropsTheEmptyWrapper() {
        Response r = parser.parse(DESCRIBE_INSTANCES, response(200, "", """
            <DescribeInstancesResponse xmlns="http://vm.ksyun.com/doc/2016-03-04/">
              <ResponseMetadata><RequestId>4C467B38-3910-447D-87BC-AC049166F216</RequestId></ResponseMetadata>
              <InstanceCount>0</InstanceCount>
              <InstancesSet/>
            </DescribeInstancesResponse>"""));

        assertEquals(
                Map.of(
                        "RequestId",
                        "4C467B38-3910-447D-87BC-AC049166F216",
                        "InstanceCount",
                        0L,
                        "InstancesSet",
                        List.of()),
                r);
    }

    @Test
    void parse_jsonWithResponseMetadata_hoistsTheRequestIdToo() {
        Response r = parser.parse(
                DESCRIBE_INSTANCES,
                response(
                        200, "application/json", "{\"ResponseMetadata\":{\"RequestId\":\"r-9\"},\"InstanceCount\":3}"));

        assertEquals("r-9", r.requestId());
        assertFalse(r.containsKey("ResponseMetadata"));
    }

    /** Members the model does not know are kept, typed as they came; XML item wrappers still become lists. */
    @Test
    void parse_unknownMembers_areKeptAsTheyCame() {
        Response json = parser.parse(
                DESCRIBE_INSTANCES,
                response(
                        200,
                        "application/json",
                        "{\"RequestId\":\"r\",\"Extra\":{\"Count\":7,\"Ratio\":0.50,\"On\":true,\"Tags\":[\"a\",\"b\"]}}"));
        Response xml = parser.parse(
                DESCRIBE_INSTANCES,
                response(
                        200,
                        "text/xml",
                        "<R><RequestId>r</RequestId><Extra><Count>7</Count><Tags><item>a</item><item>b</item></Tags></Extra></R>"));

        assertEquals(
                Map.of("Count", 7L, "Ratio", new BigDecimal("0.50"), "On", true, "Tags", List.of("a", "b")),
                json.get("Extra"));
        assertEquals(Map.of("Count", "7", "Tags", List.of("a", "b")), xml.get("Extra"));
    }

    /** A value that fits no reading of its type is kept rather than refused: the response is evidence. */
    @Test
    void parse_valueThatDoesNotFitItsType_isKeptAsItCame() {
        Response r = parser.parse(
                DESCRIBE_INSTANCES,
                response(200, "application/json", "{\"RequestId\":\"r\",\"Marker\":\"next\",\"InstanceCount\":2.5}"));

        assertEquals("next", r.get("Marker"));
        assertEquals(new BigDecimal("2.5"), r.get("InstanceCount"));
    }

    /** An empty element carries no value; a paginator must not read it as a token. */
    @Test
    void parse_emptyXmlElementForANumber_leavesTheMemberOut() {
        Response r = parser.parse(
                DESCRIBE_INSTANCES,
                response(
                        200,
                        "text/xml",
                        "<DescribeInstancesResponse><RequestId>r</RequestId><Marker/><InstanceCount> 4 </InstanceCount></DescribeInstancesResponse>"));

        assertNull(r.get("Marker"));
        assertFalse(r.containsKey("Marker"));
        assertEquals(4L, r.get("InstanceCount"));
    }

    /** Alibaba repeats a list's element; one occurrence is a list of one. */
    @Test
    void parse_alibabaXmlRepeatedElements_areAList() {
        Operation getKms = MODEL.requireOperation("GetKmsInstance");
        Response r = parser.parse(getKms, response(200, "text/xml", """
            <GetKmsInstanceResponse><RequestId>r</RequestId><KmsInstance>
              <ZoneIds>cn-hangzhou-k</ZoneIds><InstanceId>kst-1</InstanceId><ZoneIds>cn-hangzhou-j</ZoneIds>
              <VswitchIds>vsw-1</VswitchIds>
              <BindVpcs><BindVpc><VpcId>vpc-1</VpcId></BindVpc></BindVpcs>
            </KmsInstance></GetKmsInstanceResponse>"""));

        Map<?, ?> kms = (Map<?, ?>) r.get("KmsInstance");
        assertEquals(List.of("cn-hangzhou-k", "cn-hangzhou-j"), kms.get("ZoneIds"));
        assertEquals(List.of("vsw-1"), kms.get("VswitchIds"));
        assertEquals(Map.of("BindVpc", List.of(Map.of("VpcId", "vpc-1"))), kms.get("BindVpcs"));
    }

    /** A scalar where a list is expected is a list of one, in JSON too. */
    @Test
    void parse_jsonScalarWhereAListIsExpected_isAListOfOne() {
        Response r = parser.parse(
                MODEL.requireOperation("GetKmsInstance"),
                response(
                        200,
                        "application/json",
                        "{\"RequestId\":\"r\",\"KmsInstance\":{\"ZoneIds\":\"cn-hangzhou-k\"}}"));

        assertEquals(List.of("cn-hangzhou-k"), ((Map<?, ?>) r.get("KmsInstance")).get("ZoneIds"));
    }

    /** Numbers are never read through a double: 20 digits survive into a string member, 0.1 stays 0.1. */
    @Test
    void parse_longNumbers_keepEveryDigit() {
        Response r = parser.parse(
                MODEL.requireOperation("ModifyInstance"),
                response(
                        200,
                        "application/json",
                        "{\"RequestId\":\"r\",\"Success\":true,\"Data\":{\"OrderId\":23648989570123456789}}"));
        Response price = parser.parse(
                MODEL.requireOperation("DescribePrice"),
                response(
                        200,
                        "application/json",
                        "{\"RequestId\":\"r\",\"PriceInfo\":{\"InstancePrice\":{\"TradePrice\":0.1}}}"));

        assertEquals("23648989570123456789", ((Map<?, ?>) r.get("Data")).get("OrderId"));
        Map<?, ?> instancePrice = (Map<?, ?>) ((Map<?, ?>) price.get("PriceInfo")).get("InstancePrice");
        assertEquals(new BigDecimal("0.1"), instancePrice.get("TradePrice"));
    }

    @Test
    void parse_htmlPage_failsNamingTheOperationAndShowingTheStart() {
        ResponseFormatException e = assertThrows(
                ResponseFormatException.class,
                () -> parser.parse(
                        DESCRIBE_INSTANCES,
                        response(200, "text/html", "<!DOCTYPE html><html><body>Welcome<br></body></html>")));

        assertEquals("DescribeInstances", e.operation());
        assertTrue(
                e.getMessage().startsWith("DescribeInstances: the body is not well-formed XML (line 1, column "),
                e.getMessage());
        assertTrue(
                e.getMessage().endsWith("the body starts: '<!DOCTYPE html><html><body>Welcome<br></body></html>'"),
                e.getMessage());
    }

    @Test
    void parse_truncatedJson_failsWithTheLocation() {
        ResponseFormatException e = assertThrows(
                ResponseFormatException.class,
                () -> parser.parse(
                        DESCRIBE_INSTANCES,
                        response(200, "application/json", "{\"RequestId\":\"r\",\n\"InstancesSet\":[{")));

        assertTrue(
                e.getMessage().startsWith("DescribeInstances: the body is not well-formed JSON (line 2, column "),
                e.getMessage());
    }

    @Test
    void parse_emptyBody_failsSayingSo() {
        ResponseFormatException e = assertThrows(
                ResponseFormatException.class,
                () -> parser.parse(DESCRIBE_INSTANCES, response(200, "application/json", "")));

        assertEquals("DescribeInstances: the body is empty; the body starts: (empty)", e.getMessage());
    }

    @Test
    void parse_plainTextBody_isNeitherJsonNorXml() {
        ResponseFormatException e = assertThrows(
                ResponseFormatException.class, () -> parser.parse(DESCRIBE_INSTANCES, response(200, "", "OK")));

        assertEquals("DescribeInstances: the body is neither JSON nor XML; the body starts: 'OK'", e.getMessage());
    }

    @Test
    void parse_jsonArrayAtTheRoot_isNotAnObject() {
        ResponseFormatException e = assertThrows(
                ResponseFormatException.class,
                () -> parser.parse(DESCRIBE_INSTANCES, response(200, "application/json", "[1,2]")));

        assertTrue(e.getMessage().startsWith("DescribeInstances: the JSON body is not an object"), e.getMessage());
    }

    /** CreateKey's answer holds a private key: a broken body is not quoted, nor is the parser's own message kept. */
    @Test
    void parse_brokenBodyOfAnOperationWithSecrets_withholdsTheBody() {
        String body = "{\"RequestId\":\"r\",\"PrivateKey\":\"-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA";

        ResponseFormatException e = assertThrows(
                ResponseFormatException.class,
                () -> parser.parse(MODEL.requireOperation("CreateKey"), response(200, "application/json", body)));

        assertFalse(e.getMessage().contains("MIIE"), e.getMessage());
        assertFalse(e.getMessage().contains("PRIVATE KEY"), e.getMessage());
        assertNull(e.getCause());
        assertTrue(e.getMessage().contains("withheld"), e.getMessage());
    }

    @Test
    void parse_longBody_showsABoundedSnippet() {
        String body = "x".repeat(5000);

        ResponseFormatException e = assertThrows(
                ResponseFormatException.class, () -> parser.parse(DESCRIBE_INSTANCES, response(200, "", body)));

        assertTrue(e.getMessage().endsWith("'" + "x".repeat(BodySnippet.MAX_CHARS) + "…'"), e.getMessage());
    }

    /** A body is untrusted: no external entity is ever resolved, no DTD processed. */
    @Test
    void parse_xmlWithExternalEntity_isRefusedWithoutReadingTheFile() {
        String body = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY secret SYSTEM \"file:///etc/hostname\">]>"
                + "<DescribeInstancesResponse><RequestId>&secret;</RequestId></DescribeInstancesResponse>";

        assertThrows(
                ResponseFormatException.class, () -> parser.parse(DESCRIBE_INSTANCES, response(200, "text/xml", body)));
    }

    @Test
    void parse_xmlWithEntityExpansionBomb_isRefused() {
        String body =
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">"
                        + "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;\">]><R><RequestId>&c;</RequestId></R>";

        assertThrows(
                ResponseFormatException.class, () -> parser.parse(DESCRIBE_INSTANCES, response(200, "text/xml", body)));
    }

    @Test
    void parse_xmlCharacterReferences_areDecoded() {
        Response r = parser.parse(
                DESCRIBE_INSTANCES, response(200, "text/xml", "<R><RequestId>r&amp;&#x4E2D;&lt;</RequestId></R>"));

        assertEquals("r&中<", r.requestId());
    }

    /** XML text typed by the model: "true" for a boolean member, "9000000000" for a long one. */
    @Test
    void parse_xmlScalars_areTypedByTheModel() {
        Response r = parser.parse(DESCRIBE_INSTANCES, response(200, "text/xml", """
            <DescribeInstancesResponse><RequestId>r</RequestId><InstancesSet><Item>
              <ProjectId>9000000000</ProjectId><SriovNetSupport>TRUE</SriovNetSupport><SpotPriceLimit>0.30</SpotPriceLimit>
            </Item></InstancesSet></DescribeInstancesResponse>"""));

        assertEquals(
                List.of(Map.of(
                        "ProjectId",
                        9_000_000_000L,
                        "SriovNetSupport",
                        true,
                        "SpotPriceLimit",
                        new BigDecimal("0.30"))),
                r.get("InstancesSet"));
    }

    @Test
    void parse_xmlScalarWithAttribute_isItsText() {
        Response r = parser.parse(
                DESCRIBE_INSTANCES,
                response(
                        200,
                        "text/xml",
                        "<R><RequestId>r</RequestId><InstanceCount unit=\"instances\">12</InstanceCount></R>"));

        assertEquals(12L, r.get("InstanceCount"));
    }
}
