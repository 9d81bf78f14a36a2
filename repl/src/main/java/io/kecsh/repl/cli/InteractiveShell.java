package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;
import io.kecsh.runtime.config.Settings;
import java.util.concurrent.CompletableFuture;

/**
 * The seam between the command line and the interactive shell: {@code kecsh} with no command
 * hands the shell a {@link Kecsh} that is still starting (region, profile and backend settled by
 * the global options; an embedded sandbox comes up in the background) with the settings it was resolved from so the prompt can appear at
 * once, and the options themselves (output format, debug). The shell owns the terminal from then
 * on, closes the Kecsh, and returns the process's exit code.
 */
@FunctionalInterface
public interface InteractiveShell {
    /** {@code settings}: what the command line resolved, once; the Kecsh was built from them too. */
    int run(CompletableFuture<Kecsh> starting, Settings settings, GlobalOptions options, CommandContext context);
}
