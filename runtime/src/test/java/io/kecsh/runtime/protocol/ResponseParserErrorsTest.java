package io.kecsh.runtime.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.http.Headers;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Error bodies of every envelope, bodies that are no error document, and failures sent with HTTP 200. */
class ResponseParserErrorsTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Operation DESCRIBE_INSTANCES = MODEL.requireOperation("DescribeInstances");
    private static final Operation RELEASE_KMS = MODEL.requireOperation("ReleaseKmsInstance");
    private static final Operation RENEW_CHANGE = MODEL.requireOperation("RenewChangeInstance");
    private static final Operation QUERY_IMAGES = MODEL.requireOperation("QueryImageList");
    private final ResponseParser parser = new ResponseParser(MODEL);

    /** Spec §2.3, L6112–L6119. */
    @Test
    void parseError_kecJsonErrorSample_readsTypeCodeMessageAndRequestId() {
        HttpResponse http = new HttpResponse(
                400,
                Headers.of("Content-Type", "application/json"),
                ResponseParserSamplesTest.read("samples/kec-error.json"));

        assertEquals(
                Optional.of(new ServiceError(
                        400,
                        "InvalidParameterValue",
                        "An invalid or out-of-range value was supplied for the input parameter PathPrefix.",
                        "Sender",
                        "68093a99-2f63-4f39-8f70-3047ab8ecb5b")),
                parser.parseError(DESCRIBE_INSTANCES, http));
    }

    /** Spec §2.3, L6095–L6106, comments and all; no Content-Type, so the body is sniffed. */
    @Test
    void parseError_kecXmlErrorSampleWithoutContentType_readsTypeCodeMessageAndRequestId() {
        HttpResponse http =
                new HttpResponse(400, Headers.empty(), ResponseParserSamplesTest.read("samples/kec-error.xml"));

        assertEquals(
                Optional.of(new ServiceError(
                        400,
                        "InvalidParameterValue",
                        "An invalid or out-of-range value was supplied for the input parameter PathPrefix.",
                        "Sender",
                        "e1eac1b3-1f35-44ba-abd4-7c4b7a9859f3")),
                parser.parseError(DESCRIBE_INSTANCES, http));
    }

    /** ReleaseKmsInstance documents 403 Forbidden.NoBackup; Alibaba's error body is flat. */
    @Test
    void parseError_alibabaJsonError_readsCodeMessageAndRequestId() {
        HttpResponse http = response(403, "application/json;charset=utf-8", """
            {"RequestId":"475F1620-B9D3-4D35-B5C6-3FBDD941423D","HostId":"kms.cn-hangzhou.aliyuncs.com",
             "Code":"Forbidden.NoBackup","Message":"this kms instance no backup, forbidden delete.",
             "Recommend":"https://api.aliyun.com/troubleshoot?q=Forbidden.NoBackup"}""");

        assertEquals(
                Optional.of(new ServiceError(
                        403,
                        "Forbidden.NoBackup",
                        "this kms instance no backup, forbidden delete.",
                        "Sender",
                        "475F1620-B9D3-4D35-B5C6-3FBDD941423D")),
                parser.parseError(RELEASE_KMS, http));
    }

    @Test
    void parseError_alibabaXmlError503_isAReceiverError() {
        HttpResponse http = response(503, "text/xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Error><RequestId>0C1B4F2E-7A25-4C3E-9D4B-3C1E2A5B6D7F</RequestId><HostId>kms.cn-hangzhou.aliyuncs.com</HostId>
            <Code>SerivceUnvailableTemporary</Code><Message>Service Unvailable Temporary</Message></Error>""");

        assertEquals(
                Optional.of(new ServiceError(
                        503,
                        "SerivceUnvailableTemporary",
                        "Service Unvailable Temporary",
                        "Receiver",
                        "0C1B4F2E-7A25-4C3E-9D4B-3C1E2A5B6D7F")),
                parser.parseError(RELEASE_KMS, http));
    }

    /** A proxy's page, well-formed enough to read as XML, but no error document. */
    @Test
    void parseError_503WithHtmlPage_isHttp503SayingTheBodyWasNoErrorDocument() {
        String page = "<html><head><title>503 Service Temporarily Unavailable</title></head><body>"
                + "<center><h1>503 Service Temporarily Unavailable</h1></center><hr/><center>nginx</center></body></html>";
        HttpResponse http = response(503, "text/html", page);

        ServiceError error = parser.parseError(DESCRIBE_INSTANCES, http).orElseThrow();

        assertEquals("Http503", error.code());
        assertEquals(503, error.httpStatus());
        assertEquals("Receiver", error.type());
        assertNull(error.requestId());
        assertTrue(
                error.message()
                        .startsWith("HTTP 503 with a body that is not an error document (text/html, " + page.length()
                                + " bytes)"),
                error.message());
        assertTrue(error.message().contains("503 Service Temporarily Unavailable"), error.message());
    }

    /** HTML that is not XML at all (a doctype, unclosed tags) is no error document either. */
    @Test
    void parseError_502WithMalformedHtml_isHttp502() {
        HttpResponse http = response(
                502, "text/html; charset=utf-8", "<!DOCTYPE html>\n<html><body><p>Bad gateway<br></body></html>");

        ServiceError error = parser.parseError(DESCRIBE_INSTANCES, http).orElseThrow();

        assertEquals("Http502", error.code());
        assertEquals("Receiver", error.type());
    }

    @Test
    void parseError_404WithEmptyBody_isHttp404FromTheSender() {
        ServiceError error =
                parser.parseError(DESCRIBE_INSTANCES, response(404, "", "")).orElseThrow();

        assertEquals(
                new ServiceError(
                        404,
                        "Http404",
                        "HTTP 404 with a body that is not an error document (no content type, 0 bytes)",
                        "Sender",
                        null),
                error);
    }

    /** A JSON object without an error in it, at 4xx, is not an error document. */
    @Test
    void parseError_400WithJsonThatHoldsNoError_isHttp400() {
        ServiceError error = parser.parseError(
                        DESCRIBE_INSTANCES, response(400, "application/json", "{\"message\":\"bad request\"}"))
                .orElseThrow();

        assertEquals("Http400", error.code());
    }

    /** BSS answers some failures with HTTP 200 and Success=false (§7.4 lists ResourceNotExists). */
    @Test
    void parseError_200WithSuccessFalse_isTheErrorTheBodyNames() {
        HttpResponse http = response(200, "application/json", """
            {"RequestId":"79EE7556-0CFD-44EB-9CD6-B3B526E3A85F","Code":"ResourceNotExists",
             "Message":"The specific resource is not exists.","Success":false}""");

        assertEquals(
                Optional.of(new ServiceError(
                        200,
                        "ResourceNotExists",
                        "The specific resource is not exists.",
                        "Sender",
                        "79EE7556-0CFD-44EB-9CD6-B3B526E3A85F")),
                parser.parseError(RENEW_CHANGE, http));
    }

    @Test
    void parseError_200XmlWithSuccessFalseAsText_isAnError() {
        HttpResponse http = response(
                200,
                "text/xml",
                "<RenewChangeInstanceResponse><RequestId>r-1</RequestId>"
                        + "<Code>ORDER.ACCOUNT_STATUS_ILLEGAL</Code><Message>Please complete your basic personal information first."
                        + "</Message><Success>false</Success></RenewChangeInstanceResponse>");

        ServiceError error = parser.parseError(RENEW_CHANGE, http).orElseThrow();

        assertEquals("ORDER.ACCOUNT_STATUS_ILLEGAL", error.code());
        assertEquals("r-1", error.requestId());
    }

    /** Without Success, a Code other than Success is the failure. */
    @Test
    void parseError_200WithCodeOtherThanSuccessAndNoSuccessFlag_isAnError() {
        ServiceError error = parser.parseError(
                        RENEW_CHANGE,
                        response(
                                200,
                                "application/json",
                                "{\"RequestId\":\"r-2\",\"Code\":\"InternalError\",\"Message\":\"The request processing has failed due to some unknown error.\"}"))
                .orElseThrow();

        assertEquals(
                new ServiceError(
                        200,
                        "InternalError",
                        "The request processing has failed due to some unknown error.",
                        "Sender",
                        "r-2"),
                error);
    }

    @Test
    void parseError_200WithSuccessTrue_isNoError() {
        HttpResponse http = ResponseParserSamplesTest.sample("bss-renew-change-instance.json", "application/json");

        assertEquals(Optional.empty(), parser.parseError(RENEW_CHANGE, http));
    }

    @Test
    void parseError_cloudMarket200WithCodeNot200_isAnError() {
        HttpResponse http = response(
                200,
                "application/json",
                "{\"RequestId\":\"r-3\",\"Msg\":\"parameter error\",\"Code\":400,\"Status\":\"N\"}");

        assertEquals(
                Optional.of(new ServiceError(200, "400", "parameter error", "Sender", "r-3")),
                parser.parseError(QUERY_IMAGES, http));
    }

    @Test
    void parseError_cloudMarket200WithStatusNotY_isAnError() {
        HttpResponse http = response(
                200, "application/json", "{\"RequestId\":\"r-4\",\"Msg\":\"failed\",\"Code\":200,\"Status\":\"N\"}");

        assertEquals(
                Optional.of(new ServiceError(200, "StatusN", "failed", "Sender", "r-4")),
                parser.parseError(QUERY_IMAGES, http));
    }

    /** A Kingsoft success body is never mistaken for an error, even if it has a Message member. */
    @Test
    void parseError_kec200Success_isNoError() {
        HttpResponse http =
                response(200, "application/json", "{\"RequestId\":\"r-5\",\"Return\":true,\"Message\":\"copying\"}");

        assertEquals(Optional.empty(), parser.parseError(MODEL.requireOperation("CopyImage"), http));
    }

    /** A gateway answering 200 with Kingsoft's error document: the error wins over the status. */
    @Test
    void parseError_200WithKingsoftErrorDocument_isThatError() {
        HttpResponse http = response(
                200,
                "application/json",
                "{\"RequestId\":\"r-6\",\"Error\":{\"Type\":\"Sender\",\"Code\":\"LimitExceeded\",\"Message\":\"slow down\"}}");

        assertEquals(
                Optional.of(new ServiceError(200, "LimitExceeded", "slow down", "Sender", "r-6")),
                parser.parseError(DESCRIBE_INSTANCES, http));
    }

    /** Read tolerantly: Alibaba's flat error shape is recognised on a Kingsoft service too. */
    @Test
    void parseError_flatErrorOnAKingsoftService_isRecognised() {
        ServiceError error = parser.parseError(
                        DESCRIBE_INSTANCES,
                        response(
                                409,
                                "application/json",
                                "{\"RequestId\":\"r-7\",\"Code\":\"LimitExceeded\",\"Message\":\"too fast\"}"))
                .orElseThrow();

        assertEquals(new ServiceError(409, "LimitExceeded", "too fast", "Sender", "r-7"), error);
    }

    @Test
    void parseError_withheldSnippet_forAnOperationWhoseResponseHoldsSecrets() {
        HttpResponse http = response(500, "text/plain", "PrivateKey=-----BEGIN RSA PRIVATE KEY----- MIIEowIBAAKCAQEA");

        ServiceError error =
                parser.parseError(MODEL.requireOperation("CreateKey"), http).orElseThrow();

        assertEquals("Http500", error.code());
        assertFalse(error.message().contains("MIIE"), error.message());
        assertTrue(error.message().contains("withheld"), error.message());
    }

    static HttpResponse response(int status, String contentType, String body) {
        Headers headers = contentType.isEmpty() ? Headers.empty() : Headers.of("Content-Type", contentType);
        return new HttpResponse(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
