package io.kecsh.bench;

import com.sun.management.OperatingSystemMXBean;
import io.kecsh.runtime.sandbox.Sandbox;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.RegionState;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sandbox load benchmark (bench/sandbox-load; not a test): starts a sandbox in this JVM, seeds
 * instances, then runs N keep-alive clients over raw sockets for a fixed time with a read-mostly
 * mix of SigV4-signed Kingsoft GETs (DescribeInstances pages, DescribeImages, DescribeRegions, and a
 * few ModifyInstanceAttribute / RunInstances), and prints requests/s, p50/p99 and heap.
 *
 * <p>The client signs with its own few lines of SigV4 (not the runtime's signer) and parses only the
 * status line and Content-Length, so that a change to the runtime's classes changes the server's
 * cost only: the figures compare sandbox builds, not client builds.
 */
public final class SandboxLoad {
    private static final String REGION = "cn-beijing-6";
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final int port;
    private final String accessKey;
    private final String secret;
    private final String imageId;
    private final String subnetId;
    private final String groupId;
    private final AtomicLong names = new AtomicLong();
    private volatile List<String> instanceIds = List.of();
    private volatile Object[] dayKey;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    });

    private SandboxLoad(int port, String accessKey, String secret, String imageId, String subnetId, String groupId) {
        this.port = port;
        this.accessKey = accessKey;
        this.secret = secret;
        this.imageId = imageId;
        this.subnetId = subnetId;
        this.groupId = groupId;
    }

    public static void main(String[] args) throws Exception {
        int seconds = 20;
        int clients = 16;
        int instances = 500;
        int warmup = 5;
        Path state = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Integer.parseInt(args[++i]);
                case "--clients" -> clients = Integer.parseInt(args[++i]);
                case "--instances" -> instances = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--state" -> state = Path.of(args[++i]);
                default ->
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--seconds N --clients N --instances N --warmup N --state FILE)");
            }
        }
        SandboxOptions options = SandboxOptions.interactive();
        if (state != null) {
            Files.deleteIfExists(state);
            options = options.withStateFile(state);
        }
        try (Sandbox sandbox = Sandbox.start(options)) {
            RegionState region = sandbox.state().region(REGION);
            String image;
            synchronized (sandbox.state().lock()) {
                image = region.images.values().stream()
                        .filter(im -> "centos-7.6".equals(im.platform))
                        .findFirst()
                        .orElseThrow()
                        .id;
            }
            SandboxLoad load = new SandboxLoad(
                    sandbox.port(),
                    sandbox.credentials().kingsoft().accessKeyId(),
                    sandbox.credentials().kingsoft().secret(),
                    image,
                    region.defaultSubnetId,
                    region.defaultSecurityGroupId);
            load.seed(instances);
            synchronized (sandbox.state().lock()) {
                load.instanceIds = List.copyOf(region.instances.keySet());
            }
            System.out.printf(
                    "sandbox on port %d, %d instances, %d clients%s%n",
                    sandbox.port(), load.instanceIds.size(), clients, state == null ? "" : ", state file " + state);
            if (warmup > 0) load.run(clients, warmup, false);
            load.run(clients, seconds, true);
        }
    }

    /** RunInstances in batches of 50 until there are {@code count} instances to page through. */
    private void seed(int count) throws IOException {
        try (Connection c = new Connection(port)) {
            for (int made = 0; made < count; made += 50) {
                int n = Math.min(50, count - made);
                Response r = c.send(sign(runInstances(n)));
                if (r.status != 200) throw new IllegalStateException("seeding failed: " + r.status + " " + r.body);
            }
        }
    }

    private Map<String, String> runInstances(int n) {
        Map<String, String> p = params("RunInstances");
        p.put("ImageId", imageId);
        p.put("SubnetId", subnetId);
        p.put("SecurityGroupId", groupId);
        p.put("InstanceType", "S4.2B");
        p.put("ChargeType", "HourlyInstantSettlement");
        p.put("MinCount", String.valueOf(n));
        p.put("MaxCount", String.valueOf(n));
        p.put("InstanceName", "bench-" + names.incrementAndGet());
        return p;
    }

    private void run(int clients, int seconds, boolean report) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Worker[] workers = new Worker[clients];
        Thread[] threads = new Thread[clients];
        for (int i = 0; i < clients; i++) {
            workers[i] = new Worker(i, end);
            threads[i] = new Thread(workers[i], "load-" + i);
        }
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long gc0 = gcMillis();
        long start = System.nanoTime();
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e6;
        long gc = gcMillis() - gc0;
        if (!report) return;
        long total = 0;
        long errors = 0;
        long failures = 0;
        Map<String, Long> byAction = new TreeMap<>();
        Map<String, Long> timeByAction = new TreeMap<>();
        Map<String, Long> bytesByAction = new TreeMap<>();
        List<long[]> all = new ArrayList<>();
        for (Worker w : workers) {
            total += w.count;
            errors += w.errors;
            failures += w.failures;
            all.add(Arrays.copyOf(w.latencies, w.count));
            w.byAction.forEach((k, v) -> byAction.merge(k, v, Long::sum));
            w.timeByAction.forEach((k, v) -> timeByAction.merge(k, v, Long::sum));
            w.bytesByAction.forEach((k, v) -> bytesByAction.merge(k, v, Long::sum));
        }
        long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        System.out.printf(
                "%d requests in %.1f s: %.0f requests/s; p50 %.2f ms, p99 %.2f ms, max %.1f ms%n",
                total,
                elapsed,
                total / elapsed,
                pct(latencies, 0.50),
                pct(latencies, 0.99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
        System.out.printf("answers other than 200: %d; connection failures: %d%n", errors, failures);
        StringBuilder mix = new StringBuilder("mix (count, mean ms, mean KB):");
        byAction.forEach((k, v) -> mix.append(String.format(
                " %s %d %.1f %.1f;", k, v, timeByAction.get(k) / 1e6 / v, bytesByAction.get(k) / 1024.0 / v)));
        System.out.println(mix);
        System.out.printf(
                "CPU (sandbox and clients): %.2f ms per request, %.2f cores busy; GC %d ms%n",
                cpu / Math.max(1, total), cpu / 1000 / elapsed, gc);
        System.out.printf(
                "heap (sandbox and clients, one JVM): used %d MB, committed %d MB, max %d MB%n",
                heap.getUsed() >> 20, heap.getCommitted() >> 20, heap.getMax() >> 20);
    }

    private static long gcMillis() {
        long sum = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) sum += Math.max(0, gc.getCollectionTime());
        return sum;
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(p * sorted.length))] / 1e6;
    }

    /** One keep-alive client: a read-mostly mix, reconnecting only when the server closes. */
    private final class Worker implements Runnable {
        final SplittableRandom random;
        final long end;
        long[] latencies = new long[1 << 16];
        int count;
        long errors;
        long failures;
        final Map<String, Long> byAction = new TreeMap<>();
        final Map<String, Long> timeByAction = new TreeMap<>();
        final Map<String, Long> bytesByAction = new TreeMap<>();

        Worker(int index, long end) {
            this.random = new SplittableRandom(1000 + index);
            this.end = end;
        }

        @Override
        public void run() {
            Connection c = null;
            while (System.nanoTime() < end) {
                Map<String, String> p = next();
                String request = sign(p);
                long t0 = System.nanoTime();
                Response r;
                try {
                    if (c == null) c = new Connection(port);
                    r = c.send(request);
                    if (r.status != 200) errors++;
                    if (r.close) {
                        c.close();
                        c = null;
                    }
                } catch (IOException e) {
                    failures++;
                    if (c != null) c.close();
                    c = null;
                    continue;
                }
                long took = System.nanoTime() - t0;
                if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
                latencies[count++] = took;
                String action = p.get("Action")
                        + (p.containsKey("Marker") ? " page" : p.containsKey("InstanceId.1") ? " by id" : "");
                byAction.merge(action, 1L, Long::sum);
                timeByAction.merge(action, took, Long::sum);
                bytesByAction.merge(action, (long) r.length, Long::sum);
            }
            if (c != null) c.close();
        }

        private Map<String, String> next() {
            int roll = random.nextInt(100);
            List<String> ids = instanceIds;
            if (roll < 50) {
                Map<String, String> p = params("DescribeInstances");
                int pages = Math.max(1, ids.size() / 50);
                p.put("MaxResults", "50");
                p.put("Marker", String.valueOf(random.nextInt(pages) * 50));
                return p;
            }
            if (roll < 70) return params("DescribeImages");
            if (roll < 90) return params("DescribeRegions");
            if (roll < 95) {
                Map<String, String> p = params("DescribeInstances");
                p.put("InstanceId.1", ids.get(random.nextInt(ids.size())));
                return p;
            }
            if (roll < 99) {
                Map<String, String> p = params("ModifyInstanceAttribute");
                p.put("InstanceId", ids.get(random.nextInt(ids.size())));
                p.put("InstanceName", "renamed-" + names.incrementAndGet());
                return p;
            }
            return runInstances(1);
        }
    }

    private static Map<String, String> params(String action) {
        Map<String, String> p = new TreeMap<>();
        p.put("Action", action);
        p.put("Version", "2016-03-04");
        return p;
    }

    /** A SigV4 query-signed GET (as the client's default), as the request bytes to send. */
    private String sign(Map<String, String> params) {
        String amzDate = AMZ_DATE.format(Instant.now());
        String scope = amzDate.substring(0, 8) + "/" + REGION + "/kec/aws4_request";
        String host = "127.0.0.1:" + port;
        TreeMap<String, String> query = new TreeMap<>(params);
        query.put("X-Amz-Algorithm", "AWS4-HMAC-SHA256");
        query.put("X-Amz-Credential", accessKey + "/" + scope);
        query.put("X-Amz-Date", amzDate);
        query.put("X-Amz-SignedHeaders", "host");
        StringBuilder canonicalQuery = new StringBuilder();
        for (Map.Entry<String, String> e : query.entrySet()) {
            if (canonicalQuery.length() > 0) canonicalQuery.append('&');
            canonicalQuery.append(encode(e.getKey())).append('=').append(encode(e.getValue()));
        }
        String canonical = "GET\n/\n" + canonicalQuery + "\nhost:" + host + "\n\nhost\n" + hex(sha256(new byte[0]));
        String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n"
                + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
        String signature = hex(hmac(signingKey(amzDate.substring(0, 8)), toSign));
        return "GET /?" + canonicalQuery + "&X-Amz-Signature=" + signature + " HTTP/1.1\r\nHost: " + host
                + "\r\nAccept: application/json\r\n\r\n";
    }

    /** The derived key of the day, kept as the runtime's signer keeps it (the client's cost is not what is measured). */
    private byte[] signingKey(String day) {
        Object[] known = dayKey;
        if (known != null && known[0].equals(day)) return (byte[]) known[1];
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), day);
        key = hmac(key, REGION);
        key = hmac(key, "kec");
        key = hmac(key, "aws4_request");
        dayKey = new Object[] {day, key};
        return key;
    }

    private static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'A' && c <= 'Z'
                    || c >= 'a' && c <= 'z'
                    || c >= '0' && c <= '9'
                    || c == '-'
                    || c == '_'
                    || c == '.'
                    || c == '~') {
                out.append(c);
            } else {
                out.append('%')
                        .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return out.toString();
    }

    private static byte[] sha256(byte[] data) {
        MessageDigest sha = SHA256.get();
        sha.reset();
        return sha.digest(data);
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder s = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        return s.toString();
    }

    private record Response(int status, String body, boolean close, int length) {}

    /** A keep-alive HTTP/1.1 connection that reads Content-Length or chunked bodies. */
    private static final class Connection implements AutoCloseable {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        Response send(String request) throws IOException {
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            if (status == null) throw new IOException("closed");
            int code = Integer.parseInt(status.split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:"))
                    length = Long.parseLong(h.substring(15).trim());
                else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) chunked = true;
                else if (lower.startsWith("connection:") && lower.contains("close")) close = true;
            }
            byte[] body;
            if (chunked) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().trim(), 16);
                        size > 0;
                        size = Integer.parseInt(line().trim(), 16)) {
                    all.write(in.readNBytes(size));
                    line();
                }
                line();
                body = all.toByteArray();
            } else if (code == 200) {
                // a success is counted, not read: skipping it keeps the client's share of the two cores small
                in.skipNBytes(Math.max(0, length));
                return new Response(code, "", close, (int) Math.max(0, length));
            } else {
                body = in.readNBytes((int) Math.max(0, length));
            }
            return new Response(code, code == 200 ? "" : new String(body, StandardCharsets.UTF_8), close, body.length);
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') return s.toString();
                if (b != '\r') s.append((char) b);
            }
            return s.length() == 0 ? null : s.toString();
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing a dead socket
            }
        }
    }
}
