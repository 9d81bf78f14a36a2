package io.kecsh.repl.cli;

import io.kecsh.dsl.engine.Verbs;
import io.kecsh.dsl.ide.DslClasses;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code kecsh describe ACTION}: one action's summary and parameters, from the model. */
@Command(name = "describe", description = "Show an action's parameters, from the service model.")
final class DescribeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "ACTION", description = "An API action, e.g. RunInstances.")
    String action;

    private final KecshCommand root;

    DescribeCommand(KecshCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        PrintStream out = root.context().out();
        Operation op;
        try {
            op = root.context().installedModel().requireOperation(action);
        } catch (ServiceModel.UnknownNameException e) {
            root.context().err().println("kecsh: " + e.getMessage() + verbHint(action));
            return ExitCodes.USAGE;
        }
        out.println(op.name() + " (" + op.serviceName() + ") — " + op.summary());
        out.println(op.titleZh());
        op.params()
                .forEach((name, m) -> out.printf(
                        "  %-28s %-9s %s%s%n", name, m.type().label(), m.required() ? "required. " : "", m.doc()));
        return ExitCodes.OK;
    }

    /** A DSL verb typed for an action ({@code describe run}): the actions that verb calls, as a "did you mean". */
    private static String verbHint(String given) {
        Set<String> actions = new TreeSet<>();
        for (Class<?> context : DslClasses.reachable()) {
            Verbs.Info verb = Verbs.of(context).get(given);
            if (verb != null) actions.add(verb.getAction());
        }
        return actions.isEmpty()
                ? ""
                : " (did you mean " + Suggestions.orList(List.copyOf(actions)) + "? " + given + " is a DSL verb)";
    }
}
