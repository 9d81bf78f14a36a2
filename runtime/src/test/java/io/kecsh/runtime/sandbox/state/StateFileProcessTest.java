package io.kecsh.runtime.sandbox.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.sandbox.auth.SandboxCredentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state file's guarantees with real processes: SandboxMain in a child JVM is killed with
 * SIGKILL in the middle of a burst of RunInstances, restarted, and must still hold every instance
 * it acknowledged, with no ID handed out twice and no unfinished save left beside the file; and a
 * second sandbox on the same file is refused while the first goes on serving.
 * {@code -Dkecsh.stateFileKills=100} runs the audit's size (default 6, to stay within a minute).
 */
class StateFileProcessTest {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @Test
    void killedMidBurst_restartedSandbox_keepsEveryAcknowledgedInstance_withUniqueIds_andNoTempFiles(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("cloud.json");
        int kills = Integer.getInteger("kecsh.stateFileKills", 6);
        Random random = new Random(20261202L);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        for (int k = 0; k < kills; k++) {
            Child child = Child.start(file);
            try (CloudClient client = client(child.endpoint)) {
                Map<String, Object> run = runParams(file);
                // one acknowledged first, so that the kill surely lands in a running burst
                acknowledged.add((String)
                        ((Map<?, ?>) ((List<?>) client.call("RunInstances", run).get("InstancesSet")).get(0))
                                .get("InstanceId"));
                List<CompletableFuture<Void>> burst = new ArrayList<>();
                for (int t = 0; t < 3; t++) {
                    burst.add(CompletableFuture.runAsync(() -> {
                        try {
                            while (true) {
                                Map<?, ?> created = (Map<?, ?>) ((List<?>)
                                                client.call("RunInstances", run).get("InstancesSet"))
                                        .get(0);
                                acknowledged.add((String) created.get("InstanceId"));
                            }
                        } catch (RuntimeException killed) {
                            // the connection died with the process: whatever was not answered was not acknowledged
                        }
                    }));
                }
                Thread.sleep(150 + random.nextInt(600));
                child.process.destroyForcibly(); // SIGKILL on Unix
                assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "the killed sandbox exits");
                CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                child.process.destroyForcibly();
            }
        }
        assertTrue(acknowledged.size() >= kills, "the bursts created instances: " + acknowledged.size());
        assertEquals(acknowledged.size(), new HashSet<>(acknowledged).size(), "no instance ID was handed out twice");

        Child last = Child.start(file);
        try (CloudClient client = client(last.endpoint)) {
            Set<String> listed = new HashSet<>();
            long marker = 0;
            do {
                var page = client.call("DescribeInstances", Map.of("MaxResults", 1000, "Marker", marker));
                for (Object i : (List<?>) page.get("InstancesSet"))
                    listed.add((String) ((Map<?, ?>) i).get("InstanceId"));
                marker = ((Number) page.getOrDefault("Marker", 0L)).longValue();
            } while (marker > 0);
            List<String> lost =
                    acknowledged.stream().filter(id -> !listed.contains(id)).toList();
            assertEquals(List.of(), lost, "acknowledged instances missing after " + kills + " kills");
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(
                        List.of(),
                        files.filter(p -> p.toString().endsWith(".tmp")).toList(),
                        "unfinished saves left beside the file");
            }
        } finally {
            last.process.destroyForcibly();
            last.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /**
     * Renames go to the journal (not whole saves): killed in the middle of a burst of them, the
     * restarted sandbox replays the journal and shows, for each instance, the last name it
     * acknowledged (or the one after it, whose answer the kill cut off).
     */
    @Test
    void killedMidJournal_restartedSandbox_replaysEveryAcknowledgedChange(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cloud.json");
        Path journal = dir.resolve("cloud.json.journal");
        int kills = Integer.getInteger("kecsh.stateFileKills", 6);
        Random random = new Random(20261203L);
        Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
        // The sandbox restarted after one kill is checked, then takes the next burst: a start per kill, not two.
        Child child = Child.start(file);
        for (int k = 0; k < kills; k++) {
            try (CloudClient client = client(child.endpoint)) {
                List<String> ids = new ArrayList<>();
                if (acknowledged.isEmpty()) {
                    Map<String, Object> run = new HashMap<>(runParams(file));
                    run.put("MinCount", 3);
                    run.put("MaxCount", 3);
                    for (Object i : (List<?>) client.call("RunInstances", run).get("InstancesSet")) {
                        String id = (String) ((Map<?, ?>) i).get("InstanceId");
                        ids.add(id);
                        acknowledged.put(id, 0);
                    }
                } else {
                    ids.addAll(acknowledged.keySet());
                }
                List<CompletableFuture<Void>> burst = new ArrayList<>();
                for (String id : ids) {
                    burst.add(CompletableFuture.runAsync(() -> {
                        try {
                            for (int n = acknowledged.get(id) + 1; ; n++) {
                                client.call(
                                        "ModifyInstanceAttribute",
                                        Map.of("InstanceId", id, "InstanceName", "rename-" + n));
                                acknowledged.put(id, n);
                            }
                        } catch (RuntimeException killed) {
                            // the connection died with the process: the rename in flight was not acknowledged
                        }
                    }));
                }
                Thread.sleep(300 + random.nextInt(600));
                assertTrue(Files.size(journal) > 0, "the renames are being journaled");
                child.process.destroyForcibly(); // SIGKILL on Unix
                assertTrue(child.process.waitFor(30, TimeUnit.SECONDS), "the killed sandbox exits");
                CompletableFuture.allOf(burst.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } finally {
                child.process.destroyForcibly();
            }
            child = Child.start(file);
            try (CloudClient client = client(child.endpoint)) {
                var page = client.call("DescribeInstances", Map.of("InstanceId", List.copyOf(acknowledged.keySet())));
                for (Object i : (List<?>) page.get("InstancesSet")) {
                    Map<?, ?> instance = (Map<?, ?>) i;
                    int last = acknowledged.get((String) instance.get("InstanceId"));
                    String name = (String) instance.get("InstanceName");
                    // last 0: no rename acknowledged yet (a kill under load can come first), so the launch's name
                    boolean asAcknowledged = last == 0 ? !name.startsWith("rename-") : name.equals("rename-" + last);
                    assertTrue(
                            asAcknowledged || name.equals("rename-" + (last + 1)),
                            "after kill " + (k + 1) + ": acknowledged rename-" + last + ", the restarted sandbox shows "
                                    + name);
                }
                assertEquals(3, ((List<?>) page.get("InstancesSet")).size());
            } catch (Throwable e) {
                child.process.destroyForcibly();
                throw e;
            }
        }
        child.process.destroyForcibly();
        child.process.waitFor(30, TimeUnit.SECONDS);
        assertTrue(
                acknowledged.values().stream().mapToInt(Integer::intValue).sum() >= kills,
                "renames were acknowledged: " + acknowledged);
    }

    @Test
    void secondSandboxOnOneStateFile_isRefusedNamingTheFileAndHolder_whileTheFirstKeepsServing(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("shared.json");
        Child first = Child.start(file);
        Process second = null;
        try {
            second = Child.command(file)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            assertTrue(second.waitFor(60, TimeUnit.SECONDS), "the second sandbox stops by itself");
            String err = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            assertEquals(2, second.exitValue(), err);
            assertEquals(1, err.lines().count(), "one line: " + err);
            assertTrue(
                    err.contains(file.toAbsolutePath().toString())
                            && err.contains("is in use by another sandbox (process " + first.process.pid() + ")"),
                    err);
            try (CloudClient client = client(first.endpoint)) {
                Map<?, ?> created = (Map<?, ?>)
                        ((List<?>) client.call("RunInstances", runParams(file)).get("InstancesSet")).get(0);
                assertEquals(
                        1L,
                        client.call("DescribeInstances", Map.of("InstanceId", List.of(created.get("InstanceId"))))
                                .get("InstanceCount"));
            }
        } finally {
            if (second != null) second.destroyForcibly(); // were it not refused, it must not outlive the test
            first.process.destroyForcibly();
            first.process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** RunInstances of one instance in the seeded default subnet, read from the state file the child wrote on start. */
    private static Map<String, Object> runParams(Path file) {
        SandboxState state = new StateFile(file).load().orElseThrow();
        RegionState r = state.regions.get("cn-beijing-6");
        String image = r.images.values().stream()
                .filter(i -> "centos-7.6".equals(i.platform))
                .findFirst()
                .orElseThrow()
                .id;
        return Map.of(
                "ImageId",
                image,
                "SubnetId",
                r.defaultSubnetId,
                "SecurityGroupId",
                r.defaultSecurityGroupId,
                "MinCount",
                1,
                "MaxCount",
                1,
                "ChargeType",
                "HourlyInstantSettlement",
                "InstanceType",
                "S4.2B");
    }

    /** A client that never retries: a mutation is either acknowledged once or not at all. */
    private static CloudClient client(URI endpoint) {
        SandboxCredentials keys = SandboxCredentials.defaults();
        return new CloudClient(ClientConfig.builder()
                .endpoint(endpoint)
                .credentials(Cloud.KINGSOFT, keys.kingsoft())
                .credentials(Cloud.ALIBABA, keys.alibaba())
                .retryPolicy(RetryPolicy.none())
                .build());
    }

    /** SandboxMain in its own JVM, on a free loopback port, with the state file. */
    private record Child(Process process, URI endpoint) {
        static ProcessBuilder command(Path file) {
            String java =
                    Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(
                    java,
                    "-Xmx256m",
                    "-XX:TieredStopAtLevel=1",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "io.kecsh.runtime.sandbox.SandboxMain",
                    "--port",
                    "0",
                    "--state",
                    file.toString());
        }

        static Child start(Path file) throws IOException, InterruptedException {
            Process process =
                    command(file).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            CompletableFuture<String> listening = CompletableFuture.supplyAsync(() -> {
                try {
                    for (String line = out.readLine(); line != null; line = out.readLine()) {
                        if (line.startsWith("kecsh sandbox listening on "))
                            return line.substring("kecsh sandbox listening on ".length())
                                    .trim();
                    }
                    return null;
                } catch (IOException e) {
                    return null;
                }
            });
            try {
                String endpoint = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (endpoint == null)
                    throw new IllegalStateException("the sandbox did not start (exit " + process.waitFor() + ")");
                // keep draining its output so that it never blocks on a full pipe
                CompletableFuture.runAsync(() -> {
                    try {
                        while (out.readLine() != null) {
                            /* drained */
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                return new Child(process, URI.create(endpoint));
            } catch (ExecutionException | TimeoutException e) {
                process.destroyForcibly();
                throw new IllegalStateException("the sandbox did not start within " + START_TIMEOUT, e);
            }
        }
    }
}
