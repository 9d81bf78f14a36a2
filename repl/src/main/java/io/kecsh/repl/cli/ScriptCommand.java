package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;
import io.kecsh.repl.output.OutputFormat;
import io.kecsh.repl.output.ResultRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/**
 * The script commands, {@code kecsh run FILE [ARGS…]} and {@code kecsh plan FILE [ARGS…]}. The script sees its
 * arguments as {@code args} (a {@code String[]}, as in a Groovy script), its {@code println}
 * writes to stdout, progress goes to stderr. {@code run} prints the script's value only when
 * {@code --output} is given (so a CI step can ask for JSON); {@code plan} sends nothing that
 * changes anything and prints the plan: every call that would be sent, secrets masked, with the
 * price estimate.
 */
abstract class ScriptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "The script (.groovy or .kecsh).")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Passed to the script as args.")
    List<String> args = new ArrayList<>();

    private final KecshCommand root;
    private final boolean plan;

    ScriptCommand(KecshCommand root, boolean plan) {
        this.root = root;
        this.plan = plan;
    }

    @Override
    public Integer call() {
        CommandContext context = root.context();
        if (!Files.isRegularFile(file)) {
            context.err().println("kecsh: " + file + ": no such script");
            return ExitCodes.USAGE;
        }
        learnSecrets();
        try (Kecsh kecsh = root.factory().create(plan)) {
            root.debugBanner(kecsh);
            // With --output json|text stdout is the result alone, for jq and readJSON; the script's println goes to
            // stderr.
            boolean machineOutput = root.global().outputGiven() && root.global().output() != OutputFormat.TABLE;
            PrintWriter out = new PrintWriter(machineOutput ? context.err() : context.out(), true);
            Map<String, Object> bindings = new LinkedHashMap<>();
            bindings.put("args", args.toArray(new String[0]));
            bindings.put("out", out);
            Object value = kecsh.evalFile(file, bindings);
            out.flush();
            if (plan || root.global().outputGiven()) {
                context.out().print(ResultRenderer.render(value, root.global().output(), context.width()));
            }
            context.out().flush();
            return ExitCodes.OK;
        }
    }

    /** The script's typed secrets, so that an error echoing its source or its values masks them. */
    private void learnSecrets() {
        try {
            root.secrets().learn(Files.readString(file));
        } catch (IOException | UncheckedIOException e) {
            // Not text kecsh can read: running it will say so, and it typed no secret we could find.
        }
    }
}
