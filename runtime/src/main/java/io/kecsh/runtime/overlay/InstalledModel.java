package io.kecsh.runtime.overlay;

import io.kecsh.runtime.config.SettingsResolver;
import io.kecsh.runtime.model.ServiceModel;

import java.nio.file.Path;
import java.util.Map;

/**
 * The model kecsh's commands, client and embedded sandbox use: the built-in model plus the user's
 * overlays in {@code ~/.kecsh/models} ({@link ModelOverlays}), loaded once per process. With no such
 * directory it is {@link ServiceModel#bundled()} itself, at no cost. An overlay file that is not used
 * is reported once, one line on stderr naming the file and the entry; nothing else stops.
 */
public final class InstalledModel {
    private static volatile ModelOverlays.Result installed;

    private InstalledModel() {
    }

    /** The installed model (built-in plus the overlays that passed). */
    public static ServiceModel get() {
        return result().model();
    }

    /** What loading the user's overlays gave: the model, the files used, the files refused and why. */
    public static ModelOverlays.Result result() {
        ModelOverlays.Result r = installed;
        if (r == null) {
            synchronized (InstalledModel.class) {
                r = installed;
                if (r == null) {
                    r = ModelOverlays.load(directory(System.getenv()));
                    r.problems().forEach(p -> System.err.println(p.message()));
                    installed = r;
                }
            }
        }
        return r;
    }

    /** {@code ~/.kecsh/models} for this environment ($HOME, else user.home); null without a home. */
    public static Path directory(Map<String, String> environment) {
        Path home = SettingsResolver.userHome(environment);
        return home == null ? null : home.resolve(".kecsh").resolve("models");
    }
}
