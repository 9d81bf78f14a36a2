package io.kecsh.repl.cli;

import picocli.CommandLine.Command;

/** {@code kecsh plan FILE [ARGS…]}: see {@link ScriptCommand}. */
@Command(
        name = "plan",
        description = "Run a script in plan mode: reads happen, changes are recorded and printed "
                + "(secrets masked, with a price estimate), nothing that changes anything is sent.")
final class PlanCommand extends ScriptCommand {
    PlanCommand(KecshCommand root) {
        super(root, true);
    }
}
