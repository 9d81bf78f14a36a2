/*
 * The chaos rollout at fleet size: a careful script (dsl/src/test/resources/chaos/careful-rollout.groovy:
 * run named web-1…web-N, wait active, stop, wait stopped, start, wait active, terminate; it catches
 * BatchException and reconciles by describing before it sends anything again) through the DSL against
 * the sandbox under seeded random faults on every instance action — 30 % throttling, 10 % 5xx
 * (ServiceUnavailable/ServiceTimeout), 2.5 % dropped connections before and 2.5 % after the call took
 * effect. Prints, per seed, the counts and the time; exits 1 if any count is not exact. A figure, not a
 * test (the CI size is dsl's ChaosRolloutSpec).
 *
 *   mvn -o -q -B -DskipTests package                                  # builds repl/target/kecsh.jar
 *   java -cp repl/target/kecsh.jar bench/ChaosRollout.java [SIZE] [SEED…]   # from the checkout's root
 *                                                     (default: 1000 instances, seeds 1 2 3)
 */
import io.kecsh.dsl.Kecsh;
import io.kecsh.runtime.sandbox.server.RandomFaults;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.sandbox.state.Instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public class ChaosRollout {
    public static void main(String[] args) throws Exception {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<Long> seeds = new ArrayList<>();
        for (int i = 1; i < args.length; i++) seeds.add(Long.parseLong(args[i]));
        if (seeds.isEmpty()) seeds.addAll(List.of(1L, 2L, 3L));
        String script = Files.readString(Path.of("dsl/src/test/resources/chaos/careful-rollout.groovy"));
        boolean allExact = true;
        for (long seed : seeds) allExact &= once(script, size, seed);
        System.exit(allExact ? 0 : 1);
    }

    @SuppressWarnings("unchecked")
    private static boolean once(String script, int size, long seed) throws Exception {
        Path home = Files.createTempDirectory("kecsh-chaos");
        RandomFaults faults = new RandomFaults(seed, Set.of("RunInstances", "DescribeInstances", "StopInstances",
            "StartInstances", "TerminateInstances"), 0.30, 0.10, 0.025, 0.025);
        try (Kecsh kecsh = Kecsh.builder().environment(Map.of()).home(home).sandboxOptions(SandboxOptions.forTests())
                .progress(line -> { }).build()) {
            kecsh.getSandbox().faults().random(faults);
            long start = System.nanoTime();
            Map<String, Object> seen = (Map<String, Object>) kecsh.eval(script, Map.of("size", size));
            long millis = (System.nanoTime() - start) / 1_000_000;
            kecsh.getSandbox().faults().clear();

            Collection<Instance> made = kecsh.getSandbox().state().region("cn-beijing-6").instances.values();
            Set<String> names = new HashSet<>();
            made.forEach(i -> names.add(i.name));
            Set<String> wanted = new HashSet<>();
            for (int i = 1; i <= size; i++) wanted.add("web-" + i);
            Set<String> lost = new HashSet<>(wanted);
            lost.removeAll(names);
            long running = made.stream().filter(i -> !"recycling".equals(i.state)).count();
            List<Map<String, Object>> failures = (List<Map<String, Object>>) seen.get("failures");
            long unnamed = failures.stream().filter(f -> !Boolean.TRUE.equals(f.get("named"))).count();
            Map<String, Integer> byOutcome = new HashMap<>();
            failures.forEach(f -> List.of("done", "notDone", "unknown").forEach(k ->
                byOutcome.merge(k, ((Number) f.get(k)).intValue(), Integer::sum)));

            boolean exact = made.size() == size && names.equals(wanted) && lost.isEmpty() && running == 0 && unnamed == 0;
            System.out.printf("seed %d: %d instances: created %d, duplicates %d, lost %d, names web-1..web-%d %s, left running %d;"
                    + " %d failures seen (resources done %d, not done %d, unknown %d), %d not naming every resource; read again %s;"
                    + " faults %s; %.1f s %s%n",
                seed, size, made.size(), made.size() - names.size(), lost.size(), size, names.equals(wanted) ? "exact" : "WRONG",
                running, failures.size(), byOutcome.getOrDefault("done", 0), byOutcome.getOrDefault("notDone", 0),
                byOutcome.getOrDefault("unknown", 0), unnamed, seen.get("reads"), faults.played(), millis / 1000.0,
                exact ? "OK" : "NOT EXACT");
            return exact;
        }
    }
}
