package io.kecsh.repl.cli;

import picocli.CommandLine.Command;

/** {@code kecsh run FILE [ARGS…]}: see {@link ScriptCommand}. */
@Command(name = "run", description = "Run a kecsh script; its arguments are args in the script.")
final class RunCommand extends ScriptCommand {
    RunCommand(KecshCommand root) {
        super(root, false);
    }
}
