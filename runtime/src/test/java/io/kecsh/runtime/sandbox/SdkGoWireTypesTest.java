package io.kecsh.runtime.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.http.HttpRequest;
import io.kecsh.runtime.http.HttpResponse;
import io.kecsh.runtime.http.Transport;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.protocol.Response;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.testing.ScriptedServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Issue 12 item 5: the sandbox writes every member as the live service writes it, so a typed client
 * decodes every answer. The table {@code sdk-go/response-types.tsv} holds, for every *Response struct of
 * Kingsoft's generated sdk-go (831e7c6), the JSON type each member must have for Go's encoding/json to
 * decode it (a *string refuses a JSON boolean, an *int refuses text or a fraction, a struct refuses an
 * array). Every answer of the sandbox tour — all modelled actions, over real HTTP — is checked
 * against it, node by node.
 */
class SdkGoWireTypesTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private final ObjectMapper json = new ObjectMapper();

    /** Action → member path → JSON type, from the table. */
    private static Map<String, Map<String, String>> table() throws IOException {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (InputStream in = SdkGoWireTypesTest.class.getResourceAsStream("/sdk-go/response-types.tsv");
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = reader.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) continue;
                String[] f = line.split("\t");
                String action = f[1].substring(0, f[1].length() - "Response".length());
                out.computeIfAbsent(action, a -> new HashMap<>()).put(f[2], f[3]);
            }
        }
        // sdk-go spells it Familys; the 2016 document Families: one answer, both names
        if (out.containsKey("DescribeInstanceFamilys"))
            out.putIfAbsent("DescribeInstanceFamilies", out.get("DescribeInstanceFamilys"));
        return out;
    }

    @Test
    void everyAnswerOfTheTour_decodesIntoSdkGoTypes() throws IOException {
        Map<String, Map<String, String>> table = table();
        List<Answer> answers = new ArrayList<>();
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder(), real -> recording(real, answers))) {
            new SandboxTourTest().tour(f);
            launchWithDataDiskInAGroup(f);
            f.client.call("DescribeInstances", Map.of());
        }
        List<String> offenders = new ArrayList<>();
        TreeSet<String> checked = new TreeSet<>();
        for (Answer a : answers) {
            Map<String, String> types = table.get(a.action);
            if (types == null) continue;
            // the client sends an operation under its wire name (DescribeInstanceFamilys); count it under the model's
            checked.add(MODEL.findOperation(a.action).map(Operation::name).orElse(a.action));
            JsonNode body = json.readTree(a.body);
            check(body, "", types, a.action, offenders);
        }
        assertEquals(List.of(), offenders, "members a Go client of sdk-go 831e7c6 cannot decode");

        TreeSet<String> expected = new TreeSet<>();
        for (Operation op : MODEL.operations()) if (table.containsKey(op.name())) expected.add(op.name());
        assertEquals(expected, checked, "every modelled action sdk-go describes was answered and checked");
        assertTrue(checked.size() >= 50, "kec, vpc and sks answers: " + checked.size());
    }

    @Test
    void describeInstances_listsDataDisksAndDataGuardSet_asTheServiceDoes() throws IOException {
        List<Answer> answers = new ArrayList<>();
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder(), real -> recording(real, answers))) {
            String id = launchWithDataDiskInAGroup(f);
            answers.clear();
            Response parsed = f.client.call("DescribeInstances", Map.of("InstanceId", List.of(id)));
            JsonNode item =
                    json.readTree(answers.get(0).body).path("InstancesSet").get(0);
            JsonNode disk = item.path("DataDisks").get(0);
            assertEquals("SSD3.0", disk.path("DiskType").asText());
            assertEquals(50, disk.path("DiskSize").asInt());
            assertTrue(disk.path("DiskId").isTextual());
            assertEquals(
                    "db", item.path("DataGuardSet").get(0).path("DataGuardName").asText());
            assertTrue(item.path("SriovNetSupport").isTextual(), "SriovNetSupport is text on the wire");
            // kecsh's own client reads the text into the model's type
            Map<?, ?> instance = (Map<?, ?>) ((List<?>) parsed.get("InstancesSet")).get(0);
            assertEquals(Boolean.FALSE, instance.get("SriovNetSupport"));
            assertFalse(((List<?>) instance.get("DataDisks")).isEmpty());
        }
    }

    @Test
    void describeModels_writesKeepImageLoginPurchaseTimeAndDiskSizeAsText_andTheClientReadsThemTyped()
            throws IOException {
        List<Answer> answers = new ArrayList<>();
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests(), ClientConfig.builder(), real -> recording(real, answers))) {
            RegionState region = f.sandbox.state().region("cn-beijing-6");
            f.client.call(
                    "CreateModel",
                    Map.of(
                            "ImageId",
                            image(region),
                            "SubnetId",
                            region.defaultSubnetId,
                            "SecurityGroupId",
                            region.defaultSecurityGroupId,
                            "ChargeType",
                            "Daily",
                            "PurchaseTime",
                            0,
                            "ModelName",
                            "t",
                            "InstanceType",
                            "S4.2B",
                            "KeepImageLogin",
                            false,
                            "InstancePassword",
                            "Passw0rd!x",
                            "SystemDisk",
                            Map.of("DiskType", "SSD3.0", "DiskSize", 30)));
            answers.clear();
            Response parsed = f.client.call("DescribeModels", Map.of());
            JsonNode model = json.readTree(answers.get(0).body).path("ModelSet").get(0);
            assertEquals("false", model.path("KeepImageLogin").textValue());
            assertEquals("0", model.path("PurchaseTime").textValue());
            assertEquals("30", model.path("SystemDisk").path("DiskSize").textValue());
            Map<?, ?> typed = (Map<?, ?>) ((List<?>) parsed.get("ModelSet")).get(0);
            assertEquals(Boolean.FALSE, typed.get("KeepImageLogin"));
            assertEquals(0L, typed.get("PurchaseTime"));
            assertEquals(30L, ((Map<?, ?>) typed.get("SystemDisk")).get("DiskSize"));
        }
    }

    private static String image(RegionState region) {
        return region.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform) && i.isPublic)
                .findFirst()
                .orElseThrow()
                .id;
    }

    private static String launchWithDataDiskInAGroup(SandboxFixture f) {
        RegionState region = f.sandbox.state().region("cn-beijing-6");
        String guard = (String) f.client
                .call("CreateDataGuardGroup", Map.of("DataGuardName", "db"))
                .get("DataGuardId");
        Map<String, Object> run = new LinkedHashMap<>(Map.of(
                "ImageId",
                image(region),
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "Daily",
                "InstanceType",
                "S4.2B",
                "DataGuardId",
                guard));
        run.put("DataDisk", List.of(Map.of("Type", "SSD3.0", "Size", 50)));
        Response r = f.client.call("RunInstances", run);
        return (String) ((Map<?, ?>) ((List<?>) r.get("InstancesSet")).get(0)).get("InstanceId");
    }

    /** Walks the answer; every node the table types must have that JSON type (null is always accepted). */
    private static void check(
            JsonNode node, String path, Map<String, String> types, String action, List<String> offenders) {
        String expected = path.isEmpty() ? "object" : types.get(path);
        if (expected != null && !node.isNull() && !fits(node, expected)) {
            offenders.add(action + " " + path + ": sdk-go wants " + expected + ", the sandbox wrote "
                    + node.getNodeType() + " " + node);
            return;
        }
        if (node.isObject()) {
            node.properties()
                    .forEach(e -> check(
                            e.getValue(),
                            path.isEmpty() ? e.getKey() : path + "." + e.getKey(),
                            types,
                            action,
                            offenders));
        } else if (node.isArray()) {
            for (JsonNode item : node) check(item, path + "[]", types, action, offenders);
        }
    }

    private static boolean fits(JsonNode node, String type) {
        return switch (type) {
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            default -> throw new IllegalArgumentException("unknown type in the table: " + type);
        };
    }

    private record Answer(String action, String body) {}

    private static Transport recording(Transport real, List<Answer> answers) {
        return new Transport() {
            @Override
            public HttpResponse execute(HttpRequest request) {
                HttpResponse response = real.execute(request);
                String action = ScriptedServer.parameter(request, "Action")
                        .or(() -> request.headers().first("x-acs-action"))
                        .orElse("");
                if (response.status() == 200)
                    answers.add(new Answer(action, new String(response.body(), StandardCharsets.UTF_8)));
                return response;
            }

            @Override
            public void close() {
                real.close();
            }
        };
    }
}
