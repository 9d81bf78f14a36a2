package io.kecsh.dsl

import io.kecsh.dsl.internal.SandboxDefaults
import io.kecsh.runtime.catalog.CatalogueCache
import io.kecsh.runtime.catalog.LiveCatalogues
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.client.CloudClient
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.config.Overrides
import io.kecsh.runtime.config.Settings
import io.kecsh.runtime.config.SettingsResolver
import io.kecsh.runtime.retry.Sleeper
import io.kecsh.runtime.overlay.InstalledModel
import io.kecsh.runtime.overlay.ModelOverlays
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration
import java.util.function.Consumer

/**
 * Embeds kecsh in a JVM program (and is what the shell and the script runner use):
 * <pre>
 * try (Kecsh k = Kecsh.builder().region("cn-beijing-6").build()) {
 *     Object result = k.eval("instances { run type: 'S4.2B', count: 3 }");
 * }
 * </pre>
 * With no credentials configured (or {@code sandbox(true)}), an embedded sandbox is started and
 * used; {@link #usesSandbox()} says so.
 */
class Kecsh implements AutoCloseable {
    private final Sandbox sandbox
    private final CloudClient client
    private final Settings settings
    private final Builder builder
    private final LiveCatalogues catalogues

    private Kecsh(Builder b) {
        this.builder = b
        // An empty environment is a real answer (a hermetic test, a cleared CI job), not "read the process's".
        Map<String, String> environment = b.environment != null ? b.environment : System.getenv()
        Path home = b.home != null ? b.home : SettingsResolver.userHome(environment)
        SettingsResolver resolver = new SettingsResolver(environment, home)
        this.settings = resolver.resolve(new Overrides(b.profile, b.region, b.endpoint, null, null))
        boolean useSandbox = b.sandbox || !settings.hasAnyCredentials()
        // the built-in model plus the overlays in ~/.kecsh/models, for the client and an embedded sandbox alike
        ModelOverlays.Result installed = InstalledModel.forHome(b.home != null ? b.home : SettingsResolver.userHome(environment))
        InstalledModel.reportOnce(installed, b.progress ?: { String line -> System.err.println(line) } as java.util.function.Consumer<String>)
        ClientConfig.Builder config = ClientConfig.builder().model(installed.model())
        if (useSandbox) {
            SandboxOptions options = b.sandboxOptions ?: SandboxOptions.interactive()
            sandbox = Sandbox.start(options.model() == null ? options.withModel(installed.model()) : options)
            config.endpoint(sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
                .credentials(Cloud.ALIBABA, sandbox.credentials().alibaba())
                .clock(sandbox.clock())
                .sleeper(sleeperFor(sandbox))
            if (b.region) config.region(Cloud.KINGSOFT, b.region)
        } else {
            sandbox = null
            config.settings(settings)
        }
        if (b.wireLog != null) config.wireLog(b.wireLog)
        // against a real cloud the catalogue is kept on disk per profile and region; a sandbox's only in memory
        this.catalogues = new LiveCatalogues(useSandbox ? 'sandbox' : settings.profile(),
            useSandbox || home == null ? null : CatalogueCache.under(home), LiveCatalogues.DEFAULT_MAX_AGE, java.time.Clock.systemUTC())
        config.catalogues(catalogues)
        config.warnings(b.progress)
        this.client = new CloudClient(config.build())
        catalogues.prefetch(client.region(Cloud.KINGSOFT))
    }

    /** On a manual sandbox clock, waiting moves the clock; otherwise it is real sleeping. */
    private static Sleeper sleeperFor(Sandbox sandbox) {
        sandbox.clock().isManual() ? ({ Duration d -> sandbox.clock().advance(d) } as Sleeper) : Sleeper.REAL
    }

    static Builder builder() {
        new Builder()
    }

    boolean usesSandbox() {
        sandbox != null
    }

    /** The embedded sandbox, or null against a real cloud. */
    Sandbox getSandbox() {
        sandbox
    }

    CloudClient getClient() {
        client
    }

    /** The live catalogues of this profile (completion and {@code :help} show them). */
    LiveCatalogues getCatalogues() {
        catalogues
    }

    /** A fresh session: the script's own defaults start empty each time. */
    KecshSession newSession() {
        newSession(builder.progress)
    }

    /** A fresh session whose progress lines go to this consumer (the shell draws them itself). */
    KecshSession newSession(Consumer<String> progress) {
        Defaults defaults = new Defaults(settings.defaults(), sandbox == null ? null : new SandboxDefaults(sandbox))
        io.kecsh.dsl.safety.Safety safety = builder.safety()
        KecshSession session = new KecshSession(new io.kecsh.dsl.safety.GuardedOperations(new ClientOperations(client), safety),
            defaults, progress)
        session.safety = safety
        if (sandbox != null) {
            session.clock = sandbox.clock()
            session.sleeper = sleeperFor(sandbox)
        }
        session
    }

    /**
     * Line-by-line evaluation for the shell: one session and one Binding for every line, so
     * variables persist; the shell's own confirmer and progress (null keeps the builder's).
     */
    InteractiveSession interactive(io.kecsh.dsl.safety.Confirmer confirmer, Consumer<String> progress) {
        KecshSession session = newSession(progress ?: builder.progress)
        if (confirmer != null) session.safety.confirmer = confirmer
        new InteractiveSession(session)
    }

    /** The same options with another profile and region (null keeps each): the shell's :profile. */
    Kecsh rebuild(String profile, String region) {
        Builder b = builder.copy()
        if (profile != null) b.profile = profile
        if (region != null) b.region = region
        b.build()
    }

    /** The profile the settings were read for ({@code default} unless one was chosen). */
    String getProfile() {
        settings.profile()
    }

    Object eval(String script) {
        eval(script, [:])
    }

    /** The script's value; with {@code plan(true)}, the {@link io.kecsh.dsl.plan.Plan} (its value in {@code result}). */
    Object eval(String script, Map<String, ?> bindings) {
        runScript(script, 'script.groovy', bindings)
    }

    Object evalFile(Path file, Map<String, ?> bindings = [:]) {
        runScript(Files.readString(file), file.fileName.toString(), bindings)
    }

    private Object runScript(String source, String fileName, Map<String, ?> bindings) {
        KecshSession session = newSession()
        ScriptRunner runner = new ScriptRunner(session)
        if (!builder.plan) return runner.run(source, fileName, bindings)
        io.kecsh.dsl.plan.Planning.run(session) { runner.run(source, fileName, bindings) }
    }

    @Override
    void close() {
        client.close()
        sandbox?.close()
    }

    /** Options: region, profile, endpoint; the environment and home (for tests); sandbox use. */
    static class Builder {
        String region
        String profile
        URI endpoint
        boolean sandbox
        SandboxOptions sandboxOptions
        Map<String, String> environment
        Path home
        Consumer<String> progress = { String line -> System.err.println(line) } as Consumer<String>
        Consumer<String> wireLog

        Builder region(String r) { region = r; this }
        Builder profile(String p) { profile = p; this }
        Builder endpoint(URI e) { endpoint = e; this }
        /** Use an embedded sandbox even when credentials are configured. */
        Builder sandbox(boolean s) { sandbox = s; this }
        Builder sandboxOptions(SandboxOptions o) { sandboxOptions = o; sandbox = true; this }
        /** Read credentials from this environment instead of the process's (tests, embedding). */
        Builder environment(Map<String, String> env) { environment = env; this }
        Builder home(Path h) { home = h; this }
        Builder progress(Consumer<String> p) { progress = p; this }
        Builder wireLog(Consumer<String> w) { wireLog = w; this }

        boolean plan
        List<Map<String, ?>> protections = []
        io.kecsh.dsl.safety.Confirmer confirmer
        boolean refuseDestructive

        /** Plan the whole script: reads happen, mutating calls are recorded; eval returns the Plan. */
        Builder plan(boolean p) { plan = p; this }
        /** Guard destructive verbs in every script: {@code protect([name: ~/^prod-/])}. */
        Builder protect(Map<String, ?> criteria) { new io.kecsh.dsl.safety.Protection(criteria); protections << criteria; this }
        /** Asked before each destructive call (the shell prompts); none means never prompt. */
        Builder confirmer(io.kecsh.dsl.safety.Confirmer c) { confirmer = c; this }
        /** Fail every destructive call (Jenkins' allowDestructive: false). */
        Builder refuseDestructive(boolean r) { refuseDestructive = r; this }

        /** A fresh Safety per session, so a script's own protect rules end with it. */
        io.kecsh.dsl.safety.Safety safety() {
            io.kecsh.dsl.safety.Safety s = new io.kecsh.dsl.safety.Safety(confirmer: confirmer, refuseDestructive: refuseDestructive)
            protections.each { s.protect(it) }
            s
        }

        /** An independent copy (the shell rebuilds with another profile). */
        Builder copy() {
            Builder b = new Builder(region: region, profile: profile, endpoint: endpoint, sandbox: sandbox, sandboxOptions: sandboxOptions,
                environment: environment, home: home, progress: progress, wireLog: wireLog, plan: plan, confirmer: confirmer,
                refuseDestructive: refuseDestructive)
            b.protections.addAll(protections)
            b
        }

        Kecsh build() {
            new Kecsh(this)
        }
    }
}
