package io.kecsh.repl.shell;

import io.kecsh.dsl.InteractiveSession;
import io.kecsh.dsl.Kecsh;
import io.kecsh.dsl.engine.plan.Plan;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.overlay.InstalledModel;
import io.kecsh.runtime.text.UserText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.LineReaderImpl;
import org.jline.terminal.Terminal;

/**
 * The interactive shell, and its composition root: terminal → parser → completer and highlighter
 * (both from the model and the DSL) → private history → line reader; then the loop that runs shell
 * commands (what each does is in {@link ColonCommands}) and evaluates everything else in one
 * {@link InteractiveSession}, so variables persist.
 * Ctrl-C at the prompt clears the line, during a call or wait cancels it; Ctrl-D exits.
 */
public final class KecshShell {
    private final ShellOptions options;
    private final Terminal terminal;
    private final PrintWriter out;
    private final ServiceModel model = InstalledModel.get();
    private final DslVocabulary vocabulary = new DslVocabulary(model);
    private final SecretRedactor redactor = new SecretRedactor(model);
    /** Secrets typed in this session, masked in history, :save, errors and :trace (see {@link SecretLiterals}). */
    private final SecretLiterals secrets = new SecretLiterals();

    private final PrivateHistory history;
    /** How many secrets the kept lines (history, {@link #transcript}) have been masked for. */
    private int secretsApplied;

    private final ShellCommands commands;
    private final ProgressDisplay progress;
    private final LineReader reader;
    private final LiveIds liveIds;
    private final Evaluation evaluation;
    private final Pager pager;
    /** What happened, redacted: what {@code :save} writes. */
    private final SessionTranscript transcript = new SessionTranscript();
    /** The Kecsh the shell was started with, possibly still starting; its owner closes it. */
    private final CompletableFuture<Kecsh> starting;

    private volatile Kecsh given;
    private volatile Kecsh kecsh;
    private volatile InteractiveSession session;
    private Throwable lastError;
    /** The last input evaluated, as typed ({@code :edit} starts from it). */
    private String lastInput;

    private boolean quit;

    public KecshShell(Kecsh kecsh, ShellOptions options, Terminal terminal) {
        this(CompletableFuture.completedFuture(kecsh), options, terminal);
    }

    /**
     * A shell whose prompt comes up while the Kecsh is still starting (an embedded sandbox takes a
     * second or more): the first line waits for it, if it has to.
     */
    public KecshShell(CompletableFuture<Kecsh> starting, ShellOptions options, Terminal terminal) {
        this.starting = starting;
        this.options = options;
        this.terminal = terminal;
        this.out = terminal.writer();
        this.progress = new ProgressDisplay(terminal);
        this.pager = new Pager(terminal, out, options.pager(), options.foreground());
        this.liveIds = new LiveIds(
                model,
                () -> session().getSession().getOps(),
                () -> region() + "|" + kecsh().getProfile(),
                options.clock(),
                options.liveIdLifetime(),
                options.liveIdFirstWait());
        this.commands = new ColonCommands(this, model, vocabulary, out).table();
        this.history = new PrivateHistory(redactor, secrets, options.historyFile());
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kecsh")
                .parser(new ShellParser())
                .completer(new ShellCompleter(
                        vocabulary, commands, liveIds, this::catalogue, this::region, this::variable))
                .completionMatcher(new ShellMatcher())
                .highlighter(new ShellHighlighter(vocabulary))
                .history(history)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ... ")
                .variable(LineReader.INDENTATION, 4)
                // Groovy's ! is negation, not history expansion.
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (options.historyFile() != null) builder.variable(LineReader.HISTORY_FILE, options.historyFile());
        this.reader = builder.build();
        ClosingBrackets.install(reader);
        HelpWhileTyping.install(reader, new ParameterHint(vocabulary, this::catalogue, this::region));
        this.evaluation = new Evaluation(terminal);
    }

    /** The session, once the Kecsh has started (waiting for it the first time, if it must). */
    synchronized InteractiveSession session() {
        if (session == null) {
            try {
                given = starting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            kecsh = given;
            InteractiveSession started = kecsh.interactive(new ShellConfirmer(reader), progress);
            // A script's println goes through the binding's "out": the terminal, not the JVM's stdout,
            // flushed at each line so what a long line prints shows while it runs (and before Ctrl-C stops it).
            started.getBinding().setVariable("out", new PrintWriter(out, true));
            if (options.region() != null) started.getSession().region(options.region());
            started.warmUp();
            session = started;
            // The banner describes the backend (an embedded sandbox's address), which exists only now.
            String banner =
                    options.bannerFor() == null ? null : options.bannerFor().apply(kecsh);
            if (banner != null) reader.printAbove(banner);
        }
        return session;
    }

    /** Starts the session in the background while the prompt is up; the first line waits for it only if it must. */
    private void startInBackground() {
        Thread starter = new Thread(
                () -> {
                    try {
                        session();
                    } catch (RuntimeException e) {
                        lastError = e;
                        reader.printAbove("error: kecsh could not start: " + e.getMessage());
                    }
                },
                "kecsh-start");
        starter.setDaemon(true);
        starter.start();
    }

    /** Runs until :quit or Ctrl-D; 0 always (errors inside the shell are shown, not fatal). */
    public int run() {
        if (options.banner() != null) {
            out.println(options.banner());
            out.flush();
        }
        startInBackground();
        try {
            while (!quit) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: the line is dropped, the shell stays
                } catch (EndOfFileException e) {
                    break;
                }
                if (line.isBlank()) continue;
                if (line.stripLeading().startsWith(":")) command(line);
                else {
                    lastInput = line;
                    evaluate(line, "shell");
                }
            }
        } finally {
            close();
        }
        return 0;
    }

    String prompt() {
        return "kecsh " + region() + (session != null && session.getPlan() ? " [plan]" : "") + "> ";
    }

    LineReader reader() {
        return reader;
    }

    LiveIds liveIds() {
        return liveIds;
    }

    ShellCompleter completer() {
        return (ShellCompleter) ((LineReaderImpl) reader).getCompleter();
    }

    /** The session's region; before it has started, the one asked for or the model's default. */
    String region() {
        if (session != null) return session.getSession().getRegion();
        if (options.region() != null) return options.region();
        return Cloud.KINGSOFT.defaultRegion(model);
    }

    Kecsh kecsh() {
        session();
        return kecsh;
    }

    private void command(String line) {
        try {
            commands.run(line);
        } catch (RuntimeException e) {
            lastError = e;
            error(e.getMessage());
        }
    }

    /**
     * What a line tells about secrets: those it types (in a sensitive value, or assigned to a
     * variable it passes as one) and the string values such variables held when it ran; kept
     * lines typed before are masked again when there are new ones.
     */
    private void learnSecrets(SecretLiterals.Learnt learnt) {
        if (session != null) {
            Map<String, Object> variables = session.getVariables();
            for (String v : learnt.sensitiveVariables()) secrets.add(variables.get(v));
        }
        int known = secrets.secrets().size();
        if (known > secretsApplied) {
            history.forgetSecrets();
            transcript.remask(secrets::maskLiterals);
            secretsApplied = known;
        }
    }

    /** Evaluates on the evaluation thread; prints the value, the plan in plan mode, or the error's one line. */
    void evaluate(String source, String name) {
        SecretLiterals.Learnt learnt = secrets.learn(source);
        boolean planned = session != null && session.getPlan();
        Evaluation.Outcome outcome = evaluation.run(() -> session().eval(source, name));
        progress.done();
        learnSecrets(learnt);
        if (outcome.cancelled()) {
            error("cancelled");
            return;
        }
        if (outcome.error() != null) {
            lastError = outcome.error();
            List<String> lines = ErrorText.lines(outcome.error());
            error(lines.get(0));
            lines.stream().skip(1).forEach(l -> out.println(UserText.escaped(secrets.mask(l))));
            out.flush();
            return;
        }
        String kept = redactor.redact(secrets.maskLiterals(source));
        if (planned) transcript.planned(kept);
        else transcript.ran(kept);
        liveIds.refreshKnown(); // what this line created or removed is in the next TAB's ids
        Object value = outcome.value();
        if (value instanceof Plan plan) {
            out.print(plan);
            if (plan.getResult() != null) print(plan.getResult());
        } else if (value != null) {
            print(value);
        }
        out.flush();
    }

    private void print(Object value) {
        String shown = options.printer().apply(value);
        // An empty list renders as nothing (as with -e and run), not as a blank line.
        if (shown.isEmpty()) return;
        pager.show(shown);
    }

    private void error(String message) {
        String firstLine = message == null
                ? "error"
                : secrets.mask(message).lines().findFirst().orElse("error");
        out.println("error: " + UserText.escaped(firstLine)); // no ESC or NUL from a value reaches the terminal
        out.flush();
    }

    /** The live catalogue of the session's region, as far as it is known now; none before the session has started. */
    LiveCatalogue catalogue() {
        InteractiveSession s = session;
        if (s == null) {
            // the session may still be starting; the Kecsh's own region is the one it will start in
            boolean ready = starting.isDone() && !starting.isCompletedExceptionally();
            return ready ? starting.join().getClient().catalogue() : LiveCatalogue.NONE;
        }
        LiveCatalogue c = s.getSession().getOps().getCatalogue();
        return c == null ? LiveCatalogue.NONE : c;
    }

    /** A variable of the session, for completion ({@code web.waitUntil '}); null before the session or when there is none. */
    Object variable(String name) {
        InteractiveSession s = session;
        return s == null ? null : s.getVariables().get(name);
    }

    /** The last input evaluated, as typed; null before any. */
    String lastInput() {
        return lastInput;
    }

    /** An input that did not come from the line reader ({@code :edit}): kept in history and run as if typed. */
    void typed(String source) {
        reader.getHistory().add(source);
        lastInput = source;
        evaluate(source, "shell");
    }

    /** Runs the user's editor on a file with the terminal handed over to it; its exit status. */
    int runEditor(Path file) {
        terminal.pause();
        try {
            return options.foreground()
                    .run(List.of("/bin/sh", "-c", options.editor() + " \"$1\"", "kecsh-edit", file.toString()), null);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    ":edit: cannot start the editor '" + options.editor() + "': " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(":edit: interrupted", e);
        } finally {
            try {
                terminal.resume();
            } catch (RuntimeException ignored) {
                // a terminal that cannot resume reads on as before
            }
        }
    }

    /** What happened, redacted: what {@code :save} writes. */
    SessionTranscript transcript() {
        return transcript;
    }

    /** The last error shown, for {@code :trace}; null before any. */
    Throwable lastError() {
        return lastError;
    }

    SecretLiterals secrets() {
        return secrets;
    }

    /** Ends the loop after this line ({@code :quit}). */
    void quit() {
        quit = true;
    }

    /** What asks before a destructive call: the user, at this terminal. */
    ShellConfirmer confirmer() {
        return new ShellConfirmer(reader);
    }

    /** Where long output goes on a real terminal. */
    Pager pager() {
        return pager;
    }

    ProgressDisplay progress() {
        return progress;
    }

    /** Carries on with another Kecsh and its session ({@code :profile}); one the shell made itself is closed. */
    void switchTo(Kecsh next, InteractiveSession nextSession) {
        if (kecsh != given) kecsh.close();
        kecsh = next;
        session = nextSession;
    }

    private void close() {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            error("history not saved: " + e.getMessage());
        }
        liveIds.close();
        evaluation.close();
        if (kecsh != null && kecsh != given) kecsh.close();
    }
}
