package io.kecsh.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.config.Overrides;
import io.kecsh.runtime.config.Settings;
import io.kecsh.runtime.config.SettingsResolver;
import io.kecsh.runtime.testing.ScriptedServer;
import io.kecsh.runtime.testing.ScriptedServer.Step;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudClientSharingTest {
    private static final String REGIONS =
            "{\"RequestId\":\"r\",\"RegionSet\":[{\"Region\":\"cn-beijing-6\",\"RegionName\":\"北京6区(VPC)\"}]}";

    @Test
    void oneClient_servesManyThreadsAtOnce() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
                CloudClient client = new CloudClient(ClientConfig.builder()
                        .endpoint(server.endpoint())
                        .credentials(Cloud.KINGSOFT, new Credentials("AKLTexample0001", "secret-1"))
                        .build())) {
            for (int i = 0; i < 160; i++) server.then(Step.json(200, REGIONS));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 160; i++)
                results.add(pool.submit(
                        () -> client.call("DescribeRegions", Map.of()).requestId()));
            for (Future<String> f : results) assertEquals("r", f.get());
            pool.shutdown();
            assertEquals(160, server.received().size());
        }
    }

    @Test
    void aRegionalView_signsForItsRegion_andSharesThePool() throws Exception {
        try (ScriptedServer server = new ScriptedServer();
                CloudClient client = new CloudClient(ClientConfig.builder()
                        .endpoint(server.endpoint())
                        .credentials(Cloud.KINGSOFT, new Credentials("AKLTexample0001", "secret-1"))
                        .build())) {
            server.then(Step.json(200, REGIONS)).then(Step.json(200, REGIONS));
            try (CloudClient shanghai = client.inRegion("cn-shanghai-2")) {
                assertEquals("cn-shanghai-2", shanghai.region(Cloud.KINGSOFT));
                shanghai.call("DescribeRegions", Map.of());
            }
            client.call("DescribeRegions", Map.of());
            assertTrue(server.received()
                    .get(0)
                    .queryValue("X-Amz-Credential")
                    .orElseThrow()
                    .contains("/cn-shanghai-2/kec/"));
            assertTrue(server.received()
                    .get(1)
                    .queryValue("X-Amz-Credential")
                    .orElseThrow()
                    .contains("/cn-beijing-6/kec/"));
        }
    }

    @Test
    void httpProxies_comeFromTheJvmsSystemProperties() throws Exception {
        try (ScriptedServer proxy = new ScriptedServer()) {
            proxy.then(Step.json(200, REGIONS));
            System.setProperty("http.proxyHost", "127.0.0.1");
            System.setProperty("http.proxyPort", String.valueOf(proxy.endpoint().getPort()));
            try (CloudClient client = new CloudClient(ClientConfig.builder()
                    .endpoint(URI.create("http://kec.cn-beijing-6.api.ksyun.com/"))
                    .credentials(Cloud.KINGSOFT, new Credentials("AKLTexample0001", "secret-1"))
                    .build())) {
                assertEquals("r", client.call("DescribeRegions", Map.of()).requestId());
            } finally {
                System.clearProperty("http.proxyHost");
                System.clearProperty("http.proxyPort");
            }
            assertEquals(
                    "kec.cn-beijing-6.api.ksyun.com", proxy.received().get(0).host());
        }
    }

    @Test
    void aClient_takesCredentialsRegionAndEndpoint_fromResolvedSettings(@TempDir Path home) throws Exception {
        try (ScriptedServer server = new ScriptedServer()) {
            server.then(Step.json(200, REGIONS));
            Settings settings = new SettingsResolver(
                            Map.of(
                                    "KSYUN_ACCESS_KEY",
                                    "AKLTfromEnv0001",
                                    "KSYUN_SECRET_KEY",
                                    "env-secret",
                                    "KSYUN_REGION",
                                    "cn-guangzhou-1"),
                            home)
                    .resolve(Overrides.none().withEndpoint(server.endpoint()));
            try (CloudClient client =
                    new CloudClient(ClientConfig.builder().settings(settings).build())) {
                assertEquals("cn-guangzhou-1", client.region(Cloud.KINGSOFT));
                assertEquals("cn-hangzhou", client.region(Cloud.ALIBABA));
                client.call("DescribeRegions", Map.of());
            }
            String credential =
                    server.received().get(0).queryValue("X-Amz-Credential").orElseThrow();
            assertTrue(
                    credential.startsWith("AKLTfromEnv0001/") && credential.contains("/cn-guangzhou-1/kec/"),
                    credential);
        }
    }
}
