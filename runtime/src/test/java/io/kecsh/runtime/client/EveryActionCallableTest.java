package io.kecsh.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.protocol.ResponseWriter;
import io.kecsh.runtime.testing.SampleRequests;
import io.kecsh.runtime.testing.ScriptedServer;
import io.kecsh.runtime.testing.ScriptedServer.Step;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every one of the 62 modelled actions (both forms of the two overloaded ones) goes over real HTTP:
 * a model-built valid request is serialized, signed and sent; the server checks what arrived names
 * the action and version, and answers with the model-shaped body the parser must read back.
 */
class EveryActionCallableTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static ScriptedServer server;
    private static CloudClient client;

    @BeforeAll
    static void start() throws Exception {
        server = new ScriptedServer();
        client = new CloudClient(ClientConfig.builder()
                .endpoint(server.endpoint())
                .credentials(Cloud.KINGSOFT, new Credentials("AKLTexample0001", "kingsoft-secret"))
                .credentials(Cloud.ALIBABA, new Credentials("LTAIexample0001", "alibaba-secret"))
                .build());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyAction_canBeCalled() {
        SampleRequests samples = new SampleRequests(MODEL);
        ResponseWriter writer = new ResponseWriter(MODEL);
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation op : MODEL.operations()) {
            List<Map<String, Object>> forms = samples.everyForm(op);
            for (int i = 0; i < forms.size(); i++) {
                Map<String, Object> request = forms.get(i);
                tests.add(DynamicTest.dynamicTest(op + (forms.size() > 1 ? " form " + (i + 1) : ""), () -> {
                    server.then(r -> answer(op, r, writer));
                    Response response = client.call(op, request);
                    assertEquals("req-" + op.name(), response.requestId());
                    assertEquals(op.name(), response.operation());
                }));
            }
        }
        assertEquals(65, tests.size(), "63 actions (58 documented, 5 from the current SDK), two of them in two forms");
        return tests.stream();
    }

    private static Step answer(Operation op, HttpRequest received, ResponseWriter writer) {
        String action = ScriptedServer.parameter(received, "Action")
                .or(() -> received.headers().first("x-acs-action"))
                .orElse("");
        String version = ScriptedServer.parameter(received, "Version")
                .or(() -> received.headers().first("x-acs-version"))
                .orElse("");
        String expectedVersion = MODEL.serviceOf(op).apiVersion();
        // the spelling the service answers to first (DescribeInstanceFamilys for DescribeInstanceFamilies)
        if (!action.equals(op.wireNames().get(0)) || !version.equals(expectedVersion)) {
            return Step.json(
                    400,
                    "{\"RequestId\":\"bad\",\"Error\":{\"Code\":\"Wrong\",\"Message\":\"got " + action + " " + version
                            + "\"}}");
        }
        byte[] body = writer.success(op, Map.of(), "req-" + op.name(), true);
        return Step.json(200, new String(body, StandardCharsets.UTF_8));
    }
}
