package io.kecsh.repl.cli;

import io.kecsh.runtime.text.Suggestions;
import java.io.PrintStream;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/** Bad arguments: one line naming the problem (with picocli's "did you mean"), exit code 2, no usage dump. */
final class UsageErrors implements IParameterExceptionHandler {
    private final PrintStream err;

    UsageErrors(PrintStream err) {
        this.err = err;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        StringBuilder line = new StringBuilder("kecsh: ");
        List<String> unmatched = ex instanceof UnmatchedArgumentException u ? u.getUnmatched() : List.of();
        if (!unmatched.isEmpty()
                && !unmatched.get(0).startsWith("-")
                && !cmd.getSubcommands().isEmpty()) {
            // A mistyped command: name it, with the closest of the real ones.
            String given = unmatched.get(0);
            String hint = Suggestions.didYouMean(given, cmd.getSubcommands().keySet());
            // `kecsh help`, `kecsh version`: an option's name typed as a command
            if (hint.isEmpty() && cmd.getCommandSpec().optionsMap().containsKey("--" + given))
                hint = " (did you mean --" + given + "?)";
            line.append("unknown command '").append(given).append("'").append(hint);
        } else if (!unmatched.isEmpty() && unmatched.get(0).startsWith("-")) {
            String given = unmatched.get(0).split("=", 2)[0];
            line.append("unknown option '")
                    .append(given)
                    .append("'")
                    .append(Suggestions.didYouMean(
                            given, cmd.getCommandSpec().optionsMap().keySet()));
        } else {
            line.append(ex.getMessage());
        }
        line.append("; see ").append(cmd.getCommandSpec().qualifiedName()).append(" --help");
        err.println(line);
        return ExitCodes.USAGE;
    }
}
