package io.kecsh.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.kecsh.runtime.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every text the config classes produce, checked against the actual secret strings used. */
class ConfigSecretsTest {
    private static final String FILE_KS_SECRET = "leakFileKs0aB1cD2eF3gH";
    private static final String FILE_ALI_SECRET = "leakFileAli4iJ5kL6mN7o";
    private static final String FILE_ALI_TOKEN = "leakFileTok8pQ9rS0tU1v";
    private static final String ENV_KS_SECRET = "leakEnvKs2wX3yZ4aB5cD";
    private static final String ENV_ALI_SECRET = "leakEnvAli6eF7gH8iJ9k";
    private static final String ENV_ALI_TOKEN = "leakEnvTok0lM1nO2pQ3r";
    private static final String EXPLICIT_SECRET = "leakExplicit4sT5uV6wX7";
    private static final String URL_PASSWORD = "leakUrlPw8yZ9aB0cD1eF";
    private static final List<String> SECRETS = List.of(
            FILE_KS_SECRET,
            FILE_ALI_SECRET,
            FILE_ALI_TOKEN,
            ENV_KS_SECRET,
            ENV_ALI_SECRET,
            ENV_ALI_TOKEN,
            EXPLICIT_SECRET,
            URL_PASSWORD);

    private static final String FILE = """
        [default]
        ksyun_access_key = AKLTfileLeak0001
        ksyun_secret_key = %s
        alibaba_access_key_id = LTAIfileLeak0001
        alibaba_access_key_secret = %s
        alibaba_security_token = %s
        region = cn-bejing-6
        default.instance_type = S4.2X
        """.formatted(FILE_KS_SECRET, FILE_ALI_SECRET, FILE_ALI_TOKEN);

    @TempDir
    Path home;

    private static void assertNoSecret(String text) {
        for (String secret : SECRETS) {
            assertFalse(text.contains(secret), () -> "a secret leaked into: " + text);
        }
    }

    private ConfigException failure(Map<String, String> env, Overrides overrides) {
        return assertThrows(ConfigException.class, () -> new SettingsResolver(env, home).resolve(overrides));
    }

    @Test
    void settingsText_fromEveryLevel_holdsNoSecret() throws IOException {
        ConfigFiles.write(home, FILE, "rw-r--r--");
        Map<String, String> env = Map.of(
                "ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvLeak00001",
                "ALIBABA_CLOUD_ACCESS_KEY_SECRET", ENV_ALI_SECRET,
                "ALIBABA_CLOUD_SECURITY_TOKEN", ENV_ALI_TOKEN);
        Overrides overrides = Overrides.none().withKingsoft(new Credentials("AKLTexplicitLeak1", EXPLICIT_SECRET));
        Settings settings = new SettingsResolver(env, home).resolve(overrides);

        // The secrets did arrive, so the texts below had something to leak.
        assertEquals(
                EXPLICIT_SECRET,
                settings.credentials(Cloud.KINGSOFT).orElseThrow().credentials().secret());
        assertEquals(
                ENV_ALI_TOKEN,
                settings.credentials(Cloud.ALIBABA).orElseThrow().credentials().sessionToken());

        List<String> texts = new ArrayList<>(settings.warnings());
        texts.add(settings.describe());
        texts.add(settings.toString());
        texts.add(overrides.toString());
        for (Cloud cloud : Cloud.values())
            texts.add(settings.credentials(cloud).orElseThrow().toString());
        ProfileFile file = new ProfileFileParser().parse(home.resolve(".kecsh/config"));
        texts.add(file.toString());
        texts.add(file.profile("default").orElseThrow().toString());
        texts.add(file.profile("default")
                .orElseThrow()
                .credentials(Cloud.ALIBABA)
                .orElseThrow()
                .toString());
        assertFalse(settings.warnings().isEmpty());
        texts.forEach(ConfigSecretsTest::assertNoSecret);
    }

    @Test
    void fileErrors_holdNoSecret() throws IOException {
        Path file = ConfigFiles.write(
                home, """
            [default]
            ksyun_secret_key: %1$s
            ksyun_secret_key = %1$s trailing comment
            alibaba_access_key_secret = %2$s
            %3$s = x
            endpoint = https://admin:%4$s@proxy.example.com
            [profile sts]
            alibaba_security_token = %5$s
            unknown_key = %1$s
            """.formatted(FILE_KS_SECRET, FILE_ALI_SECRET, FILE_ALI_TOKEN, URL_PASSWORD, FILE_ALI_TOKEN));
        ConfigException e = failure(Map.of(), Overrides.none());

        assertEquals(7, e.problems().size(), e.getMessage());
        assertNoSecret(e.getMessage());
        assertNoSecret(e.toString());
        e.problems().forEach(ConfigSecretsTest::assertNoSecret);
        assertEquals(
                file + ":2: expected 'key = value' (use '=' rather than ':')",
                e.problems().get(0));
    }

    @Test
    void environmentAndOverrideErrors_holdNoSecret() throws IOException {
        ConfigFiles.write(home, FILE);
        Map<String, String> env = new HashMap<>();
        env.put("KSYUN_SECRET_KEY", ENV_KS_SECRET);
        env.put("ALIBABA_CLOUD_SECURITY_TOKEN", ENV_ALI_TOKEN);
        env.put("KECSH_PROFILE", "missing");
        ConfigException e = failure(
                env, Overrides.none().withEndpoint(URI.create("https://admin:" + URL_PASSWORD + "@proxy.example.com")));

        assertEquals(4, e.problems().size(), e.getMessage());
        assertNoSecret(e.getMessage());
        assertNoSecret(e.toString());
    }
}
