package io.kecsh.repl.cli;

import io.kecsh.dsl.Kecsh;

/** Stands in for the JLine shell until it is wired in: the banner, then says so and exits cleanly. */
public final class PlaceholderShell implements InteractiveShell {
    @Override
    public int run(Kecsh kecsh, GlobalOptions options, CommandContext context) {
        Banner.lines(kecsh, new KecshFactory(options, context).settings(), options).forEach(context.out()::println);
        context.out().println("interactive shell: not built yet (try kecsh --help)");
        return ExitCodes.OK;
    }
}
