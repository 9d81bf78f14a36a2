/*
 * 100,000 instances through the DSL's stream (issue 16): `instances.each { n++ }`, which reads
 * DescribeInstances one page at a time, timed and with the JVM's peak heap while walking. A figure,
 * not a test (the CI size is dsl's InstanceStreamSandboxSpec, 250 instances at 100 a page).
 *
 * The sandbox runs in its own process so that its state (not kecsh's) does not count against the
 * walker's -Xmx128m:
 *
 *   mvn -o -q -B -DskipTests package                                  # builds repl/target/kecsh.jar
 *   java -Xmx2g -cp repl/target/kecsh.jar io.kecsh.runtime.sandbox.SandboxMain --port 8090 &
 *   java -Xmx128m -cp repl/target/kecsh.jar bench/InstanceStreamBench.java http://127.0.0.1:8090 [SEED] [WALKS]
 *
 * SEED instances (default 100000; 0 to walk what is there) are launched first, 1,000 a run (the
 * sandbox's default keys, region cn-beijing-6), 50,000 in each of its zones (a zone's default subnet is
 * a /16: it runs out of addresses at 62,500); more than 10,000 need the sandbox's quota raised (see
 * bench/README.md). Then WALKS pairs (default 3): a walk of the DSL and one of the runtime's paginator
 * (MaxResults 1000) in the same JVM, each printing the count, wall and CPU time and the heap's peak.
 * `list` as a 4th argument walks `instances.list().size()` instead of `instances.each`, which
 * materialises the whole list.
 */
import io.kecsh.dsl.Kecsh;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.file.Files;
import java.util.Map;

public class InstanceStreamBench {
    /** cn-beijing-6's zones, each with its own default subnet in the sandbox. */
    private static final String[] ZONES = {"cn-beijing-6a", "cn-beijing-6b", "cn-beijing-6c"};
    private static final int PER_ZONE = 50_000;

    public static void main(String[] args) throws Exception {
        URI endpoint = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8090");
        int seed = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int walks = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        boolean list = args.length > 3 && args[3].equals("list");
        Kecsh kecsh = Kecsh.builder()
            .environment(Map.of("KSYUN_ACCESS_KEY", "AKLTSANDBOXKINGSOFT01", "KSYUN_SECRET_KEY", "sandbox-kingsoft-secret"))
            .home(Files.createTempDirectory("kecsh-bench-home"))
            .endpoint(endpoint).region("cn-beijing-6").progress(line -> { }).build();
        try {
            long t0 = System.nanoTime();
            for (int done = 0; done < seed; done += 1000) {
                int n = Math.min(1000, seed - done);
                // a zone's default subnet is a /16 that runs out of addresses at 62,500 instances: 50,000 a zone
                String zone = ZONES[Math.min(ZONES.length - 1, done / PER_ZONE)];
                kecsh.eval("defaults { image 'centos-7.6'; chargeType 'HourlyInstantSettlement' }; instances { run type: 'S4.2B', zone: '" + zone + "', count: " + n + ", name: 'bench" + (done / 1000) + "-', suffix: 1 }; null"); // a suffix goes to 9999 only
            }
            if (seed > 0) System.out.printf("seeded %,d instances in %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
            // each walk of the DSL is paired with one of the runtime's paginator in the same JVM, back to back
            String walk = list ? "instances.list().size()" : "long n = 0; instances.each { n++ }; n";
            for (int i = 0; i < walks; i++) {
                measure(list ? "list()" : "each", () -> kecsh.eval(walk));
                measure("paginator", () -> kecsh.getClient().pages("DescribeInstances", Map.of()).items().count());
            }
        } finally {
            kecsh.close();
        }
    }

    /** One walk: its count, wall time, the process's CPU time and the heap pools' peak during it. */
    private static void measure(String what, java.util.concurrent.Callable<Object> walk) throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        Object count = walk.call();
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpu) / 1e9;
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.out.printf("%-9s %s instances in %.2f s wall, %.2f s CPU (walker process), heap pools peak %.1f MiB (each pool's own peak, summed: an upper bound; -Xmx %d MiB), load %.1f%n",
            what + ":", count, seconds, cpuSeconds, peak / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576, os.getSystemLoadAverage());
    }
}
