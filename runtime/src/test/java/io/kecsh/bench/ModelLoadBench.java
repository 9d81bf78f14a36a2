package io.kecsh.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.model.ModelLoader;
import io.kecsh.runtime.model.ServiceModel;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the model's load goes (bench/model-load; not a test). One cold load, cut into phases, each with the
 * wall and the main thread's CPU (CPU is the figure to trust on a shared machine): Jackson's first
 * ObjectMapper, reading every model file's JSON, building the model from it, and the loader's whole path as
 * kecsh takes it ({@link ServiceModel#bundled()}, whatever form it reads). Then, in the same JVM, the same
 * after a warm-up ({@code warm}) for comparison. One line of figures per run: the script runs several JVMs.
 * Modes: {@code phases} (the above), {@code kec} (the bundled model as a run of kec's actions reads it, then
 * the rest), {@code eager} (every file read and built at once). Each figure is "wall/CPU" in ms.
 */
public final class ModelLoadBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ModelLoadBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "phases";
        List<String> out = new ArrayList<>();
        if (mode.equals("kec")) {
            // the path a run of kec's actions takes: nothing loaded before it (reads kec only)
            out.add(timed("kec", () -> ServiceModel.bundled().requireOperation("DescribeRegions")));
            out.add(timed("allServices", () -> ServiceModel.bundled().services()));
        } else if (mode.equals("eager")) {
            // every service's files read and built at once (what the bundled model did before it read lazily)
            out.add(timed("eager", () -> {
                ModelLoader loader = new ModelLoader();
                return loader.build(loader.bundledFiles());
            }));
        } else {
            out.add(timed("mapper", ObjectMapper::new));
            ObjectMapper json = new ObjectMapper();
            ModelLoader loader = new ModelLoader();
            out.add(timed("parse", () -> {
                for (String f : files()) read(json, f);
                return null;
            }));
            var files = loader.bundledFiles();
            out.add(timed("build", () -> loader.build(files)));
            for (int i = 0; i < 30; i++) loader.build(loader.bundledFiles());
            out.add(timed("warmParse", () -> {
                for (String f : files()) read(json, f);
                return null;
            }));
            out.add(timed("warmBuild", () -> loader.build(files)));
        }
        System.out.println(String.join("  ", out));
    }

    private static List<String> files() {
        return List.of(
                "index.json",
                "kec/2016-03-04/service.json",
                "kec/2016-03-04/paginators.json",
                "kec/2016-03-04/waiters.json",
                "vpc/2016-03-04/service.json",
                "vpc/2016-03-04/paginators.json",
                "kms/2016-01-20/service.json",
                "kms/2016-01-20/waiters.json",
                "bss/2017-12-14/service.json",
                "sks/2015-11-01/service.json",
                "sks/2015-11-01/paginators.json",
                "tagv2/2020-09-01/service.json",
                "cloud-market/v1/service.json");
    }

    private static Object read(ObjectMapper json, String f) throws Exception {
        try (InputStream in = ModelLoadBench.class.getClassLoader().getResourceAsStream("models/" + f)) {
            return in == null ? null : json.readTree(in);
        }
    }

    interface Step {
        Object run() throws Exception;
    }

    private static String timed(String name, Step step) throws Exception {
        long cpu = THREADS.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        step.run();
        return String.format(
                "%s %.1f/%.1f",
                name, (System.nanoTime() - wall) / 1e6, (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6);
    }
}
