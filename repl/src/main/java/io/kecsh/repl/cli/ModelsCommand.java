package io.kecsh.repl.cli;

import io.kecsh.runtime.model.EnumDef;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code kecsh models}: the APIs kecsh models, with their versions and action counts. */
@Command(name = "models", description = "List the APIs kecsh models.")
final class ModelsCommand implements Callable<Integer> {
    private final KecshCommand root;

    ModelsCommand(KecshCommand root) {
        this.root = root;
    }

    @Override
    public Integer call() {
        PrintStream out = root.context().out();
        var overlays = root.context().modelOverlays();
        ServiceModel model = overlays.model();
        out.printf("%-13s %-11s %-8s %s%n", "SERVICE", "VERSION", "ACTIONS", "TITLE");
        for (Service s : model.services()) {
            out.printf(
                    "%-13s %-11s %-8d %s%n",
                    s.name(),
                    s.apiVersion(),
                    s.operations().size(),
                    s.metadata().title());
        }
        EnumDef types = model.requireService("kec").requireEnum("InstanceType");
        out.println();
        out.println(model.operations().size() + " actions, " + types.size()
                + " instance types. Try: kecsh describe RunInstances");
        overlays.loaded().forEach(f -> out.println("overlay: " + f));
        return ExitCodes.OK;
    }
}
