package io.kecsh.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.auth.Credentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileFileParserTest {
    private static final Path FILE = Path.of("/home/u/.kecsh/config");
    private static final String KS_SECRET = "ksSecret9Qw8Er7Ty6Ui5Op4";
    private static final String ALI_SECRET = "aliSecretZx1Cv2Bn3Mm4Lk5";
    private static final String ALI_TOKEN = "aliTokenPo9Iu8Yt7Re6Wq5";

    private final ProfileFileParser parser = new ProfileFileParser();

    private ConfigException failure(String text) {
        return assertThrows(ConfigException.class, () -> parser.parse(text, FILE));
    }

    @Test
    void parse_defaultAndNamedProfiles_keepsEachProfilesValuesApart() {
        ProfileFile file = parser.parse("""
            # my clouds
            [default]
            ksyun_access_key = AKLTdefault01
            ksyun_secret_key = %s
            region = cn-beijing-6

            ; production
            [profile prod]
            region=cn-shanghai-2
            alibaba_access_key_id = LTAIprod0001
            alibaba_access_key_secret = %s
            alibaba_security_token = %s
            alibaba_region = cn-hangzhou
            endpoint = https://proxy.example.com:8443/kec
            """.formatted(KS_SECRET, ALI_SECRET, ALI_TOKEN), FILE);

        assertEquals(List.of("default", "prod"), file.profileNames());
        Profile defaults = file.profile("default").orElseThrow();
        assertEquals(Optional.of(new Credentials("AKLTdefault01", KS_SECRET)), defaults.credentials(Cloud.KINGSOFT));
        assertEquals(Optional.empty(), defaults.credentials(Cloud.ALIBABA));
        assertEquals(Optional.of("cn-beijing-6"), defaults.value(ProfileKey.REGION));
        assertEquals(OptionalInt.of(5), defaults.lineOf(ProfileKey.REGION));
        assertEquals(2, defaults.line());

        Profile prod = file.profile("prod").orElseThrow();
        assertEquals(
                Optional.of(new Credentials("LTAIprod0001", ALI_SECRET, ALI_TOKEN)), prod.credentials(Cloud.ALIBABA));
        assertEquals(Optional.empty(), prod.credentials(Cloud.KINGSOFT));
        assertEquals(Optional.of("cn-shanghai-2"), prod.value(ProfileKey.REGION));
        assertEquals(Optional.of("cn-hangzhou"), prod.value(ProfileKey.ALIBABA_REGION));
        assertEquals(Optional.of("https://proxy.example.com:8443/kec"), prod.value(ProfileKey.ENDPOINT));
        assertEquals("/home/u/.kecsh/config:10", prod.location(ProfileKey.ALIBABA_ACCESS_KEY_ID));
    }

    @Test
    void parse_defaultKeys_mapToTheDslNames() {
        Profile profile = parser.parse("""
            [default]
            default.instance_type = S4.2B
            default.image = IMG-7f3b6d2a-7c3e-4a47-9b5f-2f1d6c0e9a11
            default.subnet = 9c1e2f3a-0000-4b5c-8d9e-112233445566
            default.security_group = 0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
            default.charge_type = Daily
            default.key_id = 5f6e7d8c-1111-4222-8333-944455566677
            """, FILE).profile("default").orElseThrow();

        assertEquals(
                Map.of(
                        "image", "IMG-7f3b6d2a-7c3e-4a47-9b5f-2f1d6c0e9a11",
                        "subnet", "9c1e2f3a-0000-4b5c-8d9e-112233445566",
                        "securityGroup", "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
                        "chargeType", "Daily",
                        "keyId", "5f6e7d8c-1111-4222-8333-944455566677",
                        "instanceType", "S4.2B"),
                profile.defaults());
        assertEquals(
                List.of("image", "subnet", "securityGroup", "chargeType", "keyId", "instanceType"),
                List.copyOf(profile.defaults().keySet()));
        assertFalse(profile.holdsSecrets());
    }

    @Test
    void parse_valueWithEqualsAndHash_keepsTheWholeValue() {
        // Whole-line comments only: a secret ending in '=' or holding '#' stays intact.
        Profile profile = parser.parse("""
            [default]
            ksyun_access_key = AKLTabc
            ksyun_secret_key = ab#cd+ef/gh==
            """, FILE).profile("default").orElseThrow();
        assertEquals(
                "ab#cd+ef/gh==",
                profile.credentials(Cloud.KINGSOFT).orElseThrow().secret());
    }

    @Test
    void parse_byteOrderMarkAndWindowsLineEndings_areAccepted() {
        ProfileFile file = parser.parse("\uFEFF[default]\r\nregion = cn-beijing-6\r\n", FILE);
        assertEquals(
                Optional.of("cn-beijing-6"),
                file.profile("default").orElseThrow().value(ProfileKey.REGION));
    }

    @Test
    void parse_profileDefaultSpelledAsNamedProfile_isTheDefaultProfile() {
        ProfileFile file = parser.parse("[profile default]\nregion = cn-beijing-6\n", FILE);
        assertEquals(List.of("default"), file.profileNames());
    }

    @Test
    void parse_emptyText_hasNoProfiles() {
        assertEquals(List.of(), parser.parse("# nothing yet\n\n", FILE).profileNames());
    }

    @Test
    void parse_fromDisk_readsTheFile(@TempDir Path home) throws Exception {
        Path file = ConfigFiles.write(home, "[profile ci]\nregion = cn-guangzhou-1\n");
        ProfileFile parsed = parser.parse(file);
        assertEquals(file, parsed.path());
        assertEquals(
                Optional.of("cn-guangzhou-1"),
                parsed.profile("ci").orElseThrow().value(ProfileKey.REGION));
    }

    @Test
    void parse_invalidUtf8_isReportedWithoutContent(@TempDir Path home) throws Exception {
        Path file = home.resolve("config");
        Files.write(file, new byte[] {'[', 'd', ']', '\n', (byte) 0xC3, (byte) 0x28});
        ConfigException e = assertThrows(ConfigException.class, () -> parser.parse(file));
        assertEquals(file + ": not valid UTF-8 text", e.getMessage());
    }

    @Test
    void parse_lineWithoutEquals_isReportedWithFileAndLine_andNotEchoed() {
        ConfigException e = failure("""
            [default]
            ksyun_access_key = AKLTabc
            ksyun_secret_key: %s
            """.formatted(KS_SECRET));
        assertTrue(
                e.problems().contains("/home/u/.kecsh/config:3: expected 'key = value' (use '=' rather than ':')"),
                e.getMessage());
        assertFalse(e.getMessage().contains(KS_SECRET));
    }

    @Test
    void parse_secretPastedAsAKey_isNotEchoed() {
        ConfigException e = failure("[default]\n" + KS_SECRET + " x = y\n");
        assertEquals(1, e.problems().size());
        assertEquals(
                "/home/u/.kecsh/config:2: the text before '=' is not a key (not shown, in case it is a secret);"
                        + " keys are " + String.join(", ", ProfileKey.allKeys()),
                e.getMessage());
        assertFalse(e.getMessage().contains(KS_SECRET));
    }

    @Test
    void parse_unknownKey_suggestsTheClosestKnownKey() {
        ConfigException e = failure("""
            [default]
            ksyun_secret = %s
            defaults.image = IMG-1
            regoin = cn-beijing-6
            """.formatted(KS_SECRET));
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:2: unknown key 'ksyun_secret' (did you mean ksyun_secret_key?)",
                        "/home/u/.kecsh/config:3: unknown key 'defaults.image' (did you mean default.image?)",
                        "/home/u/.kecsh/config:4: unknown key 'regoin' (did you mean region?)"),
                e.problems());
        assertFalse(e.getMessage().contains(KS_SECRET));
    }

    @Test
    void parse_regionalDefault_needsARegionNameAndIsSetOnce() {
        ConfigException e = failure("""
            [default]
            default.cn-shanghai-2.subnet = a
            default.cn-shanghai-2.subnet = b
            default.cn_shanghai.subnet = c
            default.cn-shanghai-2.subnt = d
            """);
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:3: 'default.cn-shanghai-2.subnet' is already set at line 2 of profile 'default'",
                        "/home/u/.kecsh/config:4: default.cn_shanghai.subnet: 'cn_shanghai' is not a region name"
                                + " (letters, digits and single hyphens, as in cn-beijing-6)",
                        "/home/u/.kecsh/config:5: unknown key 'default.cn-shanghai-2.subnt' (did you mean default.cn-shanghai-2.subnet?)"),
                e.problems());
    }

    @Test
    void parse_secretPastedWhereTheKeyGoes_isNotEchoed() {
        ConfigException e = failure("[default]\n" + KS_SECRET + " = x\n");
        assertTrue(
                e.getMessage().startsWith("/home/u/.kecsh/config:2: the text before '=' is not a key (not shown"),
                e.getMessage());
        assertFalse(e.getMessage().contains(KS_SECRET));
    }

    @Test
    void parse_plainUnknownKeyWithoutSuggestion_isNamed() {
        ConfigException e = failure("[default]\ncolour = blue\n");
        assertEquals(List.of("/home/u/.kecsh/config:2: unknown key 'colour'"), e.problems());
    }

    @Test
    void parse_keyInWrongCase_suggestsTheRightSpelling() {
        ConfigException e = failure("[default]\nRegion = cn-beijing-6\n");
        assertEquals(List.of("/home/u/.kecsh/config:2: unknown key 'Region' (did you mean region?)"), e.problems());
    }

    @Test
    void parse_halfKingsoftPair_namesTheMissingKeyAtTheLineOfThePresentOne() {
        ConfigException e = failure("""
            [profile prod]
            region = cn-beijing-6
            ksyun_secret_key = %s
            """.formatted(KS_SECRET));
        assertEquals(
                List.of("/home/u/.kecsh/config:3: profile 'prod' sets ksyun_secret_key but not ksyun_access_key"),
                e.problems());
        assertFalse(e.getMessage().contains(KS_SECRET));
    }

    @Test
    void parse_halfAlibabaPairAndLoneToken_areBothReported() {
        ConfigException e = failure("""
            [default]
            alibaba_access_key_id = LTAIdefault
            [profile sts]
            alibaba_security_token = %s
            """.formatted(ALI_TOKEN));
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:2: profile 'default' sets alibaba_access_key_id but not alibaba_access_key_secret",
                        "/home/u/.kecsh/config:4: profile 'sts' sets alibaba_security_token without alibaba_access_key_id"
                                + " and alibaba_access_key_secret"),
                e.problems());
        assertFalse(e.getMessage().contains(ALI_TOKEN));
    }

    @Test
    void parse_problemsFoundAtTheEnd_areStillListedInLineOrder() {
        ConfigException e = failure("""
            [default]
            ksyun_access_key = AKLTabc
            [profile x]
            not a key value line
            """);
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:2: profile 'default' sets ksyun_access_key but not ksyun_secret_key",
                        "/home/u/.kecsh/config:4: expected 'key = value'"),
                e.problems());
    }

    @Test
    void parse_sectionMistakes_areExplained() {
        ConfigException e = failure("""
            region = cn-beijing-6
            [prod]
            region = cn-beijing-6
            [profile two words]
            [default
            [default]
            [profile prod]
            [profile prod]
            """);
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:1: 'region' comes before any [default] or [profile NAME] section",
                        "/home/u/.kecsh/config:2: write [profile prod] (only [default] goes without 'profile')",
                        "/home/u/.kecsh/config:4: a section header is [default] or [profile NAME], where NAME is letters,"
                                + " digits, '.', '_' or '-'",
                        "/home/u/.kecsh/config:5: a section header must end with ']'",
                        "/home/u/.kecsh/config:8: profile 'prod' is already defined at line 7"),
                e.problems());
    }

    @Test
    void parse_repeatedKeyAndEmptyValue_areReported() {
        ConfigException e = failure("""
            [default]
            region = cn-beijing-6
            region = cn-shanghai-2
            ksyun_access_key =
            = value
            """);
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:3: 'region' is already set at line 2 of profile 'default'",
                        "/home/u/.kecsh/config:4: 'ksyun_access_key' has no value",
                        "/home/u/.kecsh/config:5: expected 'key = value' but there is no key before '='"),
                e.problems());
    }

    @Test
    void parse_secretWithTrailingComment_isRefusedWithoutEchoingIt() {
        ConfigException e = failure("""
            [default]
            ksyun_access_key = AKLTabc
            ksyun_secret_key = %s # the old one
            """.formatted(KS_SECRET));
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:3: 'ksyun_secret_key' contains a space (comments go on a line of their own)"),
                e.problems());
    }

    @Test
    void parse_badRegionAndEndpoints_areReportedWithoutEchoingEndpoints() {
        ConfigException e = failure("""
            [default]
            region = cn beijing/6
            [profile a]
            endpoint = kec.api.ksyun.com
            [profile b]
            endpoint = https://admin:%s@proxy.example.com
            [profile c]
            endpoint = https://proxy.example.com/?x=1
            [profile d]
            endpoint = http://[broken
            """.formatted(KS_SECRET));
        assertEquals(
                List.of(
                        "/home/u/.kecsh/config:2: region: 'cn beijing/6' is not a region name (letters, digits and single"
                                + " hyphens, as in cn-beijing-6)",
                        "/home/u/.kecsh/config:4: endpoint must start with http:// or https://",
                        "/home/u/.kecsh/config:6: endpoint must not contain user information (user:password@)",
                        "/home/u/.kecsh/config:8: endpoint must not have a query (?…) or fragment (#…): the client adds its own"
                                + " query"),
                e.problems().subList(0, 4));
        // The JDK words the reason; only the prefix is ours.
        assertTrue(
                e.problems().get(4).startsWith("/home/u/.kecsh/config:10: endpoint is not a valid URI ("),
                e.problems().get(4));
        assertEquals(5, e.problems().size());
        assertFalse(e.getMessage().contains(KS_SECRET));
    }

    @Test
    void configException_withSeveralProblems_countsThemInItsMessage() {
        ConfigException e = failure("[default]\nfoo = 1\nbar = 2\n");
        assertTrue(
                e.getMessage().startsWith("2 configuration problems:\n  /home/u/.kecsh/config:2: unknown key 'foo'"),
                e.getMessage());
    }

    @Test
    void profileToString_namesKeysButNotValues() {
        ProfileFile file = parser.parse("""
            [default]
            ksyun_access_key = AKLTvisible01
            ksyun_secret_key = %s
            alibaba_access_key_id = LTAIvisible02
            alibaba_access_key_secret = %s
            alibaba_security_token = %s
            """.formatted(KS_SECRET, ALI_SECRET, ALI_TOKEN), FILE);
        Profile profile = file.profile("default").orElseThrow();
        String shown =
                profile + " " + file + " " + profile.credentials(Cloud.KINGSOFT).orElseThrow() + " "
                        + profile.credentials(Cloud.ALIBABA).orElseThrow();
        assertTrue(shown.contains("ksyun_secret_key"), shown);
        for (String secret : List.of(KS_SECRET, ALI_SECRET, ALI_TOKEN)) {
            assertFalse(shown.contains(secret), () -> "leaked a secret: " + shown);
        }
        assertTrue(file.holdsSecrets());
    }
}
