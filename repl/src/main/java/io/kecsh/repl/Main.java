package io.kecsh.repl;

import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.validate.ValidationReport;
import io.kecsh.runtime.validate.Validator;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code kecsh} command. Until the interactive shell lands it offers what the model already
 * answers: a summary of every API, the details of one action, and offline validation of a request.
 */
public final class Main {
    static final int OK = 0;
    static final int USAGE = 2;
    static final int INVALID = 3;

    private final PrintStream out;
    private final PrintStream err;

    Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("models")) return summary();
        return switch (args[0]) {
            case "--help", "-h", "help" -> help();
            case "--version" -> version();
            case "describe" -> args.length == 2 ? describe(args[1]) : usage("describe needs an action name");
            case "validate" -> args.length >= 2 ? validate(args) : usage("validate needs an action name");
            default -> usage("unknown command '" + args[0] + "'");
        };
    }

    private int summary() {
        ServiceModel model = ServiceModel.bundled();
        out.println("kecsh " + version0() + " — the shell is not built yet; this is the service model it will speak.");
        out.println();
        out.printf("%-13s %-11s %-8s %s%n", "SERVICE", "VERSION", "ACTIONS", "TITLE");
        for (Service s : model.services()) {
            out.printf("%-13s %-11s %-8d %s%n", s.name(), s.apiVersion(), s.operations().size(), s.metadata().title());
        }
        EnumDef types = model.requireService("kec").requireEnum("InstanceType");
        out.println();
        out.println(model.operations().size() + " actions, " + types.size() + " instance types. Try: kecsh describe RunInstances");
        return OK;
    }

    private int describe(String action) {
        try {
            Operation op = ServiceModel.bundled().requireOperation(action);
            out.println(op.name() + " (" + op.serviceName() + ") — " + op.summary());
            out.println(op.titleZh());
            op.params().forEach((name, m) -> out.printf("  %-28s %-9s %s%s%n", name, m.type().label(),
                m.required() ? "required. " : "", m.doc()));
            return OK;
        } catch (IllegalArgumentException e) {
            err.println("kecsh: " + e.getMessage());
            return USAGE;
        }
    }

    /** {@code kecsh validate RunInstances InstanceType=S4.2X MinCount=1 …}: checks without sending. */
    private int validate(String[] args) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 2; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) return usage("parameters are Name=value, got '" + args[i] + "'");
            params.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        try {
            ValidationReport report = new Validator(ServiceModel.bundled()).validate(args[1], params);
            report.warnings().forEach(w -> err.println(w));
            if (report.isValid()) {
                out.println(report.operation() + ": valid");
                return OK;
            }
            err.println(report.describe());
            return INVALID;
        } catch (IllegalArgumentException e) {
            err.println("kecsh: " + e.getMessage());
            return USAGE;
        }
    }

    private int help() {
        out.println("usage: kecsh [models | describe ACTION | validate ACTION Name=value… | --version | --help]");
        return OK;
    }

    private int version() {
        out.println("kecsh " + version0());
        return OK;
    }

    private static String version0() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    private int usage(String message) {
        err.println("kecsh: " + message + " (kecsh --help)");
        return USAGE;
    }
}
