package io.kecsh.repl.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The subcommands a command line needs: picocli builds a command's model by reflection over its
 * annotated class, and building all six on every start cost ≈ 0.2 s (its classes are too old a
 * bytecode for the CDS or AOT archive to keep). {@code kecsh -e …} and the shell need none,
 * {@code kecsh run x.groovy} needs {@code run}; a command line that names no known subcommand but
 * has a word where one would be, or asks for {@code --help}, gets them all, so the usage text and
 * the did-you-mean of a misspelt command are what they were.
 */
final class Subcommands {
    /** Every subcommand, by its {@code @Command} name, in the order the usage text lists them. */
    private static final Map<String, Function<KecshCommand, Object>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("run", RunCommand::new);
        ALL.put("plan", PlanCommand::new);
        ALL.put("sandbox", SandboxCommand::new);
        ALL.put("daemon", DaemonCommand::new);
        ALL.put("describe", DescribeCommand::new);
        ALL.put("validate", ValidateCommand::new);
        ALL.put("models", ModelsCommand::new);
    }

    private Subcommands() {}

    /** Adds to {@code cli} (the root, options known) the subcommands {@code args} need. */
    static void add(CommandLine cli, KecshCommand root, String[] args) {
        for (String name : needed(cli.getCommandSpec(), args))
            cli.addSubcommand(ALL.get(name).apply(root));
    }

    /** The names of the subcommands {@code args} need, read with the root's options (which of them take a value). */
    static List<String> needed(CommandSpec rootSpec, String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) return List.of();
            if (arg.equals("-h") || arg.equals("--help")) return List.copyOf(ALL.keySet());
            if (arg.startsWith("-")) {
                OptionSpec option = arg.contains("=") ? null : rootSpec.findOption(arg);
                if (option != null && option.arity().min() > 0) i++; // its value is no command
                continue;
            }
            return ALL.containsKey(arg) ? List.of(arg) : List.copyOf(ALL.keySet());
        }
        return List.of();
    }
}
