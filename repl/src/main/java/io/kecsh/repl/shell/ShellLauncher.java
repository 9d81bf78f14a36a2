package io.kecsh.repl.shell;

import io.kecsh.dsl.Kecsh;
import io.kecsh.repl.cli.Banner;
import io.kecsh.repl.cli.CommandContext;
import io.kecsh.repl.cli.GlobalOptions;
import io.kecsh.repl.cli.InteractiveShell;
import io.kecsh.repl.output.ResultRenderer;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.config.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.impl.DumbTerminal;

/**
 * What {@code kecsh} with no command starts: the JLine shell on the process's terminal, its prompt
 * up while the Kecsh still starts, its banner (from the command line's settings) once it has, results rendered as the command line renders them
 * (tables fitted to the terminal's width as it is when each result prints, or --output's format).
 */
public final class ShellLauncher implements InteractiveShell {
    private static final int DUMB_ROWS = 40;

    /** The terminal made elsewhere (the warm daemon's, over its client's socket); null for the process's own. */
    private final Terminal given;

    private final Foreground foreground;

    /** The shell on this process's terminal. */
    public ShellLauncher() {
        this(null, Foreground.LOCAL);
    }

    /** The shell on a terminal made elsewhere, with the pager and editor run where that terminal is. */
    public ShellLauncher(Terminal terminal, Foreground foreground) {
        this.given = terminal;
        this.foreground = foreground;
    }

    @Override
    public int run(
            CompletableFuture<Kecsh> starting, Settings settings, GlobalOptions options, CommandContext context) {
        try (Terminal terminal = terminal(context)) {
            ShellOptions shellOptions = ShellOptions.builder()
                    .historyFile(context.home().resolve(".kecsh").resolve("history"))
                    // the region the Kecsh starts in, from the same settings: the prompt shows it before the Kecsh is
                    // up
                    .region(settings.region(Cloud.KINGSOFT, context.installedModel()))
                    .bannerFor(kecsh -> String.join(System.lineSeparator(), Banner.lines(kecsh, options)))
                    .printer(value -> ResultRenderer.render(value, options.output(), width(terminal, context)))
                    .foreground(foreground)
                    .build();
            return new KecshShell(starting, shellOptions, terminal).run();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the terminal", e);
        }
    }

    /** The process's own terminal; a context with other streams (a test, an embedding) gets a dumb one on them. */
    private Terminal terminal(CommandContext context) throws IOException {
        if (given != null) return sized(given, context);
        if (context.in() == System.in && context.out() == System.out)
            return sized(TerminalBuilder.builder().system(true).dumb(true).build(), context);
        Terminal dumb =
                new DumbTerminal("kecsh", Terminal.TYPE_DUMB, context.in(), context.out(), StandardCharsets.UTF_8);
        dumb.setSize(new Size(context.width(), DUMB_ROWS));
        return dumb;
    }

    /**
     * A pty nobody has sized yet reports 0 columns (script(1) fed from a pipe, {@code docker exec -t}
     * before its first resize, some CI runners); JLine's line editor then wraps at column 0 and
     * mangles the prompt and every line typed. Such a terminal gets $COLUMNS (else the default
     * width) × {@value #DUMB_ROWS}; a later SIGWINCH from a real resize still wins.
     */
    private static Terminal sized(Terminal terminal, CommandContext context) {
        Size size = terminal.getSize();
        if (size.getColumns() <= 0 || size.getRows() <= 0) {
            terminal.setSize(new Size(
                    size.getColumns() > 0 ? size.getColumns() : context.width(),
                    size.getRows() > 0 ? size.getRows() : DUMB_ROWS));
        }
        return terminal;
    }

    private static int width(Terminal terminal, CommandContext context) {
        int columns = terminal.getWidth();
        return columns > 0 ? columns : context.width();
    }
}
