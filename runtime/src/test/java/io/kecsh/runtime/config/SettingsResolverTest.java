package io.kecsh.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kecsh.runtime.auth.Credentials;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {
    private static final String FILE_KS_SECRET = "fileKsSecret1Aa2Bb3Cc4Dd";
    private static final String FILE_ALI_SECRET = "fileAliSecret5Ee6Ff7Gg8";
    private static final String ENV_KS_SECRET = "envKsSecret9Hh0Ii1Jj2Kk";
    private static final String ENV_ALI_SECRET = "envAliSecret3Ll4Mm5Nn6";
    private static final String ENV_ALI_TOKEN = "envAliToken7Oo8Pp9Qq0";
    private static final String EXPLICIT_KS_SECRET = "explicitKsSecretRr1Ss2";
    private static final String EXPLICIT_ALI_SECRET = "explicitAliSecretTt3Uu4";

    /** A default profile with both clouds, regions, an endpoint and a prod profile. */
    private static final String FULL_FILE = """
        [default]
        ksyun_access_key = AKLTfileDefault01
        ksyun_secret_key = %1$s
        alibaba_access_key_id = LTAIfileDefault01
        alibaba_access_key_secret = %2$s
        region = cn-beijing-6
        alibaba_region = cn-hangzhou
        endpoint = http://127.0.0.1:9000

        [profile prod]
        ksyun_access_key = AKLTfileProd0001
        ksyun_secret_key = %1$s
        region = cn-shanghai-2
        default.instance_type = S4.2B
        """.formatted(FILE_KS_SECRET, FILE_ALI_SECRET);

    @TempDir
    Path home;

    private final Map<String, String> env = new HashMap<>();

    private Settings resolve() {
        return resolve(Overrides.none());
    }

    private Settings resolve(Overrides overrides) {
        return new SettingsResolver(env, home).resolve(overrides);
    }

    private ConfigException failure(Overrides overrides) {
        return assertThrows(ConfigException.class, () -> resolve(overrides));
    }

    private Path configFile() {
        return home.resolve(".kecsh").resolve("config");
    }

    private void setEnvironmentCredentials() {
        env.put("KSYUN_ACCESS_KEY", "AKLTenvironment01");
        env.put("KSYUN_SECRET_KEY", ENV_KS_SECRET);
        env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvironment01");
        env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ENV_ALI_SECRET);
    }

    private static String secretOf(Settings settings, Cloud cloud) {
        return settings.credentials(cloud).orElseThrow().credentials().secret();
    }

    // --- nothing configured -------------------------------------------------------------------

    @Test
    void resolve_noFileAndNoEnvironment_hasNoCredentialsSoTheSandbox() {
        Settings settings = resolve();
        assertEquals("default", settings.profile());
        assertFalse(settings.hasAnyCredentials());
        assertEquals(Optional.empty(), settings.credentials(Cloud.KINGSOFT));
        assertEquals(Optional.empty(), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.empty(), settings.endpoint());
        assertEquals(Map.of(), settings.defaults());
        assertEquals(List.of(), settings.warnings());
        assertEquals("profile 'default'; no credentials (sandbox)", settings.describe());
    }

    @Test
    void resolve_nullOverrides_meansNone() {
        assertEquals("default", new SettingsResolver(env, home).resolve(null).profile());
    }

    @Test
    void resolve_noHomeDirectory_usesEnvironmentOnly() {
        setEnvironmentCredentials();
        Settings settings = new SettingsResolver(env, null).resolve(Overrides.none());
        assertEquals(ENV_KS_SECRET, secretOf(settings, Cloud.KINGSOFT));
    }

    @Test
    void configFile_isDotKecshConfigUnderHome() {
        assertEquals(Optional.of(configFile()), new SettingsResolver(env, home).configFile());
    }

    // --- the profile file alone ---------------------------------------------------------------

    @Test
    void resolve_profileFileOnly_takesTheDefaultProfile() throws IOException {
        Path file = ConfigFiles.write(home, FULL_FILE);
        Settings settings = resolve();

        assertEquals(
                new Credentials("AKLTfileDefault01", FILE_KS_SECRET),
                settings.credentials(Cloud.KINGSOFT).orElseThrow().credentials());
        assertEquals(
                "profile 'default' in " + file,
                settings.credentials(Cloud.KINGSOFT).orElseThrow().source());
        assertEquals(
                new Credentials("LTAIfileDefault01", FILE_ALI_SECRET),
                settings.credentials(Cloud.ALIBABA).orElseThrow().credentials());
        assertEquals(Optional.of("cn-beijing-6"), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.of("cn-hangzhou"), settings.region(Cloud.ALIBABA));
        assertEquals(Optional.of(URI.create("http://127.0.0.1:9000")), settings.endpoint());
        assertTrue(settings.hasAnyCredentials());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void resolve_fileWithoutDefaultProfile_isFineWhenNoProfileIsChosen() throws IOException {
        ConfigFiles.write(home, "[profile prod]\nregion = cn-shanghai-2\n");
        Settings settings = resolve();
        assertEquals("default", settings.profile());
        assertEquals(Optional.empty(), settings.region(Cloud.KINGSOFT));
    }

    @Test
    void resolve_namedProfile_doesNotInheritFromDefault() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        Settings settings = resolve(Overrides.none().withProfile("prod"));
        assertEquals("prod", settings.profile());
        assertEquals(
                "AKLTfileProd0001",
                settings.credentials(Cloud.KINGSOFT).orElseThrow().credentials().accessKeyId());
        assertEquals(Optional.of("cn-shanghai-2"), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.empty(), settings.credentials(Cloud.ALIBABA));
        assertEquals(Optional.empty(), settings.region(Cloud.ALIBABA));
        assertEquals(Optional.empty(), settings.endpoint());
        assertEquals(Map.of("instanceType", "S4.2B"), settings.defaults());
    }

    @Test
    void resolve_kecshProfileVariable_choosesTheProfile() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        env.put("KECSH_PROFILE", "prod");
        Settings settings = resolve();
        assertEquals("prod", settings.profile());
        assertEquals(Optional.of("cn-shanghai-2"), settings.region(Cloud.KINGSOFT));
    }

    @Test
    void resolve_explicitProfile_winsOverKecshProfile() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        env.put("KECSH_PROFILE", "prod");
        Settings settings = resolve(Overrides.none().withProfile("default"));
        assertEquals("default", settings.profile());
        assertEquals(Optional.of("cn-beijing-6"), settings.region(Cloud.KINGSOFT));
    }

    @Test
    void resolve_blankVariables_countAsUnset() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        env.put("KECSH_PROFILE", "");
        env.put("KSYUN_REGION", "  ");
        env.put("KSYUN_ACCESS_KEY", "");
        Settings settings = resolve();
        assertEquals("default", settings.profile());
        assertEquals(Optional.of("cn-beijing-6"), settings.region(Cloud.KINGSOFT));
        assertEquals(FILE_KS_SECRET, secretOf(settings, Cloud.KINGSOFT));
    }

    // --- environment over file ----------------------------------------------------------------

    @Test
    void resolve_environmentCredentials_winOverTheFile_andSayWhereTheyCameFrom() throws IOException {
        Path file = ConfigFiles.write(home, FULL_FILE);
        setEnvironmentCredentials();
        Settings settings = resolve();

        assertEquals(ENV_KS_SECRET, secretOf(settings, Cloud.KINGSOFT));
        assertEquals(
                "environment (KSYUN_ACCESS_KEY)",
                settings.credentials(Cloud.KINGSOFT).orElseThrow().source());
        assertEquals(ENV_ALI_SECRET, secretOf(settings, Cloud.ALIBABA));
        assertEquals(
                "environment (ALIBABA_CLOUD_ACCESS_KEY_ID)",
                settings.credentials(Cloud.ALIBABA).orElseThrow().source());
        assertEquals(
                List.of(
                        "Kingsoft Cloud credentials from environment (KSYUN_ACCESS_KEY) take precedence over those in profile"
                                + " 'default' in " + file + " (line 2)",
                        "Alibaba Cloud credentials from environment (ALIBABA_CLOUD_ACCESS_KEY_ID) take precedence over those in"
                                + " profile 'default' in " + file + " (line 4)"),
                settings.warnings());
    }

    @Test
    void resolve_environmentForOneCloud_leavesTheOtherCloudToTheFile() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvironment01");
        env.put("ALIBABA_CLOUD_ACCESS_KEY_SECRET", ENV_ALI_SECRET);
        Settings settings = resolve();
        assertEquals(ENV_ALI_SECRET, secretOf(settings, Cloud.ALIBABA));
        assertEquals(FILE_KS_SECRET, secretOf(settings, Cloud.KINGSOFT));
    }

    @Test
    void resolve_alibabaSecurityToken_comesWithTheEnvironmentPair() {
        setEnvironmentCredentials();
        env.put("ALIBABA_CLOUD_SECURITY_TOKEN", ENV_ALI_TOKEN);
        Settings settings = resolve();
        assertEquals(
                ENV_ALI_TOKEN,
                settings.credentials(Cloud.ALIBABA).orElseThrow().credentials().sessionToken());
        assertEquals(
                null,
                settings.credentials(Cloud.KINGSOFT).orElseThrow().credentials().sessionToken());
    }

    @Test
    void resolve_environmentRegions_winOverTheFile() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        env.put("KSYUN_REGION", "cn-guangzhou-1");
        env.put("ALIBABA_CLOUD_REGION_ID", "cn-shanghai");
        Settings settings = resolve();
        assertEquals(Optional.of("cn-guangzhou-1"), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.of("cn-shanghai"), settings.region(Cloud.ALIBABA));
    }

    @Test
    void resolve_environmentValues_areTrimmed() {
        env.put("KSYUN_ACCESS_KEY", " AKLTenvironment01\n");
        env.put("KSYUN_SECRET_KEY", ENV_KS_SECRET + "\n");
        env.put("KSYUN_REGION", "cn-beijing-6 ");
        Settings settings = resolve();
        assertEquals(
                new Credentials("AKLTenvironment01", ENV_KS_SECRET),
                settings.credentials(Cloud.KINGSOFT).orElseThrow().credentials());
        assertEquals(Optional.of("cn-beijing-6"), settings.region(Cloud.KINGSOFT));
    }

    // --- explicit over environment ------------------------------------------------------------

    @Test
    void resolve_explicitValues_winOverEnvironmentAndFile() throws IOException {
        ConfigFiles.write(home, FULL_FILE);
        setEnvironmentCredentials();
        env.put("KSYUN_REGION", "cn-guangzhou-1");
        Settings settings = resolve(new Overrides(
                null,
                "cn-hongkong-2",
                URI.create("https://kec.internal.example"),
                new Credentials("AKLTexplicit0001", EXPLICIT_KS_SECRET),
                new Credentials("LTAIexplicit0001", EXPLICIT_ALI_SECRET)));

        assertEquals(EXPLICIT_KS_SECRET, secretOf(settings, Cloud.KINGSOFT));
        assertEquals(
                "explicit", settings.credentials(Cloud.KINGSOFT).orElseThrow().source());
        assertEquals(EXPLICIT_ALI_SECRET, secretOf(settings, Cloud.ALIBABA));
        assertEquals(Optional.of("cn-hongkong-2"), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.of(URI.create("https://kec.internal.example")), settings.endpoint());
        // Explicit keys shadowing others is intended; nothing to warn about.
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void resolve_explicitRegion_isKingsoftsAndLeavesAlibabasAlone() {
        env.put("ALIBABA_CLOUD_REGION_ID", "cn-shanghai");
        Settings settings = resolve(Overrides.none().withRegion("cn-hongkong-2"));
        assertEquals(Optional.of("cn-hongkong-2"), settings.region(Cloud.KINGSOFT));
        assertEquals(Optional.of("cn-shanghai"), settings.region(Cloud.ALIBABA));
    }

    @Test
    void resolve_explicitCredentials_makeABrokenEnvironmentPairIrrelevant() {
        env.put("KSYUN_ACCESS_KEY", "AKLTenvironment01");
        Settings settings =
                resolve(Overrides.none().withKingsoft(new Credentials("AKLTexplicit0001", EXPLICIT_KS_SECRET)));
        assertEquals(EXPLICIT_KS_SECRET, secretOf(settings, Cloud.KINGSOFT));
    }

    @Test
    void resolve_explicitEndpointThatIsNotHttp_isAProblem() {
        ConfigException e = failure(Overrides.none().withEndpoint(URI.create("ftp://proxy.example.com")));
        assertEquals(List.of("endpoint given explicitly: endpoint must start with http:// or https://"), e.problems());
    }

    @Test
    void resolve_malformedRegionFromEnvironmentOrFlag_isAProblem() {
        env.put("KSYUN_REGION", "cn-beijing-6/x");
        env.put("ALIBABA_CLOUD_REGION_ID", "cn hangzhou");
        ConfigException e = failure(Overrides.none());
        assertEquals(
                List.of(
                        "KSYUN_REGION: 'cn-beijing-6/x' is not a region name (letters, digits and single hyphens, as in cn-beijing-6)",
                        "ALIBABA_CLOUD_REGION_ID: 'cn hangzhou' is not a region name (letters, digits and single hyphens, as in"
                                + " cn-beijing-6)"),
                e.problems());
        ConfigException flag = failure(Overrides.none().withRegion("bad_region"));
        assertTrue(
                flag.problems().get(0).startsWith("given explicitly: 'bad_region' is not a region name"),
                flag.getMessage());
    }

    // --- problems -----------------------------------------------------------------------------

    @Test
    void resolve_chosenProfileNotInFile_suggestsAndListsTheProfiles() throws IOException {
        Path file = ConfigFiles.write(home, FULL_FILE);
        env.put("KECSH_PROFILE", "prdo");
        ConfigException e = failure(Overrides.none());
        assertEquals(
                List.of("profile 'prdo' (chosen by KECSH_PROFILE) is not in " + file
                        + " (did you mean prod?); its profiles: default, prod"),
                e.problems());
    }

    @Test
    void resolve_explicitProfileWithoutFile_saysTheFileDoesNotExist() {
        ConfigException e = failure(Overrides.none().withProfile("prod"));
        assertEquals(
                List.of("profile 'prod' (given explicitly) cannot be read: " + configFile() + " does not exist"),
                e.problems());
    }

    @Test
    void resolve_explicitDefaultProfileWithoutFile_isFine() {
        assertEquals("default", resolve(Overrides.none().withProfile("default")).profile());
    }

    @Test
    void resolve_halfPairsInTheEnvironment_nameTheVariablesNotTheValues() {
        env.put("KSYUN_SECRET_KEY", ENV_KS_SECRET);
        env.put("ALIBABA_CLOUD_SECURITY_TOKEN", ENV_ALI_TOKEN);
        ConfigException e = failure(Overrides.none());
        assertEquals(
                List.of(
                        "KSYUN_SECRET_KEY is set but KSYUN_ACCESS_KEY is not (set both, or neither)",
                        "ALIBABA_CLOUD_SECURITY_TOKEN is set without ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET"),
                e.problems());
        env.clear();
        env.put("ALIBABA_CLOUD_ACCESS_KEY_ID", "LTAIenvironment01");
        assertEquals(
                List.of("ALIBABA_CLOUD_ACCESS_KEY_ID is set but ALIBABA_CLOUD_ACCESS_KEY_SECRET is not (set both,"
                        + " or neither)"),
                failure(Overrides.none()).problems());
    }

    @Test
    void resolve_brokenFileAndBrokenEnvironment_reportsEverythingAtOnce() throws IOException {
        Path file = ConfigFiles.write(home, "[default]\nksyun_acess_key = AKLT1\n");
        env.put("KSYUN_ACCESS_KEY", "AKLTenvironment01");
        ConfigException e = failure(Overrides.none());
        assertEquals(
                List.of(
                        file + ":2: unknown key 'ksyun_acess_key' (did you mean ksyun_access_key?)",
                        "KSYUN_ACCESS_KEY is set but KSYUN_SECRET_KEY is not (set both, or neither)"),
                e.problems());
    }

    @Test
    void resolve_configPathIsADirectory_isAProblem() throws IOException {
        Files.createDirectories(configFile());
        assertEquals(
                List.of(configFile() + ": is not a regular file"),
                failure(Overrides.none()).problems());
    }

    // --- warnings -----------------------------------------------------------------------------

    @Test
    void resolve_fileWithSecretsOpenToOthers_warnsWithTheFix() throws IOException {
        assumeTrue(ConfigFiles.posixSupported(), "POSIX permissions are not available on this file system");
        Path file = ConfigFiles.write(home, FULL_FILE, "rw-r--r--");
        assertEquals(
                List.of(file + " holds secrets but is open to its group and others (rw-r--r--); make it private:"
                        + " chmod 600 " + file),
                resolve().warnings());
    }

    @Test
    void resolve_fileWithSecretsWritableByGroupOnly_warnsAboutTheGroup() throws IOException {
        assumeTrue(ConfigFiles.posixSupported(), "POSIX permissions are not available on this file system");
        Path file = ConfigFiles.write(home, FULL_FILE, "rw--w----");
        assertEquals(
                List.of(file + " holds secrets but is open to its group (rw--w----); make it private:" + " chmod 600 "
                        + file),
                resolve().warnings());
    }

    @Test
    void resolve_privateFile_hasNoPermissionWarning() throws IOException {
        assumeTrue(ConfigFiles.posixSupported(), "POSIX permissions are not available on this file system");
        ConfigFiles.write(home, FULL_FILE, "rw-------");
        assertEquals(List.of(), resolve().warnings());
    }

    @Test
    void resolve_openFileWithoutSecrets_hasNoPermissionWarning() throws IOException {
        assumeTrue(ConfigFiles.posixSupported(), "POSIX permissions are not available on this file system");
        ConfigFiles.write(home, "[default]\nregion = cn-beijing-6\ndefault.instance_type = S4.2B\n", "rw-r--r--");
        assertEquals(List.of(), resolve().warnings());
    }

    @Test
    void resolve_secretsInAnotherProfile_stillMakeAnOpenFileWorthAWarning() throws IOException {
        assumeTrue(ConfigFiles.posixSupported(), "POSIX permissions are not available on this file system");
        ConfigFiles.write(home, FULL_FILE.replace("[default]", "[profile other]"), "rw----r--");
        List<String> warnings = resolve().warnings();
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).contains("is open to others (rw----r--)"), warnings.get(0));
    }

    @Test
    void resolve_regionTheModelDoesNotList_warnsWithASuggestionButIsUsed() throws IOException {
        Path file = ConfigFiles.write(home, "[default]\nregion = cn-bejing-6\n");
        Settings settings = resolve();
        assertEquals(Optional.of("cn-bejing-6"), settings.region(Cloud.KINGSOFT));
        assertEquals(
                List.of("Kingsoft Cloud region 'cn-bejing-6' (region in " + file + ":2) is not one kecsh knows"
                        + " (did you mean cn-beijing-6?); using it as given, since a private cloud may have others"),
                settings.warnings());
    }

    @Test
    void resolve_regionalDefaults_areKeptByRegionBesideThePlainOnes() throws IOException {
        ConfigFiles.write(
                home,
                "[default]\nregion = cn-beijing-6\ndefault.subnet = plain\n"
                        + "default.cn-beijing-6.subnet = bj\ndefault.cn-shanghai-2.subnet = sh\n"
                        + "default.cn-shanghai-2.security_group = sh-sg\ndefault.cn-shanghai-2.instance_type = S4.2B\n");
        Settings settings = resolve();
        assertEquals(Map.of("subnet", "plain"), settings.defaults());
        assertEquals(
                Map.of(
                        "cn-beijing-6",
                        Map.of("subnet", "bj"),
                        "cn-shanghai-2",
                        Map.of("subnet", "sh", "securityGroup", "sh-sg", "instanceType", "S4.2B")),
                settings.regionalDefaults());
        assertEquals(List.of(), settings.warnings());
    }

    @Test
    void resolve_regionalDefaultInAMisspeltRegion_warnsWithASuggestion() throws IOException {
        Path file = ConfigFiles.write(home, "[default]\nregion = cn-beijing-6\ndefault.cn-shangai-2.subnet = sh\n");
        Settings settings = resolve();
        assertEquals(
                List.of(
                        "Kingsoft Cloud region 'cn-shangai-2' (default.cn-shangai-2.subnet in " + file
                                + ":3) is not one"
                                + " kecsh knows (did you mean cn-shanghai-2?); using it as given, since a private cloud may have others"),
                settings.warnings());
    }

    @Test
    void resolve_privateCloudRegion_isUsedWithAWarningWithoutSuggestion() {
        env.put("KSYUN_REGION", "corp-dc-1");
        Settings settings = resolve();
        assertEquals(Optional.of("corp-dc-1"), settings.region(Cloud.KINGSOFT));
        assertEquals(
                List.of("Kingsoft Cloud region 'corp-dc-1' (KSYUN_REGION) is not one kecsh knows; using it as"
                        + " given, since a private cloud may have others"),
                settings.warnings());
    }

    @Test
    void resolve_everyModelledKingsoftRegion_isAcceptedWithoutWarning() {
        for (String region : List.of(
                "cn-beijing-6", "cn-shanghai-2", "cn-guangzhou-1", "cn-hongkong-2", "ap-singapore-1", "eu-east-1")) {
            assertEquals(List.of(), resolve(Overrides.none().withRegion(region)).warnings(), region);
        }
    }

    @Test
    void resolve_alibabaRegion_isNotCheckedSinceTheModelListsNone() {
        env.put("ALIBABA_CLOUD_REGION_ID", "ap-southeast-1");
        assertEquals(List.of(), resolve().warnings());
    }

    @Test
    void resolve_defaults_areParsedAndCheckedAgainstRunInstances() throws IOException {
        Path file = ConfigFiles.write(home, """
            [default]
            default.image = IMG-7f3b6d2a
            default.subnet = 9c1e2f3a-0000-4b5c-8d9e-112233445566
            default.security_group = 0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
            default.charge_type = Dayly
            default.key_id = 5f6e7d8c-1111-4222-8333-944455566677
            default.instance_type = S4.2X
            """);
        Settings settings = resolve();
        assertEquals(
                Map.of(
                        "image",
                        "IMG-7f3b6d2a",
                        "subnet",
                        "9c1e2f3a-0000-4b5c-8d9e-112233445566",
                        "securityGroup",
                        "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d",
                        "chargeType",
                        "Dayly",
                        "keyId",
                        "5f6e7d8c-1111-4222-8333-944455566677",
                        "instanceType",
                        "S4.2X"),
                settings.defaults());
        assertEquals(
                List.of(
                        "default.charge_type 'Dayly' (" + file
                                + ":5) is not a RunInstances ChargeType kecsh knows (did you mean Daily?)",
                        "default.instance_type 'S4.2X' (" + file
                                + ":7) is not a RunInstances InstanceType kecsh knows (did you"
                                + " mean S4.2A, S4.2B, S4.2C or S4.2D?)"),
                settings.warnings());
    }

    @Test
    void resolve_validDefaults_giveNoWarnings() throws IOException {
        ConfigFiles.write(home, "[default]\ndefault.charge_type = Daily\ndefault.instance_type = S4.2B\n");
        assertEquals(List.of(), resolve().warnings());
    }

    // --- describe -----------------------------------------------------------------------------

    @Test
    void describe_namesProfileRegionsAndSources() throws IOException {
        Path file = ConfigFiles.write(home, FULL_FILE);
        env.put("KSYUN_ACCESS_KEY", "AKLTenvironment01");
        env.put("KSYUN_SECRET_KEY", ENV_KS_SECRET);
        assertEquals(
                "profile 'default'; Kingsoft Cloud: cn-beijing-6, key AKLT…01 from environment (KSYUN_ACCESS_KEY);"
                        + " Alibaba Cloud: cn-hangzhou, key LTAI…01 from profile 'default' in " + file
                        + "; endpoint http://127.0.0.1:9000",
                resolve().describe());
    }

    @Test
    void describe_regionWithoutCredentials_saysSo() {
        env.put("ALIBABA_CLOUD_REGION_ID", "cn-hangzhou");
        env.put("KSYUN_ACCESS_KEY", "AKLTenvironment01");
        env.put("KSYUN_SECRET_KEY", ENV_KS_SECRET);
        assertEquals(
                "profile 'default'; Kingsoft Cloud: default region, key AKLT…01 from environment (KSYUN_ACCESS_KEY);"
                        + " Alibaba Cloud: cn-hangzhou, no credentials",
                resolve().describe());
    }
}
