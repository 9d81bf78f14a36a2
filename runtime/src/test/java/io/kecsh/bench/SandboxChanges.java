package io.kecsh.bench;

import com.sun.management.OperatingSystemMXBean;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.retry.RetryPolicy;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Sandbox changes/s with a state file, by the state's size (not a timed test): for each size, a
 * fresh sandbox on a fresh state file is seeded with that many instances (RunInstances, 50 at a
 * time, then one whole save), each client gets an instance of its own, and every client renames
 * its instance (ModifyInstanceAttribute: a change that must be on disk before its answer) as fast
 * as it can. Prints changes/s, p50/p99, CPU ms per change and the files' sizes.
 *
 * <pre>bench/sandbox-changes [--classes DIR] [--sizes 0,10,1000,10000] [--clients 1,16] [--seconds N]</pre>
 */
public final class SandboxChanges {
    private static final String REGION = "cn-beijing-6";

    public static void main(String[] args) throws Exception {
        int[] sizes = {0, 10, 1000, 10000};
        int[] clientCounts = {1, 16};
        int seconds = 10;
        Path dir = Files.createTempDirectory("sandbox-changes");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sizes" ->
                    sizes = Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--clients" ->
                    clientCounts = Arrays.stream(args[++i].split(","))
                            .mapToInt(Integer::parseInt)
                            .toArray();
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException(
                            "unknown option " + args[i] + " (--sizes N,N --clients N,N --seconds N --dir DIR)");
            }
        }
        System.out.printf("state files in %s; each run %d s after a 3 s warm-up%n", dir, seconds);
        for (int size : sizes) {
            for (int clients : clientCounts) measure(dir, size, clients, seconds);
        }
    }

    private static void measure(Path dir, int size, int clients, int seconds) throws Exception {
        Path file = dir.resolve("changes-" + size + "-" + clients + ".json");
        for (String suffix : List.of("", ".journal", ".lock")) Files.deleteIfExists(Path.of(file + suffix));
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.interactive().withStateFile(file))) {
            RegionState region = sandbox.state().region(REGION);
            String image;
            synchronized (sandbox.state().lock()) {
                region.instanceQuota = Integer.MAX_VALUE;
                image = region.images.values().stream()
                        .filter(im -> "centos-7.6".equals(im.platform))
                        .findFirst()
                        .orElseThrow()
                        .id;
            }
            Map<String, Object> run = new HashMap<>(Map.of(
                    "ImageId",
                    image,
                    "SubnetId",
                    region.defaultSubnetId,
                    "SecurityGroupId",
                    region.defaultSecurityGroupId,
                    "ChargeType",
                    "HourlyInstantSettlement",
                    "InstanceType",
                    "S4.2B"));
            List<String> own = new ArrayList<>();
            try (CloudClient seeder = client(sandbox)) {
                for (int made = 0; made < size; made += 50) {
                    int n = Math.min(50, size - made);
                    run.put("MinCount", n);
                    run.put("MaxCount", n);
                    seeder.call("RunInstances", run);
                }
                run.put("MinCount", clients);
                run.put("MaxCount", clients);
                for (Object i : (List<?>) seeder.call("RunInstances", run).get("InstancesSet"))
                    own.add((String) ((Map<?, ?>) i).get("InstanceId"));
                seeder.call(
                        "CreateKey",
                        Map.of("KeyName", "bench-whole-save")); // one whole save: the runs start from a compact file
            }
            long fileBytes = Files.size(file);
            run(sandbox, own, 3, false, size);
            Result r = run(sandbox, own, seconds, true, size);
            long journalBytes = Files.exists(Path.of(file + ".journal")) ? Files.size(Path.of(file + ".journal")) : 0;
            System.out.printf(
                    "state %,6d instances, %2d clients: %7.0f changes/s; p50 %6.2f ms, p99 %7.2f ms; %.2f ms CPU per change;"
                            + " file %,d KB after seeding, journal %,d KB at the end%n",
                    size, clients, r.perSecond, r.p50, r.p99, r.cpuPerChange, fileBytes >> 10, journalBytes >> 10);
        }
    }

    private record Result(double perSecond, double p50, double p99, double cpuPerChange) {}

    private static Result run(Sandbox sandbox, List<String> own, int seconds, boolean report, int size)
            throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long[][] latencies = new long[own.size()][];
        int[] counts = new int[own.size()];
        Thread[] threads = new Thread[own.size()];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int c = 0; c < own.size(); c++) {
            int me = c;
            threads[c] = new Thread(
                    () -> {
                        long[] times = new long[1 << 16];
                        int n = 0;
                        try (CloudClient client = client(sandbox)) {
                            while (System.nanoTime() < end) {
                                long t0 = System.nanoTime();
                                client.call(
                                        "ModifyInstanceAttribute",
                                        Map.of("InstanceId", own.get(me), "InstanceName", "change-" + n));
                                if (n == times.length) times = Arrays.copyOf(times, n * 2);
                                times[n++] = System.nanoTime() - t0;
                            }
                        }
                        latencies[me] = Arrays.copyOf(times, n);
                        counts[me] = n;
                    },
                    "changes-" + c);
            threads[c].start();
        }
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        long total = Arrays.stream(counts).sum();
        long[] all = Stream.of(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
        if (!report) return null;
        return new Result(total / elapsed, pct(all, 0.50), pct(all, 0.99), cpu / Math.max(1, total));
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private static CloudClient client(Sandbox sandbox) {
        return new CloudClient(ClientConfig.builder()
                .endpoint(sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
                .credentials(Cloud.ALIBABA, sandbox.credentials().alibaba())
                .retryPolicy(RetryPolicy.none())
                .build());
    }

    private SandboxChanges() {}
}
