package io.kecsh.dsl

import groovy.transform.RecordOptions
import io.kecsh.dsl.engine.ClientOperations
import io.kecsh.dsl.engine.CloudOperations
import io.kecsh.dsl.engine.Defaults
import io.kecsh.dsl.engine.KecshSession
import io.kecsh.dsl.engine.SandboxEndpoint
import io.kecsh.dsl.engine.internal.AuditLog
import io.kecsh.dsl.engine.internal.AuditedOperations
import io.kecsh.dsl.engine.internal.Backend
import io.kecsh.dsl.engine.plan.Planning
import io.kecsh.dsl.engine.safety.Confirmer
import io.kecsh.dsl.engine.safety.GuardedOperations
import io.kecsh.dsl.engine.safety.Protection
import io.kecsh.dsl.engine.safety.Safety
import io.kecsh.runtime.catalog.LiveCatalogue
import io.kecsh.runtime.catalog.LiveCatalogues
import io.kecsh.runtime.client.ClientConfig
import io.kecsh.runtime.client.CloudClient
import io.kecsh.runtime.config.Cloud
import io.kecsh.runtime.config.Overrides
import io.kecsh.runtime.config.Settings
import io.kecsh.runtime.config.SettingsResolver
import io.kecsh.runtime.overlay.InstalledModel
import io.kecsh.runtime.overlay.ModelOverlays
import io.kecsh.runtime.sandbox.Sandbox
import io.kecsh.runtime.sandbox.SandboxOptions
import io.kecsh.runtime.validate.OpenValueRule
import io.kecsh.runtime.validate.RegionNames
import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Consumer

/**
 * Embeds kecsh in a JVM program (and is what the shell and the script runner use):
 * <pre>
 * try (Kecsh k = Kecsh.builder().region("cn-beijing-6").build()) {
 *     Object result = k.eval("instances { run type: 'S4.2B', count: 3 }");
 * }
 * </pre>
 * With no credentials configured (or {@code sandbox(true)}), an embedded sandbox is started and
 * used; {@link #usesSandbox()} says so. Settings are resolved once (or given, already resolved, by
 * {@link Builder#settings}); the {@link Backend} and the Kingsoft region are decided from them once, here.
 */
class Kecsh implements AutoCloseable {
    private final Options options
    private final Settings settings
    private final Backend backend
    /** The Kingsoft region the client, the sessions and the banner start in. */
    private final String region
    private final CloudClient client
    private final LiveCatalogues catalogues
    /** ~/.kecsh/audit.log: every mutating call sent (null without a home directory). */
    private final AuditLog audit

    private Kecsh(Options o) {
        this.options = o
        // An empty environment is a real answer (a hermetic test, a cleared CI job), not "read the process's".
        Map<String, String> environment = o.environment() != null ? o.environment() : System.getenv()
        Path home = o.home() != null ? o.home() : SettingsResolver.userHome(environment)
        this.settings = o.settings() ?: new SettingsResolver(environment, home)
            .resolve(new Overrides(o.profile(), o.region(), o.endpoint(), null, null))
        // the built-in model plus the overlays in ~/.kecsh/models, for the client and an embedded sandbox alike
        ModelOverlays.Result installed = InstalledModel.forHome(home)
        InstalledModel.reportOnce(installed, o.progress() ?: { String line -> System.err.println(line) } as Consumer<String>)
        this.backend = Backend.choose(settings, o.sandbox(), o.sandboxOptions(), o.sharedSandbox(), installed.model())
        this.region = settings.region(Cloud.KINGSOFT, installed.model())
        ClientConfig.Builder config = ClientConfig.builder().model(installed.model())
        backend.configure(config)
        // every cloud's region from the same settings, whichever backend answers (the sandbox used to
        // get only Kingsoft's, so ALIBABA_CLOUD_REGION_ID was ignored there)
        for (Cloud cloud : Cloud.values()) config.region(cloud, settings.region(cloud, installed.model()))
        if (o.wireLog() != null) config.wireLog(o.wireLog())
        // against a real cloud the catalogue is kept on disk per profile and region; a sandbox's only in memory
        this.catalogues = backend.catalogues(home)
        this.audit = AuditLog.inHome(home, backend.sandbox != null ? 'sandbox' : 'cloud')
        config.catalogues(catalogues)
        config.warnings(o.progress())
        this.client = new CloudClient(config.build())
        // never a read in a region the model says is misspelt (--region cn-bejing-6): the caller refuses it
        if (RegionNames.judge(installed.model(), LiveCatalogue.NONE, region)
            != OpenValueRule.Verdict.WRONG) catalogues.prefetch(region)
    }

    static Builder builder() {
        new Builder()
    }

    boolean usesSandbox() {
        backend.usesSandbox()
    }

    /** The embedded sandbox, or null against a real cloud or a sandbox another process serves. */
    Sandbox getSandbox() {
        backend.sandbox
    }

    /** Which sandbox answers and where its state lives, in words; null against a cloud. */
    String getSandboxDescription() {
        backend.sandboxDescription
    }

    CloudClient getClient() {
        client
    }

    /** The settings this Kecsh was resolved with (what the banner describes; never a secret in their text). */
    Settings getSettings() {
        settings
    }

    /** The Kingsoft region it starts in: the one set (option, environment, profile), else the model's default. */
    String getRegion() {
        region
    }

    /** The live catalogues of this profile (completion and {@code :help} show them). */
    LiveCatalogues getCatalogues() {
        catalogues
    }

    /** A fresh session: the script's own defaults start empty each time. */
    KecshSession newSession() {
        newSession(options.progress())
    }

    /** A fresh session whose progress lines go to this consumer (the shell draws them itself). */
    KecshSession newSession(Consumer<String> progress) {
        Defaults defaults = new Defaults(settings.defaults(), backend.defaults, client.region(Cloud.KINGSOFT),
            settings.regionalDefaults())
        Safety safety = options.safety()
        CloudOperations sent = audit == null ? new ClientOperations(client) : new AuditedOperations(new ClientOperations(client), audit)
        KecshSession session = new KecshSession(new GuardedOperations(sent, safety), defaults, progress)
        session.safety = safety
        backend.prepare(session)
        session
    }

    /**
     * Line-by-line evaluation for the shell: one session and one Binding for every line, so
     * variables persist; the shell's own confirmer and progress (null keeps the builder's).
     */
    InteractiveSession interactive(Confirmer confirmer, Consumer<String> progress) {
        KecshSession session = newSession(progress ?: options.progress())
        if (confirmer != null) session.safety.confirmer = confirmer
        new InteractiveSession(session)
    }

    /** The same options with another profile and region (null keeps each): the shell's :profile. */
    Kecsh rebuild(String profile, String region) {
        // settings given resolved belong to the old profile: the copy resolves its own
        new Kecsh(options.copyWith(profile: profile ?: options.profile(), region: region ?: options.region(), settings: null))
    }

    /** The profile the settings were read for ({@code default} unless one was chosen). */
    String getProfile() {
        settings.profile()
    }

    Object eval(String script) {
        eval(script, [:])
    }

    /** The script's value; with {@code plan(true)}, the {@link io.kecsh.dsl.engine.plan.Plan} (its value in {@code result}). */
    Object eval(String script, Map<String, ?> bindings) {
        runScript(script, 'script.groovy', bindings)
    }

    Object evalFile(Path file, Map<String, ?> bindings = [:]) {
        runScript(Files.readString(file), file.fileName.toString(), bindings)
    }

    private Object runScript(String source, String fileName, Map<String, ?> bindings) {
        KecshSession session = newSession()
        ScriptRunner runner = new ScriptRunner(session)
        if (!options.plan()) return runner.run(source, fileName, bindings)
        Planning.run(session) { runner.run(source, fileName, bindings) }
    }

    @Override
    void close() {
        client.close()
        backend.close()
    }

    /**
     * Everything a Kecsh is built from, as one immutable value: the {@link Builder} sets it a field at
     * a time, {@link #rebuild} copies it with another profile.
     */
    @RecordOptions(copyWith = true)
    static record Options(String region, String profile, URI endpoint, Settings settings, boolean sandbox,
                          SandboxOptions sandboxOptions, Map<String, String> environment, Path home,
                          Consumer<String> progress, Consumer<String> wireLog, boolean plan,
                          List<Map<String, ?>> protections, Confirmer confirmer, boolean refuseDestructive,
                          SandboxEndpoint sharedSandbox) {
        /** A fresh Safety per session, so a script's own protect rules end with it. */
        Safety safety() {
            Safety s = new Safety(confirmer: confirmer, refuseDestructive: refuseDestructive)
            protections.each { s.protect(it) }
            s
        }
    }

    /** Options: region, profile, endpoint or resolved settings; the environment and home (for tests); sandbox use. */
    static class Builder {
        private Options options = new Options(null, null, null, null, false, null, null, null,
            { String line -> System.err.println(line) } as Consumer<String>, null, false, [], null, false, null)

        private Builder with(Map<String, ?> changes) {
            options = options.copyWith(changes)
            this
        }

        Builder region(String r) { with(region: r) }
        Builder profile(String p) { with(profile: p) }
        Builder endpoint(URI e) { with(endpoint: e) }
        /**
         * Settings already resolved (the command line resolves them once, for its banner and this):
         * used as they are, instead of resolving region, profile and endpoint from the environment and home.
         */
        Builder settings(Settings s) { with(settings: s) }
        /** Use an embedded sandbox even when credentials are configured. */
        Builder sandbox(boolean s) { with(sandbox: s) }
        Builder sandboxOptions(SandboxOptions o) { with(sandboxOptions: o, sandbox: true) }
        /**
         * Use the sandbox another process serves (the shell's home sandbox) when a sandbox is used:
         * asked for, or no credentials configured. Sandbox options, when also given, win.
         */
        Builder sharedSandbox(SandboxEndpoint s) { with(sharedSandbox: s) }
        /** Read credentials from this environment instead of the process's (tests, embedding). */
        Builder environment(Map<String, String> env) { with(environment: env) }
        Builder home(Path h) { with(home: h) }
        Builder progress(Consumer<String> p) { with(progress: p) }
        Builder wireLog(Consumer<String> w) { with(wireLog: w) }

        /** Plan the whole script: reads happen, mutating calls are recorded; eval returns the Plan. */
        Builder plan(boolean p) { with(plan: p) }
        /** Guard destructive verbs in every script: {@code protect([name: ~/^prod-/])}. */
        Builder protect(Map<String, ?> criteria) {
            new Protection(criteria)
            with(protections: (options.protections() + [criteria]).asImmutable())
        }
        /** Asked before each destructive call (the shell prompts); none means never prompt. */
        Builder confirmer(Confirmer c) { with(confirmer: c) }
        /** Fail every destructive call (Jenkins' allowDestructive: false). */
        Builder refuseDestructive(boolean r) { with(refuseDestructive: r) }

        /** A fresh Safety per session, so a script's own protect rules end with it. */
        Safety safety() {
            options.safety()
        }

        /** What is set so far, as one value. */
        Options getOptions() {
            options
        }

        Kecsh build() {
            new Kecsh(options)
        }
    }
}
