package io.kecsh.runtime.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.auth.aws4.Aws4Signer;
import io.kecsh.runtime.http.ApacheTransport;
import io.kecsh.runtime.http.FormEncoding;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.QueryParam;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.sandbox.SandboxFixture;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 11 item 4: a value too large to be sane is refused quickly, in the client's validator and
 * in the sandbox over HTTP, and never expanded (1e999999999 ran the client out of memory; a
 * megabyte instance type took 22–28 s of "did you mean").
 */
class OversizedValuesTest {
    private static final String ID = "48de6f74-e287-45df-b55e-94266d77483f";
    private static final Duration QUICK = Duration.ofSeconds(3);
    private final Validator validator = new Validator(ServiceModel.bundled());
    private SandboxFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) fixture.close();
    }

    private static Map<String, Object> spotRun(Object price) {
        Map<String, Object> p = new LinkedHashMap<>(Map.of(
                "InstanceType",
                "S4.2B",
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
                "Spot"));
        p.put("SpotStrategy", "SpotWithPriceLimit");
        p.put("SpotPriceLimit", price);
        return p;
    }

    @Test
    void spotPriceLimitWithAHugeExponent_isRefusedByTheValidator_withoutExpandingIt() {
        for (Object huge : List.of("1e999999999", "-1e999999999", "1e-999999999", new BigDecimal("1e999999999"))) {
            ValidationReport report =
                    assertTimeoutPreemptively(QUICK, () -> validator.validate("RunInstances", spotRun(huge)));
            assertFalse(report.isValid(), "accepted " + huge);
            Problem p = report.errors().get(0);
            assertEquals("SpotPriceLimit", p.path());
            assertTrue(p.message().length() < 300, p.message());
        }
    }

    @Test
    void spotPriceLimitWithAHugeExponent_throughTheClient_failsValidationQuickly() {
        fixture = new SandboxFixture();
        ValidationException e = assertTimeoutPreemptively(
                QUICK,
                () -> assertThrows(
                        ValidationException.class, () -> fixture.client.call("RunInstances", spotRun("1e999999999"))));
        assertTrue(e.getMessage().contains("SpotPriceLimit"), e.getMessage());
    }

    @Test
    void everyNumberOfRunInstances_hasARange_soAnAbsurdOneIsRefused() {
        for (String name :
                List.of("SpotPriceLimit", "DataDiskGb", "ProjectId", "AddressBandWidth", "AddressPurchaseTime")) {
            Map<String, Object> p = spotRun("0.5");
            p.put(name, "99999999999999999999");
            ValidationReport report = validator.validate("RunInstances", p);
            assertTrue(report.errors().stream().anyMatch(x -> x.path().equals(name)), name + ": " + report.describe());
        }
    }

    @Test
    void megabyteInstanceType_isRefusedWithinMilliseconds_withAShortMessage() {
        String huge = "S4.2B" + "x".repeat(1 << 20);
        Map<String, Object> p = spotRun("0.5");
        p.put("InstanceType", huge);
        long start = System.nanoTime();
        ValidationReport report = assertTimeoutPreemptively(QUICK, () -> validator.validate("RunInstances", p));
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(millis < 1000, millis + " ms");
        Problem problem = report.errors().get(0);
        assertEquals("InstanceType", problem.path());
        assertTrue(problem.message().length() < 1000, problem.message().length() + " chars");
        assertTrue(problem.message().contains("(" + huge.length() + " chars)"), problem.message());
    }

    @Test
    void megabyteInstanceType_sentToTheSandboxOverHttp_isAnsweredQuickly() throws Exception {
        fixture = new SandboxFixture();
        try (ApacheTransport transport = new ApacheTransport(TransportSettings.defaults())) {
            List<QueryParam> params = List.of(
                    new QueryParam("Action", "DescribeInstanceTypeConfigs"),
                    new QueryParam("Version", "2016-03-04"),
                    new QueryParam("Filter.1.Name", "instance-type"),
                    new QueryParam("Filter.1.Value.1", "S4.2B" + "x".repeat(1 << 20)));
            HttpRequest post = HttpRequest.get("http", "127.0.0.1", fixture.sandbox.port(), "/")
                    .withHeader("Accept", "application/json")
                    .withHeader("Content-Type", FormEncoding.CONTENT_TYPE + "; charset=utf-8")
                    .withBody("POST", FormEncoding.encode(params).getBytes(StandardCharsets.UTF_8));
            HttpRequest signed = new Aws4Signer(fixture.sandbox.clock())
                    .signHeaders(post, fixture.sandbox.credentials().kingsoft(), "cn-beijing-6", "kec")
                    .signedRequest();
            HttpResponse response = assertTimeoutPreemptively(QUICK, () -> transport.execute(signed));
            JsonNode body = new ObjectMapper().readTree(response.body());
            assertEquals(400, response.status(), body.toString());
            assertEquals(
                    "InvalidParameterValue", body.path("Error").path("Code").asText(), body.toString());
        }
    }

    @Test
    void controlCharactersInValues_areEscapedInEveryMessage() {
        String nasty = "S4.2B\n\u001b[2J\0evil";
        Map<String, Object> p = spotRun("0.5");
        p.put("InstanceType", nasty);
        p.put("Bogus\u001b[31m", "x");
        p.put("MinCount", "1\n2");
        ValidationReport report = validator.validate("RunInstances", p);
        assertTrue(report.errors().size() >= 3, report.describe());
        for (Problem problem : report.errors()) {
            assertTrue(problem.message().chars().noneMatch(c -> c < 0x20), problem.message());
            if (problem.given() != null) assertTrue(problem.given().chars().noneMatch(c -> c < 0x20), problem.given());
            assertTrue(problem.path().chars().noneMatch(c -> c < 0x20), problem.path());
        }
        String all = new ValidationException(report).getMessage();
        assertTrue(all.contains("'S4.2B\\n\\e[2J\\0evil'"), all);
        assertTrue(all.contains("'Bogus\\e[31m'"), all);
    }
}
