package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;
import io.kecsh.runtime.config.Settings;
import java.util.ArrayList;
import java.util.List;

/**
 * Who kecsh is talking to, in words: the backend (the embedded sandbox at its URL, or the cloud
 * and its endpoint), the Kingsoft region and the profile, then where the keys came from
 * ({@link Settings#describe()}, which never shows a secret) and any configuration warning.
 * The shell prints it on start; {@code run}, {@code plan} and {@code -e} print it to stderr only with
 * {@code --debug}, so a script's stdout stays its own.
 */
public final class Banner {
    private Banner() {}

    /** From the settings the Kecsh was built with and the region it runs in, so the lines cannot disagree. */
    public static List<String> lines(Kecsh kecsh, GlobalOptions options) {
        Settings settings = kecsh.getSettings();
        List<String> lines = new ArrayList<>();
        lines.add("kecsh " + Version.text() + " — " + backend(kecsh, settings, options) + "; region "
                + kecsh.getRegion() + "; profile '" + settings.profile() + "'");
        lines.add(settings.describe());
        settings.warnings().forEach(w -> lines.add("warning: " + w));
        return lines;
    }

    private static String backend(Kecsh kecsh, Settings settings, GlobalOptions options) {
        if (kecsh.usesSandbox()) {
            String why = options.fresh()
                    ? "--fresh: in memory, forgotten at exit"
                    : options.state() != null
                            ? "--state"
                            : options.sandbox() ? "--sandbox" : "no credentials configured";
            return kecsh.getSandboxDescription() + " (" + why + ")";
        }
        return settings.endpoint().map(e -> "cloud at " + e).orElse("Kingsoft Cloud / Alibaba Cloud public endpoints");
    }
}
