package io.kecsh.runtime.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.sandbox.SandboxFixture;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.Instance;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.validate.Problem;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 3: model overlays in ~/.kecsh/models add actions, parameters and enumeration values
 * without a release, held to the built-in model's lint; a bad file is one clear error naming the file
 * and the entry, and everything else still loads.
 */
class ModelOverlaysTest {
    /** A parameter and an enum value kecsh does not have (names no release will take). */
    private static final String GOOD_KEC = """
        {
          "enums": {"StoppedMode": {"values": [{"value": "OverlayHibernate", "doc": "a stop mode added by an overlay"}]}},
          "operations": {
            "RunInstances": {"params": {"OverlayLaunchNote": {"type": "string", "maxLength": 64,
              "doc": "a launch parameter added by an overlay", "source": "test overlay"}}}
          }
        }
        """;

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    private static Map<String, Object> launch(SandboxFixture f, Object... extra) {
        RegionState region = f.sandbox.state().region("cn-beijing-6");
        String image = region.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform) && i.isPublic)
                .findFirst()
                .orElseThrow()
                .id;
        Map<String, Object> p = new HashMap<>(Map.of(
                "ImageId",
                image,
                "SubnetId",
                region.defaultSubnetId,
                "SecurityGroupId",
                region.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B"));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return p;
    }

    @Test
    void aGoodOverlay_addsAParameterAndAnEnumValue_thatValidate_andReachTheSandbox() throws IOException {
        Path file = write("kec/2016-03-04/service.json", GOOD_KEC);
        ModelOverlays.Result result = ModelOverlays.load(dir);
        assertEquals(List.of(), result.problems());
        assertEquals(List.of(file), result.loaded());

        Validator builtIn = new Validator(ServiceModel.bundled());
        Validator overlaid = new Validator(result.model());
        Map<String, Object> stop = Map.of(
                "InstanceId", List.of("48de6f74-e287-45df-b55e-94266d77483f"), "StoppedMode", "OverlayHibernate");
        assertFalse(builtIn.validate("StopInstances", stop).isValid(), "the built-in model refuses the value");
        assertTrue(
                overlaid.validate("StopInstances", stop).isValid(),
                overlaid.validate("StopInstances", stop).describe());
        ValidationReport typo = overlaid.validate(
                "StopInstances",
                Map.of(
                        "InstanceId",
                        List.of("48de6f74-e287-45df-b55e-94266d77483f"),
                        "StoppedMode",
                        "OverlayHibernat"));
        assertTrue(
                typo.errors().get(0).suggestions().contains("OverlayHibernate"),
                "a typo of the new value gets a did-you-mean: " + typo.describe());

        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests().withModel(result.model()),
                ClientConfig.builder().model(result.model()))) {
            Map<String, Object> answer =
                    f.client.call("RunInstances", launch(f, "OverlayLaunchNote", "from the overlay"));
            String id = (String) ((Map<?, ?>) ((List<?>) answer.get("InstancesSet")).get(0)).get("InstanceId");
            f.sandbox.clock().advance(Duration.ofMinutes(1));
            f.client.call("StopInstances", Map.of("InstanceId", List.of(id), "StoppedMode", "OverlayHibernate"));
            Instance stopped =
                    f.sandbox.state().region("cn-beijing-6").instances.get(id);
            assertEquals("OverlayHibernate", stopped.stoppedMode, "the overlay's value reached the sandbox");
        }
    }

    @Test
    void theBuiltInSandbox_refusesAnOverlayParameter_soTheOverlayIsWhatLetsItThrough() throws IOException {
        write("kec/2016-03-04/service.json", GOOD_KEC);
        ModelOverlays.Result result = ModelOverlays.load(dir);
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests().withModel(ServiceModel.bundled()),
                ClientConfig.builder().model(result.model()).retryPolicy(RetryPolicy.none()))) {
            ServiceException e = assertThrows(
                    ServiceException.class, () -> f.client.call("RunInstances", launch(f, "OverlayLaunchNote", "x")));
            assertEquals("InvalidQueryParameter", e.code(), e.getMessage());
        }
    }

    @Test
    void badFiles_eachGiveOneErrorNamingFileAndEntry_andTheRestStillLoads() throws IOException {
        Path good = write("kec/2016-03-04/service.json", GOOD_KEC);
        Path unbounded = write("vpc/2016-03-04/service.json", """
            {"operations": {"CreateNetworkInterface": {"params": {"Description": {"type": "string", "doc": "no maxLength"}}}}}
            """);
        Path broken = write("sks/2015-11-01/service.json", "{\"operations\": {\"CreateKey\": ");
        Path misspelt = write("kex/2016-03-04/service.json", "{}");
        Path unknownEnum = write("cloud-market/v1/service.json", """
            {"operations": {"QueryImageList": {"params": {"Flavour": {"type": "string", "enum": "NoSuchEnum", "maxLength": 8, "doc": "d"}}}}}
            """);
        Path misplaced = write("kec/service.json", "{}");

        ModelOverlays.Result result = ModelOverlays.load(dir);

        assertEquals(List.of(good), result.loaded(), "the good file is used");
        Map<Path, String> byFile = new HashMap<>();
        result.problems().forEach(p -> byFile.put(p.file(), p.message()));
        assertEquals(5, result.problems().size(), result.problems().toString());
        assertTrue(
                byFile.get(unbounded).contains("vpc CreateNetworkInterface.Description: string without maxLength"),
                byFile.get(unbounded));
        assertTrue(
                byFile.get(broken).contains("is not valid JSON")
                        && byFile.get(broken).contains("line 1"),
                byFile.get(broken));
        assertTrue(
                byFile.get(misspelt).contains("no service 'kex'")
                        && byFile.get(misspelt).contains("did you mean"),
                byFile.get(misspelt));
        assertTrue(
                byFile.get(unknownEnum).contains("QueryImageList.Flavour")
                        && byFile.get(unknownEnum).contains("unknown enum NoSuchEnum"),
                byFile.get(unknownEnum));
        assertTrue(byFile.get(misplaced).contains("<service>/<version>/service.json"), byFile.get(misplaced));
        for (OverlayProblem p : result.problems()) {
            assertTrue(p.message().startsWith("kecsh: model overlay " + p.file() + ": "), p.message());
            assertFalse(p.message().contains("\n"), "one line: " + p.message());
        }

        // nothing else broke: the built-in vpc action and the good kec overlay both work
        Validator v = new Validator(result.model());
        assertTrue(v.validate(
                        "RunInstances",
                        Map.of(
                                "ImageId",
                                "48de6f74-e287-45df-b55e-94266d77483f",
                                "MinCount",
                                1,
                                "MaxCount",
                                1,
                                "ChargeType",
                                "HourlyInstantSettlement",
                                "SubnetId",
                                "48de6f74-e287-45df-b55e-94266d77483f",
                                "SecurityGroupId",
                                "48de6f74-e287-45df-b55e-94266d77483f",
                                "InstanceType",
                                "S4.2B",
                                "OverlayLaunchNote",
                                "n"))
                .isValid());
        assertFalse(result.model()
                .requireOperation("CreateNetworkInterface")
                .params()
                .containsKey("Description"));
        assertEquals(
                ServiceModel.bundled().operations().size(),
                result.model().operations().size());
    }

    @Test
    void anOverlay_onlyAdds_whatTheBuiltInModelHasStaysAsItIs() throws IOException {
        write("kec/2016-03-04/service.json", """
            {"operations": {
               "StartInstances": {"params": {"InstanceId": {"type": "string", "maxLength": 3, "doc": "narrower"}}},
               "DescribeOverlayThings": {"summary": "A new read", "titleZh": "新的查询", "source": "test overlay",
                 "group": "instances", "mutating": false,
                 "params": {"ThingId": {"type": "string", "format": "uuid", "doc": "a thing"}},
                 "output": {"type": "structure", "members": {"RequestId": {"type": "string"},
                   "Things": {"type": "list", "member": {"type": "string"}}}}}
            }}
            """);
        ModelOverlays.Result result = ModelOverlays.load(dir);
        assertEquals(List.of(), result.problems());
        assertEquals(
                ServiceModel.bundled()
                        .requireOperation("StartInstances")
                        .params()
                        .get("InstanceId")
                        .type(),
                result.model()
                        .requireOperation("StartInstances")
                        .params()
                        .get("InstanceId")
                        .type(),
                "the built-in parameter is kept");
        assertTrue(
                new Validator(result.model())
                        .validate("DescribeOverlayThings", Map.of("ThingId", "48de6f74-e287-45df-b55e-94266d77483f"))
                        .isValid(),
                "a new action validates");
        List<Problem> bad = new Validator(result.model())
                .validate("DescribeOverlayThings", Map.of("ThingId", "nope"))
                .errors();
        assertEquals("ThingId", bad.get(0).path());
    }

    @Test
    void aNewOverlayAction_isCheckedByTheSandbox_whichSaysItDoesNotEmulateIt() throws IOException {
        write("kec/2016-03-04/service.json", """
            {"operations": {"DescribeOverlayThings": {"summary": "A new read", "titleZh": "新的查询", "source": "test overlay",
               "group": "instances", "mutating": false,
               "params": {"ThingId": {"type": "string", "format": "uuid", "doc": "a thing"}},
               "output": {"type": "structure", "members": {"RequestId": {"type": "string"}}}}}}
            """);
        ServiceModel model = ModelOverlays.load(dir).model();
        try (SandboxFixture f = new SandboxFixture(
                SandboxOptions.forTests().withModel(model),
                ClientConfig.builder().model(model).retryPolicy(RetryPolicy.none()))) {
            ServiceException e = assertThrows(
                    ServiceException.class,
                    () -> f.client.call(
                            "DescribeOverlayThings", Map.of("ThingId", "48de6f74-e287-45df-b55e-94266d77483f")));
            assertEquals("NoSuchEntity", e.code(), e.getMessage());
            assertEquals(
                    0L,
                    f.client.call("DescribeInstances", Map.of()).get("InstanceCount"),
                    "the rest is served as before");
        }
    }

    @Test
    void anOverlayThatChangesAnExistingActionsRules_isRefused_namingTheEntry() throws IOException {
        Path file = write("kec/2016-03-04/service.json", """
            {"operations": {"RunInstances": {"rules": []}}}
            """);
        ModelOverlays.Result result = ModelOverlays.load(dir);
        assertEquals(1, result.problems().size());
        assertEquals(file, result.problems().get(0).file());
        assertEquals("operations.RunInstances.rules", result.problems().get(0).entry());
        assertSame(ServiceModel.bundled(), result.model(), "no overlay used: the built-in model itself");
    }

    @Test
    void noOverlayDirectory_isTheBuiltInModel() {
        assertSame(
                ServiceModel.bundled(),
                ModelOverlays.load(dir.resolve("absent")).model());
        assertSame(ServiceModel.bundled(), ModelOverlays.load(null).model());
    }
}
