package io.kecsh.repl.shell;

import io.kecsh.dsl.InteractiveSession;
import io.kecsh.dsl.Kecsh;
import io.kecsh.dsl.KecshScriptException;
import io.kecsh.dsl.plan.Plan;
import io.kecsh.runtime.catalog.LiveCatalogue;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import io.kecsh.runtime.validate.OpenValueRule;
import io.kecsh.runtime.text.UserText;
import org.jline.reader.Candidate;
import org.jline.reader.EndOfFileException;
import org.jline.reader.History;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The interactive shell, and its composition root: terminal → parser → completer and highlighter
 * (both from the model and the DSL) → private history → line reader; then the loop that runs shell
 * commands and evaluates everything else in one {@link InteractiveSession}, so variables persist.
 * Ctrl-C at the prompt clears the line, during a call or wait cancels it; Ctrl-D exits.
 */
public final class KecshShell {
    private final ShellOptions options;
    private final Terminal terminal;
    private final PrintWriter out;
    private final ServiceModel model = io.kecsh.runtime.overlay.InstalledModel.get();
    private final DslVocabulary vocabulary = new DslVocabulary(model);
    private final SecretRedactor redactor = new SecretRedactor(model);
    /** Secrets typed in this session, masked in history, :save, errors and :trace (see {@link SecretLiterals}). */
    private final SecretLiterals secrets = new SecretLiterals();
    private final PrivateHistory history;
    /** How many secrets the kept lines (history, {@link #succeeded}) have been masked for. */
    private int secretsApplied;
    private final ShellCommands commands = new ShellCommands();
    private final ProgressDisplay progress;
    private final LineReader reader;
    private final LiveIds liveIds;
    private final Evaluation evaluation;
    /** What was typed and ran without error, redacted: what {@code :save} writes. */
    private final List<String> succeeded = new ArrayList<>();
    /** The Kecsh the shell was started with, possibly still starting; its owner closes it. */
    private final CompletableFuture<Kecsh> starting;
    private volatile Kecsh given;
    private volatile Kecsh kecsh;
    private volatile InteractiveSession session;
    private Throwable lastError;
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
        this.liveIds = new LiveIds(model, () -> session().getSession().getOps(), () -> region() + "|" + kecsh().getProfile(),
            options.clock(), options.liveIdLifetime());
        registerCommands();
        this.history = new PrivateHistory(redactor, secrets, options.historyFile());
        LineReaderBuilder builder = LineReaderBuilder.builder()
            .terminal(terminal)
            .appName("kecsh")
            .parser(new ShellParser())
            .completer(new ShellCompleter(vocabulary, commands, liveIds, this::catalogue))
            .highlighter(new ShellHighlighter(vocabulary))
            .history(history)
            .variable(LineReader.SECONDARY_PROMPT_PATTERN, "%P ... ")
            .variable(LineReader.INDENTATION, 4)
            // Groovy's ! is negation, not history expansion.
            .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true);
        if (options.historyFile() != null) builder.variable(LineReader.HISTORY_FILE, options.historyFile());
        this.reader = builder.build();
        ClosingBrackets.install(reader);
        this.evaluation = new Evaluation(terminal);
    }

    /** The session, once the Kecsh has started (waiting for it the first time, if it must). */
    private synchronized InteractiveSession session() {
        if (session == null) {
            try {
                given = starting.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
            kecsh = given;
            InteractiveSession started = kecsh.interactive(new ShellConfirmer(reader), progress);
            // A script's println goes through the binding's "out": the terminal, not the JVM's stdout.
            started.getBinding().setVariable("out", out);
            if (options.region() != null) started.getSession().region(options.region());
            started.warmUp();
            session = started;
            // The banner describes the backend (an embedded sandbox's address), which exists only now.
            String banner = options.bannerFor() == null ? null : options.bannerFor().apply(kecsh);
            if (banner != null) reader.printAbove(banner);
        }
        return session;
    }

    /** Starts the session in the background while the prompt is up; the first line waits for it only if it must. */
    private void startInBackground() {
        Thread starter = new Thread(() -> {
            try {
                session();
            } catch (RuntimeException e) {
                lastError = e;
                reader.printAbove("error: kecsh could not start: " + e.getMessage());
            }
        }, "kecsh-start");
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
                    continue;   // Ctrl-C at the prompt: the line is dropped, the shell stays
                } catch (EndOfFileException e) {
                    break;
                }
                if (line.isBlank()) continue;
                if (line.stripLeading().startsWith(":")) command(line);
                else evaluate(line, "shell");
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
        return (ShellCompleter) ((org.jline.reader.impl.LineReaderImpl) reader).getCompleter();
    }

    /** The session's region; before it has started, the one asked for or the model's default. */
    private String region() {
        if (session != null) return session.getSession().getRegion();
        if (options.region() != null) return options.region();
        return model.requireService("kec").metadata().defaultRegion();
    }

    private Kecsh kecsh() {
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
            succeeded.replaceAll(secrets::maskLiterals);
            secretsApplied = known;
        }
    }

    /** Evaluates on the evaluation thread; prints the value, the plan in plan mode, or the error's one line. */
    private void evaluate(String source, String name) {
        SecretLiterals.Learnt learnt = secrets.learn(source);
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
        succeeded.add(redactor.redact(secrets.maskLiterals(source)));
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
        out.println(options.printer().apply(value));
        out.flush();
    }

    private void error(String message) {
        String firstLine = message == null ? "error" : secrets.mask(message).lines().findFirst().orElse("error");
        out.println("error: " + UserText.escaped(firstLine));   // no ESC or NUL from a value reaches the terminal
        out.flush();
    }

    private void registerCommands() {
        HelpText help = new HelpText(vocabulary, this::catalogue);
        commands
            .add(":help", "[verb|Action]", "this list, or a verb's or an action's parameters from the model", arg -> {
                if (arg.isEmpty()) out.println(overview());
                else out.println(help.of(arg));
                out.flush();
            }, this::helpTopics)
            .add(":region", "[region]", "show or switch the Kingsoft region", this::switchRegion, () -> enumCandidates("kec", "Region"))
            .add(":profile", "[profile]", "show or switch the profile (rebuilds the session, variables kept)", this::switchProfile, null)
            .add(":plan", "on|off", "plan mode: mutating calls are recorded and the plan printed, nothing sent", arg -> {
                if (!arg.equals("on") && !arg.equals("off")) throw new IllegalArgumentException(":plan takes on or off");
                session().setPlan(arg.equals("on"));
            }, () -> List.of(new Candidate("on"), new Candidate("off")))
            .add(":history", "", "what was typed (secrets masked)", arg -> {
                for (History.Entry e : reader.getHistory()) out.println(String.format("%5d  %s", e.index() + 1, e.line()));
                out.flush();
            }, null)
            .add(":save", "FILE", "the lines that ran without error, as a runnable script", this::save, null)
            .add(":load", "FILE", "run a script in this session", this::load, null)
            .add(":trace", "", "the last error's stack trace", arg -> {
                out.println(lastError == null ? "no error yet" : secrets.mask(trace(lastError)));
                out.flush();
            }, null)
            .add(":quit", "", "leave the shell (Ctrl-D too)", arg -> quit = true, null);
    }

    private String overview() {
        StringBuilder s = new StringBuilder("Commands:\n");
        for (ShellCommands.Command c : commands.all()) {
            s.append(String.format("  %-9s %-14s %s%n", c.name(), c.usage(), c.summary()));
        }
        s.append("Script words: ").append(String.join(", ", vocabulary.wordsIn(io.kecsh.dsl.CloudScript.class))).append('\n');
        s.append("TAB completes words, parameters, values and ids; :help run or :help RunInstances for details.");
        return s.toString();
    }

    private List<Candidate> helpTopics() {
        List<Candidate> out = new ArrayList<>();
        for (Class<?> c : io.kecsh.dsl.ide.DslClasses.reachable()) {
            io.kecsh.dsl.Verbs.of(c).keySet().forEach(v -> out.add(new Candidate(v, v, "verb", null, null, null, true)));
        }
        model.operations().forEach(op -> out.add(new Candidate(op.name(), op.name(), "action", op.summary(), null, null, true)));
        return out;
    }

    private List<Candidate> enumCandidates(String service, String enumName) {
        Optional<Service> s = model.service(service);
        Optional<EnumDef> e = s.flatMap(x -> x.enumDef(enumName));
        List<Candidate> out = new ArrayList<>();
        e.ifPresent(def -> KnownValues.of(s.get(), def, catalogue()).forEach(v ->
            out.add(new Candidate(v.value(), v.value(), null, ShellCompleter.describe(v), null, null, true))));
        return out;
    }

    /** The live catalogue of the session's region, as far as it is known now; none before the session has started. */
    private LiveCatalogue catalogue() {
        InteractiveSession s = session;
        if (s == null) {
            // the session may still be starting; the Kecsh's own region is the one it will start in
            boolean ready = starting.isDone() && !starting.isCompletedExceptionally();
            return ready ? starting.join().getClient().catalogue() : LiveCatalogue.NONE;
        }
        LiveCatalogue c = s.getSession().getOps().getCatalogue();
        return c == null ? LiveCatalogue.NONE : c;
    }

    private void switchRegion(String region) {
        if (!region.isEmpty()) {
            Optional<EnumDef> regions = model.service("kec").flatMap(s -> s.enumDef("Region"));
            if (regions.isPresent()) {
                // the validator's rule for open enumerations: refused only when every source says no
                Optional<List<String>> live = catalogue().values("kec", "Region").map(l -> l.stream().map(v -> v.value()).toList());
                List<String> known = new ArrayList<>(regions.get().names());
                live.ifPresent(l -> l.stream().filter(r -> !known.contains(r)).forEach(known::add));
                switch (OpenValueRule.judge(regions.get(), regions.get(), region, live)) {
                    case WRONG -> throw new IllegalArgumentException(":region: unknown region '" + region + "'"
                        + Suggestions.didYouMean(region, known));
                    case UNKNOWN -> out.println("warning: region '" + region + "' is not one kecsh knows"
                        + Suggestions.didYouMean(region, known) + "; switching anyway: the service decides");
                    case LISTED -> { }
                }
            }
            session().getSession().region(region);
        }
        out.println("region " + region());
        out.flush();
    }

    private void switchProfile(String profile) {
        if (!profile.isEmpty()) {
            Kecsh next = kecsh().rebuild(profile, null);
            InteractiveSession nextSession = next.interactive(new ShellConfirmer(reader), progress);
            session().getVariables().forEach((k, v) -> nextSession.getBinding().setVariable(k, v));
            nextSession.setPlan(session.getPlan());
            if (kecsh != given) kecsh.close();
            kecsh = next;
            session = nextSession;
        }
        out.println("profile " + kecsh().getProfile() + (kecsh().usesSandbox() ? " (sandbox)" : "") + ", region " + region());
        out.flush();
    }

    private void save(String file) {
        if (file.isEmpty()) throw new IllegalArgumentException(":save needs a file name");
        String script = "// saved by kecsh: the shell's lines that ran without error\n" + String.join("\n", succeeded) + "\n";
        try {
            Files.writeString(Path.of(file), script);
        } catch (IOException e) {
            throw new UncheckedIOException(":save: cannot write " + file + ": " + e.getMessage(), e);
        }
        out.println("saved " + succeeded.size() + " input" + (succeeded.size() == 1 ? "" : "s") + " to " + file);
        out.flush();
    }

    private void load(String file) {
        if (file.isEmpty()) throw new IllegalArgumentException(":load needs a file name");
        Path path = Path.of(file);
        String source;
        try {
            source = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(":load: cannot read " + file + ": " + e.getMessage(), e);
        }
        evaluate(source, path.getFileName().toString());
    }

    private static String trace(Throwable e) {
        if (e instanceof KecshScriptException k) return k.trace();
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        return s.toString();
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
