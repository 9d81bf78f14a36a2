package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;

/**
 * The seam between the command line and the interactive shell: {@code kecsh} with no command
 * hands the shell a ready {@link Kecsh} (region, profile, backend settled by the global options)
 * and the options themselves (output format, debug). The shell owns the terminal from then on
 * and returns the process's exit code.
 */
@FunctionalInterface
public interface InteractiveShell {
    int run(Kecsh kecsh, GlobalOptions options, CommandContext context);
}
