package io.kecsh.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The example in docs/configuration.md is a real file: it parses, and every profile resolves cleanly. */
class ConfigurationDocTest {
    private static final Pattern INI_BLOCK = Pattern.compile("```ini\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path home;

    private static String documentedExample() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path doc = dir.resolve("docs/configuration.md");
            if (Files.isRegularFile(doc)) {
                Matcher m = INI_BLOCK.matcher(Files.readString(doc));
                assertTrue(m.find(), "docs/configuration.md has no ```ini example");
                return m.group(1);
            }
        }
        throw new AssertionError(
                "docs/configuration.md not found above " + Path.of("").toAbsolutePath());
    }

    private Settings resolve(String profile) {
        return new SettingsResolver(Map.of(), home).resolve(Overrides.none().withProfile(profile));
    }

    @Test
    void documentedExample_resolvesEveryProfileWithoutWarnings() throws IOException {
        ConfigFiles.write(home, documentedExample());

        Settings defaults = resolve("default");
        assertEquals(Optional.of("cn-beijing-6"), defaults.region(Cloud.KINGSOFT));
        assertEquals(Map.of("instanceType", "S4.2B", "chargeType", "Daily"), defaults.defaults());

        Settings prod = resolve("prod");
        assertTrue(prod.credentials(Cloud.KINGSOFT).isPresent()
                && prod.credentials(Cloud.ALIBABA).isPresent());
        assertEquals(Optional.of(URI.create("https://cloud-proxy.corp.example.com:8443")), prod.endpoint());
        assertEquals(
                List.of("image", "subnet", "securityGroup", "keyId", "instanceType", "chargeType").stream()
                        .sorted()
                        .toList(),
                prod.defaults().keySet().stream().sorted().toList());

        Settings audit = resolve("audit");
        assertTrue(audit.credentials(Cloud.ALIBABA).orElseThrow().credentials().sessionToken() != null);

        for (Settings s : List.of(defaults, prod, audit)) assertEquals(List.of(), s.warnings(), s.profile());
    }
}
