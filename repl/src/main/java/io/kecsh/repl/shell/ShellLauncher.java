package io.kecsh.repl.shell;

import io.kecsh.dsl.Kecsh;
import io.kecsh.repl.cli.Banner;
import io.kecsh.repl.cli.CommandContext;
import io.kecsh.repl.cli.GlobalOptions;
import io.kecsh.repl.cli.InteractiveShell;
import io.kecsh.repl.cli.KecshFactory;
import io.kecsh.repl.output.ResultRenderer;
import io.kecsh.runtime.config.Settings;
import org.jline.terminal.Terminal;
import org.jline.terminal.Size;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;

/**
 * What {@code kecsh} with no command starts: the JLine shell on the process's terminal, its prompt
 * up while the Kecsh still starts, its banner (from the command line's settings) once it has, results rendered as the command line renders them
 * (tables fitted to the terminal's width as it is when each result prints, or --output's format).
 */
public final class ShellLauncher implements InteractiveShell {
    private static final int DUMB_ROWS = 40;

    @Override
    public int run(CompletableFuture<Kecsh> starting, GlobalOptions options, CommandContext context) {
        try (Terminal terminal = terminal(context)) {
            Settings settings = new KecshFactory(options, context).settings();
            ShellOptions shellOptions = ShellOptions.builder()
                .historyFile(context.home().resolve(".kecsh").resolve("history"))
                .region(options.region())
                .bannerFor(kecsh -> String.join(System.lineSeparator(), Banner.lines(kecsh, settings, options)))
                .printer(value -> ResultRenderer.render(value, options.output(), width(terminal, context)))
                .build();
            return new KecshShell(starting, shellOptions, terminal).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** The process's own terminal; a context with other streams (a test, an embedding) gets a dumb one on them. */
    private static Terminal terminal(CommandContext context) throws IOException {
        if (context.in() == System.in && context.out() == System.out) return TerminalBuilder.builder().system(true).build();
        Terminal dumb = new DumbTerminal("kecsh", Terminal.TYPE_DUMB, context.in(), context.out(), StandardCharsets.UTF_8);
        dumb.setSize(new Size(context.width(), DUMB_ROWS));
        return dumb;
    }

    private static int width(Terminal terminal, CommandContext context) {
        int columns = terminal.getWidth();
        return columns > 0 ? columns : context.width();
    }
}
