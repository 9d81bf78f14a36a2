package io.kecsh.runtime.overlay;

import io.kecsh.runtime.config.SettingsResolver;
import io.kecsh.runtime.model.ServiceModel;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The model kecsh's commands, client and embedded sandbox use: the built-in model plus the user's
 * overlays in {@code <home>/.kecsh/models} ({@link ModelOverlays}), loaded once per home and
 * process. With no such directory it is {@link ServiceModel#bundled()} itself, at no cost. An overlay
 * file that is not used is reported once per process, one line naming the file and the entry;
 * nothing else stops.
 */
public final class InstalledModel {
    private static final Map<Path, ModelOverlays.Result> BY_DIRECTORY = new ConcurrentHashMap<>();
    private static final ModelOverlays.Result NO_HOME = ModelOverlays.load(null);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();

    private InstalledModel() {}

    /** The installed model of this process's home ($HOME, else user.home); problems go to stderr, once. */
    public static ServiceModel get() {
        ModelOverlays.Result r = forHome(SettingsResolver.userHome(System.getenv()));
        reportOnce(r, System.err::println);
        return r.model();
    }

    /** The built-in model plus the overlays of {@code home/.kecsh/models} (null home: the built-in model). */
    public static ModelOverlays.Result forHome(Path home) {
        Path directory = directory(home);
        if (directory == null) return NO_HOME;
        return BY_DIRECTORY.computeIfAbsent(directory.toAbsolutePath().normalize(), ModelOverlays::load);
    }

    /** Hands each problem of the result to the sink, unless this process has reported it already. */
    public static void reportOnce(ModelOverlays.Result result, Consumer<String> sink) {
        for (OverlayProblem p : result.problems()) if (REPORTED.add(p.message())) sink.accept(p.message());
    }

    /** {@code home/.kecsh/models}; null without a home. */
    public static Path directory(Path home) {
        return home == null ? null : home.resolve(".kecsh").resolve("models");
    }
}
