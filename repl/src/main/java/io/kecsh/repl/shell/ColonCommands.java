package io.kecsh.repl.shell;

import io.kecsh.dsl.CloudScript;
import io.kecsh.dsl.InteractiveSession;
import io.kecsh.dsl.Kecsh;
import io.kecsh.dsl.engine.Verbs;
import io.kecsh.dsl.error.KecshScriptException;
import io.kecsh.dsl.ide.DslClasses;
import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.UserText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jline.reader.Candidate;
import org.jline.reader.History;

/**
 * What the shell's own {@code :commands} do ({@code :help}, {@code :region}, {@code :profile},
 * {@code :plan}, {@code :history}, {@code :save}, {@code :load}, {@code :trace}, {@code :quit}),
 * registered in one {@link ShellCommands} table that dispatch, {@code :help} and completion read.
 * The shell they act on ({@link KecshShell}) keeps the wiring, the session and the loop.
 */
final class ColonCommands {
    private final KecshShell shell;
    private final ServiceModel model;
    private final DslVocabulary vocabulary;
    private final PrintWriter out;
    private final ShellCommands commands = new ShellCommands();

    ColonCommands(KecshShell shell, ServiceModel model, DslVocabulary vocabulary, PrintWriter out) {
        this.shell = shell;
        this.model = model;
        this.vocabulary = vocabulary;
        this.out = out;
        register();
    }

    /** The table: dispatch, the completer and {@code :help}'s overview read it. */
    ShellCommands table() {
        return commands;
    }

    private void register() {
        HelpText help = new HelpText(vocabulary, shell::catalogue);
        commands.add(
                        ":help",
                        "[word|Action]",
                        "this list; a block's verbs, a verb's words, an action's parameters",
                        arg -> {
                            shell.pager().show(arg.isEmpty() ? overview() : help.of(arg));
                        },
                        this::helpTopics)
                .add(
                        ":region",
                        "[region]",
                        "show or switch the Kingsoft region",
                        this::switchRegion,
                        () -> enumCandidates("kec", "Region"))
                .add(
                        ":profile",
                        "[profile]",
                        "show or switch the profile (rebuilds the session, variables kept)",
                        this::switchProfile,
                        null)
                .add(
                        ":plan",
                        "on|off",
                        "plan mode: mutating calls are recorded and the plan printed, nothing sent",
                        arg -> {
                            if (!arg.equals("on") && !arg.equals("off"))
                                throw new IllegalArgumentException(":plan takes on or off");
                            shell.session().setPlan(arg.equals("on"));
                        },
                        () -> List.of(new Candidate("on"), new Candidate("off")))
                .add(
                        ":history",
                        "",
                        "what was typed (secrets masked)",
                        arg -> {
                            for (History.Entry e : shell.reader().getHistory())
                                out.println(String.format("%5d  %s", e.index() + 1, e.line()));
                            out.flush();
                        },
                        null)
                .add(
                        ":save",
                        "FILE",
                        "what the session did, as a script that does it again (secrets from the environment)",
                        this::save,
                        null)
                .add(":edit", "", "edit the last input in $EDITOR, then run what is saved", this::edit, null)
                .add(":vars", "", "the variables this session has set", arg -> vars(), null)
                .add(":load", "FILE", "run a script in this session", this::load, null)
                .add(
                        ":trace",
                        "",
                        "the last error's stack trace",
                        arg -> {
                            Throwable lastError = shell.lastError();
                            out.println(
                                    lastError == null
                                            ? "no error yet"
                                            : shell.secrets().mask(trace(lastError)));
                            out.flush();
                        },
                        null)
                .add(":quit", "", "leave the shell (Ctrl-D too)", arg -> shell.quit(), null);
    }

    private String overview() {
        StringBuilder s = new StringBuilder("Commands:\n");
        for (ShellCommands.Command c : commands.all()) {
            s.append(String.format("  %-9s %-14s %s%n", c.name(), c.usage(), c.summary()));
        }
        s.append("Script words: ")
                .append(String.join(", ", vocabulary.wordsIn(CloudScript.class)))
                .append('\n');
        s.append(
                "TAB completes words, parameters, values and ids; :help instances, :help run or :help RunInstances for details.");
        return s.toString();
    }

    private List<Candidate> helpTopics() {
        List<Candidate> out = new ArrayList<>();
        for (String word : vocabulary.wordsIn(CloudScript.class)) {
            Class<?> block = vocabulary.open(CloudScript.class, word);
            if (block != null && !Verbs.of(block).isEmpty())
                out.add(new Candidate(word, word, "block", null, null, null, true));
        }
        for (Class<?> c : DslClasses.reachable()) {
            Verbs.of(c).keySet().forEach(v -> out.add(new Candidate(v, v, "verb", null, null, null, true)));
        }
        model.operations()
                .forEach(op -> out.add(new Candidate(op.name(), op.name(), "action", op.summary(), null, null, true)));
        return out;
    }

    private List<Candidate> enumCandidates(String service, String enumName) {
        Optional<Service> s = model.service(service);
        Optional<EnumDef> e = s.flatMap(x -> x.enumDef(enumName));
        List<Candidate> out = new ArrayList<>();
        e.ifPresent(def -> KnownValues.of(s.get(), def, shell.catalogue())
                .forEach(v -> out.add(
                        new Candidate(v.value(), v.value(), null, ShellCompleter.describe(v), null, null, true))));
        return out;
    }

    private void switchRegion(String region) {
        if (!region.isEmpty()) {
            // RegionNames decides, as for a script's region '…': refused when known wrong, a warning when unknown
            try {
                shell.session().getSession().region(region);
                shell.transcript().region(shell.region());
                shell.liveIds().warm(); // the ids TAB offered in the old region are read in the new one now
            } catch (IllegalArgumentException wrong) {
                throw new IllegalArgumentException(":region: " + wrong.getMessage(), wrong);
            }
        }
        out.println("region " + shell.region());
        out.flush();
    }

    private void switchProfile(String profile) {
        if (!profile.isEmpty()) {
            Kecsh next = shell.kecsh().rebuild(profile, null);
            InteractiveSession nextSession = next.interactive(shell.confirmer(), shell.progress());
            InteractiveSession current = shell.session();
            current.getVariables().forEach((k, v) -> nextSession.getBinding().setVariable(k, v));
            nextSession.setPlan(current.getPlan());
            shell.switchTo(next, nextSession);
            shell.transcript().profile(profile, shell.region());
            shell.liveIds().warm();
        }
        Kecsh kecsh = shell.kecsh();
        out.println("profile " + kecsh.getProfile() + (kecsh.usesSandbox() ? " (sandbox)" : "") + ", region "
                + shell.region());
        out.flush();
    }

    private void save(String file) {
        if (file.isEmpty()) throw new IllegalArgumentException(":save needs a file name");
        SessionTranscript transcript = shell.transcript();
        String script = transcript.script();
        int inputs = transcript.inputs();
        try {
            Files.writeString(Path.of(file), script);
        } catch (IOException e) {
            throw new UncheckedIOException(":save: cannot write " + file + ": " + e.getMessage(), e);
        }
        out.println("saved " + inputs + " input" + (inputs == 1 ? "" : "s") + " to " + file);
        out.flush();
    }

    /** Each variable: name, type and value on one line, secrets masked. */
    private void vars() {
        Map<String, Object> variables = new TreeMap<>(shell.session().getVariables());
        variables.remove("out"); // the shell's own: where println goes
        if (variables.isEmpty()) out.println("no variables yet");
        int width = variables.keySet().stream().mapToInt(String::length).max().orElse(0);
        variables.forEach((name, value) -> {
            String type = value == null ? "null" : value.getClass().getSimpleName();
            String shown = SecretLiterals.sensitive(name)
                    ? "***"
                    : shell.secrets().mask(String.valueOf(value)).replace('\n', ' ');
            if (shown.length() > 80) shown = shown.substring(0, 79) + "…";
            out.println(String.format("  %-" + width + "s  %-14s %s", name, type, UserText.escaped(shown)));
        });
        out.flush();
    }

    /**
     * Opens the editor ($VISUAL, $EDITOR, else vi) on the last input, in a private file; what it
     * saves runs as the next input, as if typed (an empty or unchanged file runs nothing).
     */
    private void edit(String arg) {
        String last = shell.lastInput();
        try {
            Path file = Files.createTempFile(
                    "kecsh-edit-",
                    ".groovy",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try {
                Files.writeString(file, last == null ? "" : last + "\n");
                int status = shell.runEditor(file);
                if (status != 0)
                    throw new IllegalStateException(":edit: the editor exited with " + status + "; nothing run");
                String edited = Files.readString(file).stripTrailing();
                if (edited.isBlank() || edited.equals(last)) {
                    out.println("nothing to run");
                    out.flush();
                    return;
                }
                shell.typed(edited);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(":edit: " + e.getMessage(), e);
        }
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
        shell.evaluate(source, path.getFileName().toString());
    }

    private static String trace(Throwable e) {
        if (e instanceof KecshScriptException k) return k.trace();
        StringWriter s = new StringWriter();
        e.printStackTrace(new PrintWriter(s));
        return s.toString();
    }
}
