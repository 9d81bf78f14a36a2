package io.kecsh.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.auth.Credentials;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsTest {
    @Test
    void none_isTheDefaultProfileWithNothingSet() {
        Settings settings = Settings.none();
        assertEquals("default", settings.profile());
        assertFalse(settings.hasAnyCredentials());
        assertEquals("profile 'default'; no credentials (sandbox)", settings.describe());
    }

    @Test
    void builder_setsEveryValue_andTheResultIsUnmodifiable() {
        Settings settings = Settings.builder()
                .profile("ci")
                .credentials(
                        Cloud.KINGSOFT,
                        new CloudCredentials(new Credentials("AKLTbuilder00001", "builderSecret1"), "explicit"))
                .region(Cloud.KINGSOFT, "cn-shanghai-2")
                .endpoint(URI.create("http://127.0.0.1:8080"))
                .defaultValue("instanceType", "S4.2B")
                .warning("careful")
                .build();

        assertEquals("ci", settings.profile());
        assertTrue(settings.hasAnyCredentials());
        assertEquals(Optional.of("cn-shanghai-2"), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.empty(), settings.region(Cloud.ALIBABA));
        assertEquals(Map.of("instanceType", "S4.2B"), settings.defaults());
        assertEquals(List.of("careful"), settings.warnings());
        assertThrows(
                UnsupportedOperationException.class, () -> settings.defaults().put("image", "x"));
        assertThrows(
                UnsupportedOperationException.class, () -> settings.warnings().add("x"));
        assertEquals(
                "profile 'ci'; Kingsoft Cloud: cn-shanghai-2, key AKLT…01 from explicit; endpoint http://127.0.0.1:8080",
                settings.describe());
        assertEquals("Settings[" + settings.describe() + "; defaults {instanceType=S4.2B}]", settings.toString());
    }

    @Test
    void builder_changedAfterBuild_doesNotChangeTheSettings() {
        Settings.Builder builder = Settings.builder().defaultValue("image", "IMG-1");
        Settings first = builder.build();
        builder.defaultValue("subnet", "SUB-1").warning("later");
        assertEquals(Map.of("image", "IMG-1"), first.defaults());
        assertEquals(List.of(), first.warnings());
    }

    @Test
    void overrides_blankProfileAndRegion_meanNotGiven() {
        Overrides overrides = new Overrides(" ", "", null, null, null);
        assertNull(overrides.profile());
        assertNull(overrides.region());
        assertEquals(Overrides.none(), overrides);
        assertEquals("prod", Overrides.none().withProfile(" prod ").profile());
    }

    @Test
    void overrides_withers_changeOnlyTheirComponent() {
        Credentials kingsoft = new Credentials("AKLTwither00001", "witherSecret1");
        Credentials alibaba = new Credentials("LTAIwither00001", "witherSecret2", "witherToken3");
        Overrides overrides = Overrides.none()
                .withRegion("cn-beijing-6")
                .withKingsoft(kingsoft)
                .withAlibaba(alibaba)
                .withEndpoint(URI.create("https://e.example"));
        assertEquals(
                new Overrides(null, "cn-beijing-6", URI.create("https://e.example"), kingsoft, alibaba), overrides);
        assertEquals(kingsoft, overrides.credentials(Cloud.KINGSOFT));
        assertEquals(alibaba, overrides.credentials(Cloud.ALIBABA));
    }

    @Test
    void cloudCredentials_describe_showsTheMaskedKeyAndSource() {
        CloudCredentials c = new CloudCredentials(
                new Credentials("LTAI5tAbCdEfGh12", "s3cr3tValue", "t0kenValue"),
                "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)");
        assertEquals("LTAI…12 from environment (ALIBABA_CLOUD_ACCESS_KEY_ID)", c.describe());
        assertEquals(
                "CloudCredentials[LTAI…12 from environment (ALIBABA_CLOUD_ACCESS_KEY_ID), with token]", c.toString());
    }

    @Test
    void profileKey_spellingsAndDefaultNames_areTheDocumentedOnes() {
        assertEquals(
                List.of(
                        "ksyun_access_key",
                        "ksyun_secret_key",
                        "alibaba_access_key_id",
                        "alibaba_access_key_secret",
                        "alibaba_security_token",
                        "region",
                        "alibaba_region",
                        "endpoint",
                        "default.image",
                        "default.subnet",
                        "default.security_group",
                        "default.charge_type",
                        "default.key_id",
                        "default.instance_type"),
                ProfileKey.allKeys());
        assertEquals(Optional.of("securityGroup"), ProfileKey.DEFAULT_SECURITY_GROUP.defaultName());
        assertEquals(Optional.empty(), ProfileKey.REGION.defaultName());
        assertTrue(ProfileKey.ALIBABA_SECURITY_TOKEN.secret());
        assertFalse(ProfileKey.KSYUN_ACCESS_KEY.secret());
    }

    @Test
    void configException_withoutProblems_isABug() {
        assertThrows(IllegalArgumentException.class, () -> new ConfigException(List.of()));
    }
}
