package io.kecsh.runtime.testing;

import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.text.UserText;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * Seeded generators of hostile input and the per-input budget the fuzz tests hold every case to.
 *
 * <p>Size: {@code -Dkecsh.fuzz.iterations=N} multiplies each test's case count (1 in CI: a few
 * seconds); {@code -Dkecsh.fuzz.seed=S} replays one run (every failure prints its seed, its case
 * number and the input, shortened).
 *
 * <p>Budget per input: {@link #CPU_BUDGET} of the calling thread's CPU time (CPU, not wall time,
 * so that other work on a shared machine cannot fail a case), a wall-clock ceiling far above it
 * that catches a hang, and an allocation ceiling of {@link #ALLOCATION_BASE} plus
 * {@link #ALLOCATION_PER_CHAR} bytes per character of input, measured by the JVM per thread: a
 * value that makes the code expand it (1e999999999 printed plainly) fails here, not with an
 * OutOfMemoryError in some later test.
 */
public final class Fuzz {
    /**
     * One second of CPU: the defects this guards took 20 s and more (a quadratic "did you mean" on a
     * 1 MB value); 200 ms failed once, twice in a row, on two cores shared with other builds, where a
     * thread's CPU time itself inflates (cache and frequency), for an input that passes on replay.
     */
    public static final Duration CPU_BUDGET = Duration.ofSeconds(1);

    public static final Duration WALL_CEILING = Duration.ofSeconds(10);
    public static final long ALLOCATION_BASE = 64L << 20;
    public static final long ALLOCATION_PER_CHAR = 256;
    /** Cases run before budgets apply: class loading and the JIT's first compilations are not the code's cost. */
    public static final int WARM_UP = 30;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final String NASTY = "\n\r\t\0\u001b\u0007\u0008\u007f\u0085\u009b\u2028\u2029\u202e\u2066\ufeff";

    public final long seed;
    public final Random random;
    private final int iterations;

    public Fuzz(String name) {
        String given = System.getProperty("kecsh.fuzz.seed");
        this.seed = given != null ? Long.parseLong(given) : new Random().nextLong();
        this.random = new Random(seed);
        this.iterations = Integer.getInteger("kecsh.fuzz.iterations", 1);
        System.out.println(name + ": fuzz seed " + seed + " (replay with -Dkecsh.fuzz.seed=" + seed + ")");
    }

    /** {@code base} times the selected multiplier. */
    public int cases(int base) {
        return base * Math.max(1, iterations);
    }

    /**
     * Runs one case within the budget; a thrown exception, an overrun or an allocation beyond the
     * ceiling fails with the seed, the case number and the input.
     */
    public <T> T within(int caseNumber, Object input, long inputChars, Callable<T> work) {
        Measured<T> first = measure(caseNumber, input, work);
        Measured<T> m = first.overBudget(caseNumber)
                ? measure(caseNumber, input, work)
                : first; // a second look: a shared machine's hiccup is not the code's cost
        if (m.overBudget(caseNumber)) {
            String what = m.cpu > CPU_BUDGET.toNanos()
                    ? "took " + m.cpu / 1_000_000 + " ms of CPU"
                    : "took " + m.wall / 1_000_000 + " ms";
            throw new AssertionError(failure(caseNumber, input, what + " (twice)"));
        }
        long ceiling = ALLOCATION_BASE + ALLOCATION_PER_CHAR * inputChars;
        if (m.allocated > ceiling) {
            throw new AssertionError(failure(
                    caseNumber,
                    input,
                    "allocated " + (m.allocated >> 20) + " MB (ceiling " + (ceiling >> 20) + " MB)"));
        }
        return m.result;
    }

    private record Measured<T>(T result, long cpu, long wall, long allocated) {
        boolean overBudget(int caseNumber) {
            return caseNumber >= WARM_UP && (cpu > CPU_BUDGET.toNanos() || wall > WALL_CEILING.toNanos());
        }
    }

    private <T> Measured<T> measure(int caseNumber, Object input, Callable<T> work) {
        long threadId = Thread.currentThread().getId();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        long allocatedBefore = allocated(threadId);
        long wallBefore = System.nanoTime();
        T result;
        try {
            result = work.call();
        } catch (Throwable t) {
            throw new AssertionError(failure(caseNumber, input, "threw " + t), t);
        }
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long allocated = allocatedBefore < 0 ? 0 : allocated(threadId) - allocatedBefore;
        return new Measured<>(result, cpu, wall, allocated);
    }

    public String failure(int caseNumber, Object input, String what) {
        return "seed " + seed + ", case " + caseNumber + ": " + what + "; input " + UserText.shown(input, 400);
    }

    private static long allocated(long threadId) {
        if (THREADS instanceof com.sun.management.ThreadMXBean hotspot && hotspot.isThreadAllocatedMemorySupported()) {
            return hotspot.getThreadAllocatedBytes(threadId);
        }
        return -1;
    }

    // ---- generators ---------------------------------------------------------------------------

    public boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    public <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** Text of every kind: plain, control characters, lone surrogates, right-to-left overrides, long, huge. */
    public String text() {
        int kind = random.nextInt(100);
        if (kind < 5) return "x".repeat(random.nextInt(5000)); // huge values come one a case: see huge()
        int length = random.nextInt(kind < 60 ? 12 : 80);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int c = random.nextInt(100);
            if (c < 60) out.append((char) ('!' + random.nextInt(94)));
            else if (c < 75) out.append(NASTY.charAt(random.nextInt(NASTY.length())));
            else if (c < 85) out.append((char) random.nextInt(0x20));
            else if (c < 92) out.append((char) (0x4e00 + random.nextInt(0x5000)));
            else if (c < 96) out.append((char) (0xd800 + random.nextInt(0x800))); // a lone surrogate
            else out.append(pick(List.of(".", "%", "&", "=", "+", "%zz", "%0", "\\", "'", "\"")));
        }
        return out.toString();
    }

    /** A megabyte (or a good part of one) of one character, or of a repeated valid-looking value. */
    public String huge() {
        int size = (1 << 18) + random.nextInt(3 << 18);
        return switch (random.nextInt(4)) {
            case 0 -> "S4.2B" + "x".repeat(size);
            case 1 -> "9".repeat(size);
            case 2 -> "%41".repeat(size / 3);
            default -> "\u001b[2J".repeat(size / 4);
        };
    }

    /** Numbers and numeric text, sane and absurd. */
    public Object number() {
        return switch (random.nextInt(16)) {
            case 0 -> random.nextLong();
            case 1 -> (long) random.nextInt(200) - 50;
            case 2 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20);
            case 3 -> "1e" + (random.nextBoolean() ? "-" : "") + random.nextInt(Integer.MAX_VALUE);
            case 4 -> new BigDecimal(BigInteger.ONE, -random.nextInt(Integer.MAX_VALUE));
            case 5 -> random.nextDouble() * Math.pow(10, random.nextInt(600) - 300);
            case 6 -> pick(List.of(Double.NaN, Double.POSITIVE_INFINITY, -0.0d, Float.NaN));
            case 7 ->
                pick(List.of(
                        "NaN", "Infinity", "-0", "0x10", " 12 ", "1_000", "٣", "1e", "+5", "0e999999999", "1.", ".5"));
            case 8 -> "9".repeat(random.nextInt(200));
            case 9 -> BigInteger.ONE.shiftLeft(random.nextInt(5000));
            case 10 -> String.valueOf(random.nextInt(100));
            case 11 -> random.nextInt(10) + "." + random.nextInt(100000);
            case 12 -> (short) random.nextInt(100);
            default -> text();
        };
    }

    /** Nested lists or maps, up to thousands deep. */
    public Object deep() {
        int depth = 1 + random.nextInt(random.nextBoolean() ? 50 : 3000);
        Object value = "leaf";
        for (int i = 0; i < depth; i++) {
            value = random.nextBoolean()
                    ? new ArrayList<>(List.of(value))
                    : new LinkedHashMap<>(Map.of("Value", value));
        }
        return value;
    }

    /** A value meant for {@code member}: mostly of its type (often valid), sometimes anything at all. */
    public Object valueFor(Service service, Member member, int depth) {
        int wild = random.nextInt(100);
        if (wild < 4) return deep();
        if (wild < 10) return anything();
        return switch (member.type()) {
            case STRING ->
                member.enumName()
                        .flatMap(service::enumDef)
                        .filter(e -> chance(60))
                        .map(this::enumValue)
                        .map(Object.class::cast)
                        .orElseGet(this::text);
            case INTEGER, LONG, FLOAT ->
                chance(30) && member.min().isPresent() ? member.min().get() : number();
            case BOOLEAN -> pick(List.of(true, false, "true", "FALSE", "1", "yes", ""));
            case LIST -> {
                int n = chance(5) ? random.nextInt(300) : random.nextInt(4);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++)
                    items.add(depth > 6 ? text() : valueFor(service, member.member(), depth + 1));
                yield chance(10) ? items.isEmpty() ? "one" : items.get(0) : items;
            }
            case STRUCTURE -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (Map.Entry<String, Member> e : member.members().entrySet()) {
                    if (chance(60))
                        map.put(e.getKey(), depth > 6 ? text() : valueFor(service, e.getValue(), depth + 1));
                }
                if (chance(10)) map.put(text(), text());
                yield map;
            }
        };
    }

    private String enumValue(EnumDef e) {
        String v = pick(e.names());
        return chance(20) ? v.toLowerCase(Locale.ROOT) : chance(10) ? v + "x" : v;
    }

    /** A value of no particular type. */
    public Object anything() {
        return switch (random.nextInt(8)) {
            case 0 -> number();
            case 1 -> List.of(text(), text());
            case 2 -> Map.of(text(), text());
            case 3 -> new Object[] {text(), 1};
            case 4 -> random.nextBoolean();
            case 5 -> Instant.ofEpochSecond(random.nextInt());
            case 6 -> random.nextBoolean() ? new char[] {'a', 'b'} : new int[] {1, 2};
            default -> text();
        };
    }

    /** Characters in a value tree, roughly: what the allocation ceiling scales with. */
    public static long size(Object value) {
        return size(value, 0);
    }

    private static long size(Object value, int depth) {
        if (depth > 10_000) return 0;
        if (value instanceof CharSequence s) return s.length();
        if (value instanceof Map<?, ?> m) {
            long n = 2;
            for (Map.Entry<?, ?> e : m.entrySet()) n += size(e.getKey(), depth + 1) + size(e.getValue(), depth + 1) + 2;
            return n;
        }
        if (value instanceof Iterable<?> items) {
            long n = 2;
            for (Object item : items) n += size(item, depth + 1) + 2;
            return n;
        }
        return 24;
    }
}
