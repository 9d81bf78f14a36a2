package io.kecsh.repl.cli;

import io.kecsh.repl.output.OutputFormat;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The options every kecsh command takes, before or after the command's name
 * ({@code kecsh --region cn-shanghai-2 run x.groovy} and {@code kecsh run --region … x.groovy}).
 * Inherited options are stored in this one object whichever command they were given to.
 */
public final class GlobalOptions {
    @Option(
            names = "--profile",
            paramLabel = "NAME",
            scope = ScopeType.INHERIT,
            description = "Profile of ~/.kecsh/config to use (default: $KECSH_PROFILE, else 'default').")
    String profile;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            scope = ScopeType.INHERIT,
            description =
                    "Kingsoft region, e.g. cn-beijing-6 (default: $KSYUN_REGION, the profile's, else the model's).")
    String region;

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            scope = ScopeType.INHERIT,
            description = "One http(s) URL for every service (a proxy, a private cloud, a sandbox).")
    URI endpoint;

    @Option(
            names = "--sandbox",
            scope = ScopeType.INHERIT,
            description = "Use an embedded sandbox even when credentials are configured.")
    boolean sandbox;

    @Option(
            names = "--fresh",
            scope = ScopeType.INHERIT,
            description =
                    "Use a throw-away sandbox in memory, forgotten at exit, instead of this home's shared one (~/.kecsh/sandbox).")
    boolean fresh;

    @Option(
            names = "--state",
            paramLabel = "FILE",
            scope = ScopeType.INHERIT,
            description =
                    "Use a sandbox in this process that keeps its cloud in FILE, instead of this home's shared one.")
    Path state;

    @Option(
            names = "--output",
            paramLabel = "FORMAT",
            scope = ScopeType.INHERIT,
            converter = OutputFormatConverter.class,
            description = "How results print: table, json or text (default: table).")
    OutputFormat output;

    @Option(
            names = "--debug",
            scope = ScopeType.INHERIT,
            description = "Print the banner, the redacted wire log and stack traces to stderr.")
    boolean debug;

    @Option(
            names = "--refuse-destructive",
            scope = ScopeType.INHERIT,
            description =
                    "Refuse every destructive call (terminate, reinstall, release, remove, delete) before it is sent: exit 6. "
                            + "For unattended runs that must never destroy anything (the Jenkins library sets it unless allowDestructive).")
    boolean refuseDestructive;

    /**
     * {@code --fresh} (a throw-away sandbox in memory) and {@code --state FILE} (one kept in FILE)
     * each choose the sandbox: together they contradict each other, and kecsh will not guess which was meant.
     */
    void refuseContradictions(CommandLine cmd) {
        if (fresh && state != null) {
            throw new ParameterException(
                    cmd,
                    "--fresh and --state contradict each other (--fresh forgets the cloud at exit, --state "
                            + state
                            + " keeps it there): give one of them");
        }
    }

    @Option(
            names = "--no-daemon",
            scope = ScopeType.INHERIT,
            description = "Run -e or run in this JVM, not in this home's warm one (also: KECSH_NO_DAEMON=1).")
    boolean noDaemon;

    public String profile() {
        return profile;
    }

    public String region() {
        return region;
    }

    public URI endpoint() {
        return endpoint;
    }

    public boolean sandbox() {
        return sandbox;
    }

    public boolean fresh() {
        return fresh;
    }

    public Path state() {
        return state;
    }
    /** A sandbox is asked for: {@code --sandbox}, or a choice of which one ({@code --fresh}, {@code --state}). */
    public boolean sandboxAsked() {
        return sandbox || fresh || state != null;
    }
    /** The format asked for, else a table. */
    public OutputFormat output() {
        return output == null ? OutputFormat.TABLE : output;
    }
    /** Whether {@code --output} was given: {@code run} prints the script's value only then. */
    public boolean outputGiven() {
        return output != null;
    }

    public boolean debug() {
        return debug;
    }

    public boolean refuseDestructive() {
        return refuseDestructive;
    }
}
