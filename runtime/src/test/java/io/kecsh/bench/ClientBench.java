package io.kecsh.bench;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.paginate.Pages;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime client's figures (bench/client-bench; not a test), printed:
 * <ul>
 *   <li>{@code calls [N]}: N DescribeInstances (MaxResults 10) after a warm-up, sequentially and then on 8
 *       threads: calls/s and the CPU the calling threads used per call (the classic HTTP client does its I/O
 *       on them, so this is the client's own CPU; the sandbox's is not counted).</li>
 *   <li>{@code cold [N]}: N DescribeInstances from a cold JVM: seconds and the process's peak RSS (VmHWM),
 *       the figure to compare with a Python SDK's loop of the same calls.</li>
 *   <li>{@code page}: every instance through the paginator (DescribeInstances, MaxResults 1000), each
 *       item read as a caller reads them (so the next page is fetched while a page is read): count,
 *       seconds, largest heap in use (run it with -Xmx128m and an endpoint holding 100,000 instances).</li>
 * </ul>
 * Against {@code --endpoint URL} (keys from KSYUN_ACCESS_KEY / KSYUN_SECRET_KEY: a {@code kecsh sandbox}
 * in another process, so that its heap and CPU are not the client's), else an embedded sandbox with
 * {@code --instances N} (default 50) made first.
 */
public final class ClientBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ClientBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "calls";
        int n = mode.equals("cold") ? 2000 : 5000;
        URI endpoint = null;
        int instances = 50;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--endpoint" -> endpoint = URI.create(args[++i]);
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                default -> n = Integer.parseInt(args[i]);
            }
        }
        long started = System.nanoTime();
        Sandbox sandbox = endpoint == null ? Sandbox.start(SandboxOptions.interactive()) : null;
        Credentials key = sandbox != null
                ? sandbox.credentials().kingsoft()
                : new Credentials(System.getenv("KSYUN_ACCESS_KEY"), System.getenv("KSYUN_SECRET_KEY"));
        URI at = sandbox != null ? sandbox.endpoint() : endpoint;
        try (CloudClient client = new CloudClient(ClientConfig.builder()
                .endpoint(at)
                .credentials(Cloud.KINGSOFT, key)
                .region(Cloud.KINGSOFT, "cn-beijing-6")
                .build())) {
            if (sandbox != null) seed(sandbox, client, instances);
            switch (mode) {
                case "calls" -> calls(client, n);
                case "cold" -> cold(client, n, started);
                case "page" -> page(client);
                default -> throw new IllegalArgumentException("modes: calls [N] | cold [N] | page");
            }
        } finally {
            if (sandbox != null) sandbox.close();
        }
    }

    private static void seed(Sandbox sandbox, CloudClient client, int count) {
        RegionState region = sandbox.state().region("cn-beijing-6");
        String image;
        synchronized (sandbox.state().lock()) {
            image = region.images.values().stream()
                    .filter(im -> "centos-7.6".equals(im.platform))
                    .findFirst()
                    .orElseThrow()
                    .id;
        }
        for (int made = 0; made < count; made += 50) {
            int batch = Math.min(50, count - made);
            client.call(
                    "RunInstances",
                    Map.of(
                            "ImageId",
                            image,
                            "InstanceType",
                            "S4.2B",
                            "MaxCount",
                            batch,
                            "MinCount",
                            batch,
                            "SubnetId",
                            region.defaultSubnetId,
                            "SecurityGroupId",
                            region.defaultSecurityGroupId,
                            "ChargeType",
                            "HourlyInstantSettlement",
                            "InstanceName",
                            "bench"));
        }
    }

    private static Object describe(CloudClient client) {
        return client.call("DescribeInstances", Map.of("MaxResults", 10));
    }

    private static void calls(CloudClient client, int n) throws Exception {
        for (int i = 0; i < Math.max(2000, n / 2); i++) describe(client); // warm-up: the JIT competes for the cores
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        long process0 = processCpu();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) describe(client);
        report(
                "sequential",
                n,
                System.nanoTime() - t0,
                THREADS.getCurrentThreadCpuTime() - cpu0,
                processCpu() - process0);

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicLong cpu = new AtomicLong();
        List<Future<?>> done = new ArrayList<>();
        long process1 = processCpu();
        long t1 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                long c0 = THREADS.getCurrentThreadCpuTime();
                for (int i = 0; i < n / threads; i++) describe(client);
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
            }));
        }
        for (Future<?> f : done) f.get();
        report("8 threads", n / threads * threads, System.nanoTime() - t1, cpu.get(), processCpu() - process1);
        pool.shutdown();
    }

    /**
     * The calling threads' CPU is the client's own work; the process's adds the JIT, the collector and the
     * embedded sandbox if there is one (so read it against an --endpoint): the figure to compare with a
     * Python process's, which has no other threads.
     */
    private static void report(String how, int n, long wallNanos, long cpuNanos, long processCpuNanos) {
        System.out.printf(
                "%-10s %6d calls: %7.0f calls/s, client CPU %6.0f µs/call, process CPU %6.0f µs/call%n",
                how, n, n / (wallNanos / 1e9), cpuNanos / 1e3 / n, processCpuNanos / 1e3 / n);
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void cold(CloudClient client, int n, long started) throws Exception {
        for (int i = 0; i < n; i++) describe(client);
        System.out.printf(
                "cold: %d calls in %.2f s from JVM start (%.2f s in main), peak RSS %s, heap in use %d MiB%n",
                n,
                ManagementFactory.getRuntimeMXBean().getUptime() / 1e3,
                (System.nanoTime() - started) / 1e9,
                peakRss(),
                heapMiB());
    }

    private static void page(CloudClient client) throws IOException {
        long t0 = System.nanoTime();
        long count = 0;
        long maxHeap = 0;
        // every page read, as list() reads them: each next page asked for from the token of the one before
        long[] seen = Pages.readingEveryPage(() -> {
            long n = 0;
            long heap = 0;
            for (Map<String, Object> page : client.pages("DescribeInstances", Map.of("MaxResults", 1000))) {
                if (page.get("InstancesSet") instanceof List<?> l) {
                    for (Object instance : l) if (instance != null) n++;
                }
                heap = Math.max(heap, heapMiB());
            }
            return new long[] {n, heap};
        });
        count = seen[0];
        maxHeap = seen[1];
        System.out.printf(
                "paginator: %d instances in %.2f s, largest heap in use seen %d MiB (max %d MiB), peak RSS %s%n",
                count,
                (System.nanoTime() - t0) / 1e9,
                maxHeap,
                Runtime.getRuntime().maxMemory() >> 20,
                peakRss());
    }

    private static long heapMiB() {
        Runtime r = Runtime.getRuntime();
        return (r.totalMemory() - r.freeMemory()) >> 20;
    }

    private static String peakRss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return line.substring(6).trim();
        }
        return "?";
    }
}
