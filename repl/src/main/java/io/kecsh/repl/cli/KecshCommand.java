package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;
import io.kecsh.repl.output.ResultRenderer;
import io.kecsh.repl.shell.SecretLiterals;
import io.kecsh.runtime.config.Settings;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kecsh}: with no command, the interactive shell; {@code -e EXPR} evaluates one expression
 * and prints its value; the subcommands run scripts, plan them, serve a sandbox and answer from
 * the model. This class is the composition root of the command line: {@link #execute} wires
 * picocli to the context's streams and turns every failure into one line and an exit code.
 */
@Command(
        name = "kecsh",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        sortOptions = false,
        description = {
            "Kingsoft Cloud KEC and Alibaba KMS from a Groovy DSL: an interactive shell, scripts, plans.",
            "With no credentials configured, everything runs against an embedded sandbox."
        },
        footer = {
            "",
            "Exit codes: 0 ok, 1 script error, 2 usage or configuration, 3 rejected before sending (validation),",
            "4 service error, 5 transport error, 6 refused by a safety policy, 130 interrupted."
        })
public final class KecshCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global = new GlobalOptions();

    @Option(
            names = {"-e", "--eval"},
            paramLabel = "EXPR",
            description = "Evaluate EXPR and print its value.")
    String expression;

    private final CommandContext context;
    /** Made on first use, after picocli has set the options: one resolution of the settings per run. */
    private KecshFactory factory;
    /**
     * What the expression or script typed as secrets, and the environment's: masked in every error.
     * Made on first use: telling which variables hold secrets reads the service model, which
     * {@code --version} and {@code --help} never need.
     */
    private SecretLiterals secrets;

    KecshCommand(CommandContext context) {
        this.context = context;
    }

    /** Runs the command line in this context and returns the exit code (what {@code Main} exits with). */
    public static int execute(String[] args, CommandContext context) {
        KecshCommand root = new KecshCommand(context);
        CommandLine cli = new CommandLine(root);
        Subcommands.add(cli, root, args);
        cli.setOut(new PrintWriter(context.out(), true))
                .setErr(new PrintWriter(context.err(), true))
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setParameterExceptionHandler(new UsageErrors(context.err()))
                .setExecutionExceptionHandler(
                        (ex, cmd, parsed) -> root.failure().report(ex))
                // options that contradict each other are a usage error, before any command runs
                .setExecutionStrategy(parsed -> {
                    root.global.refuseContradictions(parsed.commandSpec().commandLine());
                    return new CommandLine.RunLast().execute(parsed);
                });
        // After the script's name kecsh still takes its own options (`kecsh run list.groovy --output json`, as
        // the README shows); any other word, option-like or not, is the script's, and after `--` every word is.
        for (String scripted : new String[] {"run", "plan"}) {
            CommandLine sub = cli.getSubcommands().get(scripted);
            if (sub != null) sub.setUnmatchedOptionsArePositionalParams(true);
        }
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        if (expression != null) return evaluate();
        KecshFactory factory = factory();
        // resolved once, here: a configuration kecsh cannot start with ends before the terminal is taken
        Settings settings = factory.settings();
        CompletableFuture<Kecsh> starting = CompletableFuture.supplyAsync(() -> factory.create(false));
        try {
            // a misspelt --region ends here, in one line and exit 2 as with -e, not at the first input
            if (global.region() != null) started(starting);
            return context.shell().run(starting, settings, global, context);
        } finally {
            starting.thenAccept(Kecsh::close);
        }
    }

    /** Waits for the Kecsh; what refused to start it is thrown as itself (a ConfigException is a usage error). */
    private static void started(CompletableFuture<Kecsh> starting) {
        try {
            starting.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private int evaluate() {
        secrets().learn(expression);
        try (Kecsh kecsh = factory().create(false)) {
            debugBanner(kecsh);
            PrintWriter out = new PrintWriter(context.out(), true);
            Object value = kecsh.eval(expression, Map.of("out", out));
            out.flush();
            context.out().print(ResultRenderer.render(value, global.output(), context.width()));
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    GlobalOptions global() {
        return global;
    }

    CommandContext context() {
        return context;
    }

    KecshFactory factory() {
        if (factory == null) factory = new KecshFactory(global, context);
        return factory;
    }

    FailureReport failure() {
        return new FailureReport(context.err(), global.debug(), secrets());
    }

    synchronized SecretLiterals secrets() {
        if (secrets == null) {
            SecretLiterals fromEnvironment = new SecretLiterals();
            context.environment().forEach((name, value) -> {
                if (SecretLiterals.sensitive(name)) fromEnvironment.add(value);
            });
            secrets = fromEnvironment;
        }
        return secrets;
    }

    /** The banner on stderr with {@code --debug}: stdout belongs to the script. */
    void debugBanner(Kecsh kecsh) {
        if (global.debug())
            Banner.lines(kecsh, global).forEach(l -> context.err().println(l));
    }
}
