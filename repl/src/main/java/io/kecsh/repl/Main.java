package io.kecsh.repl;

import io.kecsh.repl.cli.CommandContext;
import io.kecsh.repl.cli.KecshCommand;
import io.kecsh.repl.daemon.DaemonClient;
import io.kecsh.repl.shell.ShellLauncher;

/**
 * The {@code kecsh} command's entry point: runs the command line in the real process's context
 * and exits with its code (see {@link io.kecsh.repl.cli.ExitCodes}). Tests call
 * {@link KecshCommand#execute(String[], CommandContext)} with a context of their own instead.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        // -e and run go to this home's warm JVM when one runs (started in the background by the first): before
        // anything of picocli, Groovy or the model is loaded here
        int served = DaemonClient.serve(args);
        if (served != DaemonClient.NOT_SERVED) System.exit(served);
        System.exit(KecshCommand.execute(args, CommandContext.system().withShell(new ShellLauncher())));
    }
}
