package io.kecsh.runtime.sandbox.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.validate.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The request's protocol is decided once, from what it carries; the envelope and codes follow from it. */
class WireProtocolTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final HttpRequest GET = HttpRequest.get("http", "127.0.0.1", 8080, "/");

    @Test
    void of_whatTheRequestCarries_decidesTheProtocol() {
        List<QueryParam> rpc =
                List.of(new QueryParam("Action", "GetKmsInstance"), new QueryParam("SignatureMethod", "HMAC-SHA1"));
        assertEquals(WireProtocol.RPC, WireProtocol.of(GET, rpc));
        assertEquals(
                WireProtocol.ACS3,
                WireProtocol.of(GET.withHeader("Authorization", "ACS3-HMAC-SHA256 Credential=x"), rpc));
        assertEquals(
                WireProtocol.KINGSOFT,
                WireProtocol.of(
                        GET.withHeader("Authorization", "AWS4-HMAC-SHA256 Credential=x"),
                        List.of(new QueryParam("Action", "DescribeRegions"))));
    }

    @Test
    void acs3_readsActionAndVersionFromHeaders_rpcItsFormatFromAParameter() {
        HttpRequest acs3 = GET.withHeader("x-acs-action", "GetKmsInstance")
                .withHeader("x-acs-version", "2016-01-20")
                .withHeader("Accept", "application/json");
        assertEquals("GetKmsInstance", WireProtocol.ACS3.action(acs3, List.of(new QueryParam("Action", "Other"))));
        assertEquals("2016-01-20", WireProtocol.ACS3.version(acs3, List.of()));
        assertTrue(WireProtocol.ACS3.json(acs3, List.of()));
        assertTrue(WireProtocol.RPC.json(GET, List.of(new QueryParam("Format", "JSON"))));
        assertFalse(WireProtocol.RPC.json(GET.withHeader("Accept", "application/json"), List.of()));
    }

    @Test
    void ownParameters_areLeftOutOfTheAction() {
        assertTrue(WireProtocol.KINGSOFT.isProtocolParameter("X-Amz-Signature"));
        assertFalse(WireProtocol.KINGSOFT.isProtocolParameter("RegionId"));
        assertTrue(WireProtocol.RPC.isProtocolParameter("SignatureNonce"));
        assertFalse(WireProtocol.RPC.isProtocolParameter("KmsInstanceId"));
    }

    @Test
    void errors_takeTheProtocolsCodes_fromTheModel() {
        assertEquals(
                "InvalidAction.NotFound", WireProtocol.RPC.unknownAction(MODEL).code());
        assertEquals(404, WireProtocol.ACS3.unknownAction(MODEL).status());
        assertEquals("NoSuchEntity", WireProtocol.KINGSOFT.unknownAction(MODEL).code());
        var kms = MODEL.requireService("kms");
        var get = MODEL.requireOperation("GetKmsInstance");
        var missing = WireProtocol.RPC.invalid(
                kms,
                get,
                new Problem(Problem.Kind.MISSING, false, "KmsInstanceId", null, "missing", List.of(), List.of()));
        assertEquals("MissingParameter", missing.code());
        assertEquals(
                "The input parameter KmsInstanceId that is mandatory for processing this request is not supplied.",
                missing.getMessage());
        assertEquals("InvalidParameter", WireProtocol.wrongVersion(kms, get).code());
        assertEquals(
                "InvalidParameterValue",
                WireProtocol.wrongVersion(MODEL.requireService("kec"), MODEL.requireOperation("DescribeRegions"))
                        .code());
    }
}
