package io.kecsh.repl.cli;

import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.util.concurrent.Callable;

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
            root.context().err().println("kecsh: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        out.println(op.name() + " (" + op.serviceName() + ") — " + op.summary());
        out.println(op.titleZh());
        op.params().forEach((name, m) -> out.printf("  %-28s %-9s %s%s%n", name, m.type().label(),
            m.required() ? "required. " : "", m.doc()));
        return ExitCodes.OK;
    }
}
