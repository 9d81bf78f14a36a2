package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;
import io.kecsh.repl.sandbox.HomeSandbox;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.config.ConfigException;
import io.kecsh.runtime.config.Overrides;
import io.kecsh.runtime.config.Settings;
import io.kecsh.runtime.config.SettingsResolver;
import io.kecsh.runtime.sandbox.SandboxOptions;
import io.kecsh.runtime.validate.RegionNames;
import java.util.function.Consumer;

/**
 * Builds the {@link Kecsh} a command runs with from the global options and the command's context:
 * settings from the context's environment and home (never the process's in a test), progress lines
 * to stderr (stdout stays the script's), the runtime's redacted wire log to stderr with
 * {@code --debug}. No confirmer: a command that is not the shell never prompts.
 */
public final class KecshFactory {
    private final GlobalOptions options;
    private final CommandContext context;
    /** Resolved once: the Kecsh, the banner and the shell's prompt all read these. */
    private Settings settings;

    public KecshFactory(GlobalOptions options, CommandContext context) {
        this.options = options;
        this.context = context;
    }

    public Kecsh create(boolean plan) {
        Kecsh.Builder b = Kecsh.builder()
                .environment(context.environment())
                .home(context.home())
                .settings(settings())
                .progress(line -> context.err().println(line))
                .plan(plan);
        if (options.region() != null) b.region(options.region());
        if (options.profile() != null) b.profile(options.profile());
        if (options.endpoint() != null) b.endpoint(options.endpoint());
        if (options.sandboxAsked()) b.sandbox(true);
        if (options.refuseDestructive()) b.refuseDestructive(true);
        // Only when a sandbox is used: sandboxOptions() alone would force one.
        if (options.sandboxAsked() || !settings().hasAnyCredentials()) chooseSandbox(b);
        if (options.debug()) b.wireLog(debugLog());
        Kecsh kecsh = b.build();
        try {
            if (options.region() != null) checkRegion(kecsh, options.region());
        } catch (RuntimeException refused) {
            kecsh.close();
            throw refused;
        }
        return kecsh;
    }

    /**
     * Which sandbox: a test's own (the context's options, hermetic), one in this process for
     * {@code --fresh} (in memory) or {@code --state FILE}, else the home's shared one, started if none
     * runs. Without a home there is nothing to share: a fresh one.
     */
    private void chooseSandbox(Kecsh.Builder b) {
        SandboxOptions own = context.sandboxOptions();
        if (own != null) {
            b.sandboxOptions(options.state() != null ? own.withStateFile(options.state()) : own);
        } else if (options.fresh() || context.home() == null) {
            b.sandboxOptions(SandboxOptions.interactive());
        } else if (options.state() != null) {
            b.sandboxOptions(SandboxOptions.interactive().withStateFile(options.state()));
        } else {
            b.sharedSandbox(new HomeSandbox(context.home(), context.environment()).connect());
        }
    }

    /**
     * {@code --region} judged before anything is sent, by the rule {@code :region} and a script's
     * {@code region '…'} use: a misspelt name used to go out and come back as SignatureDoesNotMatch.
     */
    private void checkRegion(Kecsh kecsh, String region) {
        // judged from the model's default region: the live region list cannot be read in a misspelt one
        CloudClient client = kecsh.getClient()
                .inRegion(Cloud.KINGSOFT.defaultRegion(kecsh.getClient().model()));
        switch (client.judgeRegion(region)) {
            case WRONG ->
                throw new ConfigException("--region: "
                        + RegionNames.refusal(region, RegionNames.known(client.model(), client.catalogue())));
            case UNKNOWN ->
                context.err()
                        .println("kecsh: --region: "
                                + RegionNames.warning(region, RegionNames.known(client.model(), client.catalogue())));
            case LISTED -> {}
        }
    }

    /** The settings the options and context resolve to (what the banner describes), resolved on first use. */
    public synchronized Settings settings() {
        if (settings == null) {
            settings = new SettingsResolver(context.environment(), context.home())
                    .resolve(new Overrides(options.profile(), options.region(), options.endpoint(), null, null));
        }
        return settings;
    }

    private Consumer<String> debugLog() {
        return line -> context.err().println("debug: " + line);
    }
}
