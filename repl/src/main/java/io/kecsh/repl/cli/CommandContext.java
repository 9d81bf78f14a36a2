package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;
import io.kecsh.runtime.config.Settings;
import io.kecsh.runtime.config.SettingsResolver;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.overlay.InstalledModel;
import io.kecsh.runtime.overlay.ModelOverlays;
import io.kecsh.runtime.sandbox.SandboxOptions;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * What one run of the {@code kecsh} command works with, so a test can run it in-process:
 * its streams, the environment and home directory it reads settings from, the terminal width, the
 * options of an embedded sandbox, and the interactive shell to start. {@link #system()} is the
 * real process's; tests use {@link #builder()} with a temporary home and an explicit environment.
 */
public final class CommandContext {
    /** Width used when the terminal's is unknown (output piped to a file or another program). */
    public static final int DEFAULT_WIDTH = 120;

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> environment;
    private final Path home;
    private final int width;
    private final SandboxOptions sandboxOptions;
    private final InteractiveShell shell;

    private CommandContext(Builder b) {
        this.out = Objects.requireNonNull(b.out, "out");
        this.err = Objects.requireNonNull(b.err, "err");
        this.in = b.in == null ? InputStream.nullInputStream() : b.in;
        this.environment = Map.copyOf(Objects.requireNonNull(b.environment, "environment"));
        this.home = Objects.requireNonNull(b.home, "home");
        this.width = b.width > 0 ? b.width : DEFAULT_WIDTH;
        this.sandboxOptions = b.sandboxOptions;
        this.shell = b.shell == null ? CommandContext::noShell : b.shell;
    }

    /** The running process: System streams, System.getenv(), $HOME (else user.home), $COLUMNS for the width. */
    public static CommandContext system() {
        return system(System.out, System.err, System.in);
    }

    /** The running process's environment, home and width with these streams (a run in the warm daemon: its client's). */
    public static CommandContext system(PrintStream out, PrintStream err, InputStream in) {
        Map<String, String> env = System.getenv();
        return builder()
                .out(out)
                .err(err)
                .in(in)
                .environment(env)
                .home(SettingsResolver.userHome(env))
                .width(parseWidth(env.get("COLUMNS")))
                .build();
    }

    /** A context built without a shell (a test's) says so instead of opening the real terminal. */
    private static int noShell(
            CompletableFuture<Kecsh> starting, Settings settings, GlobalOptions options, CommandContext context) {
        context.err().println("kecsh: no interactive shell in this context; give a command (kecsh --help)");
        return ExitCodes.USAGE;
    }

    public static Builder builder() {
        return new Builder();
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public InputStream in() {
        return in;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public Path home() {
        return home;
    }
    /** Columns a table may use. */
    public int width() {
        return width;
    }
    /** Options for an embedded sandbox (tests: {@code SandboxOptions.forTests()}); null means the interactive default. */
    public SandboxOptions sandboxOptions() {
        return sandboxOptions;
    }

    public InteractiveShell shell() {
        return shell;
    }

    /**
     * The model this context's commands use: the built-in one plus the overlays in
     * {@code home/.kecsh/models}; a file that was not used is one line on this context's stderr (once).
     */
    public ServiceModel installedModel() {
        return modelOverlays().model();
    }

    /** The overlays found in this context's home: the model, the files used and the problems (reported once). */
    public ModelOverlays.Result modelOverlays() {
        ModelOverlays.Result r = InstalledModel.forHome(home);
        InstalledModel.reportOnce(r, err::println);
        return r;
    }

    /** A copy with another interactive shell (how the JLine shell is wired in). */
    public CommandContext withShell(InteractiveShell other) {
        return toBuilder().shell(other).build();
    }

    public Builder toBuilder() {
        return builder()
                .out(out)
                .err(err)
                .in(in)
                .environment(environment)
                .home(home)
                .width(width)
                .sandboxOptions(sandboxOptions)
                .shell(shell);
    }

    static int parseWidth(String columns) {
        try {
            return columns == null ? 0 : Integer.parseInt(columns.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public static final class Builder {
        private PrintStream out;
        private PrintStream err;
        private InputStream in;
        private Map<String, String> environment;
        private Path home;
        private int width;
        private SandboxOptions sandboxOptions;
        private InteractiveShell shell;

        public Builder out(PrintStream s) {
            out = s;
            return this;
        }

        public Builder err(PrintStream s) {
            err = s;
            return this;
        }

        public Builder in(InputStream s) {
            in = s;
            return this;
        }

        public Builder environment(Map<String, String> env) {
            environment = env;
            return this;
        }

        public Builder home(Path h) {
            home = h;
            return this;
        }

        public Builder width(int w) {
            width = w;
            return this;
        }

        public Builder sandboxOptions(SandboxOptions o) {
            sandboxOptions = o;
            return this;
        }

        public Builder shell(InteractiveShell s) {
            shell = s;
            return this;
        }

        public CommandContext build() {
            return new CommandContext(this);
        }
    }
}
