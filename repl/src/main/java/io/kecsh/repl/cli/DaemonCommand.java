package io.kecsh.repl.cli;

import io.kecsh.repl.daemon.DaemonControl;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code kecsh daemon status | stop}: the warm JVMs that run {@code kecsh -e} and {@code kecsh run}
 * for this home ({@code io.kecsh.repl.daemon}); one per directory and environment they were started
 * from, each stopping itself when unused. A command of its own, not of {@code sandbox}: the sandbox
 * is the cloud kecsh talks to, the daemon is kecsh itself kept warm, and either runs without the other.
 */
@Command(
        name = "daemon",
        description = {
            "Look after the warm JVMs that run kecsh -e and kecsh run (status, stop).",
            "They start on the first -e or run and stop after $KECSH_DAEMON_IDLE seconds unused (default 1800);",
            "--no-daemon or KECSH_NO_DAEMON=1 runs a command in its own JVM instead."
        })
final class DaemonCommand implements Callable<Integer> {
    private final KecshCommand root;

    DaemonCommand(KecshCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        return status();
    }

    @Command(name = "status", description = "One line per warm daemon of this home: process, directory, runs.")
    int status() {
        return print(DaemonControl.status(root.context().home()));
    }

    @Command(name = "stop", description = "Stop every warm daemon of this home (each after the runs it has).")
    int stop() {
        return print(DaemonControl.stop(root.context().home()));
    }

    private int print(List<String> lines) {
        lines.forEach(l -> root.context().out().println("kecsh: " + l));
        return ExitCodes.OK;
    }
}
