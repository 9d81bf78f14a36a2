package io.kecsh.repl.cli;

import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kecsh validate RunInstances InstanceType=S4.2X MinCount=1 …}: checks a request against
 * the model without sending it; every problem at once on stderr, exit code 3.
 */
@Command(name = "validate", description = "Check a request against the model without sending it.")
final class ValidateCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "ACTION", description = "An API action, e.g. RunInstances.")
    String action;

    @Parameters(
            index = "1..*",
            paramLabel = "NAME=VALUE",
            description = "Parameters in the API's (wire) names, e.g. DataDisk.1.Size=50.")
    List<String> params = new ArrayList<>();

    private final KecshCommand root;

    ValidateCommand(KecshCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        CommandContext context = root.context();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                context.err().println("kecsh: parameters are Name=value, got '" + p + "'; see kecsh validate --help");
                return ExitCodes.USAGE;
            }
            values.put(p.substring(0, eq), p.substring(eq + 1));
        }
        ValidationReport report;
        try {
            report = new Validator(context.installedModel()).validate(action, values);
        } catch (ServiceModel.UnknownNameException e) {
            context.err().println("kecsh: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        report.warnings().forEach(w -> context.err().println(w));
        if (report.isValid()) {
            context.out().println(report.operation() + ": valid");
            return ExitCodes.OK;
        }
        context.err().println(report.describe());
        return ExitCodes.VALIDATION;
    }
}
