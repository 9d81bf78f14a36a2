package io.kecsh.repl.output;

import io.kecsh.dsl.engine.ParameterNames;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.overlay.InstalledModel;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which field names hold secrets, read from the model: every member marked {@code sensitive}
 * ({@code InstancePassword}, CreateKey's {@code PrivateKey} …) in any input or output, in the API's
 * spelling, in lower camel (the DSL's result types: {@code privateKey}) and under the DSL's short
 * forms ({@code password}). Output never shows their values.
 */
public final class SecretNames {
    public static final String MASK = "****";

    /** The installed model's: a parameter an overlay marks sensitive is a secret too. */
    private static final Set<String> NAMES = collect(InstalledModel.get());

    private SecretNames() {}

    /** Whether a field of this name is a secret, in any of its spellings. */
    public static boolean isSecret(String name) {
        return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    static Set<String> collect(ServiceModel model) {
        Set<String> names = new HashSet<>();
        for (Service service : model.services()) {
            service.commonParams().forEach((name, m) -> visit(name, m, names));
            service.shapes().forEach((name, m) -> visit(name, m, names));
            for (Operation op : service.operations()) {
                op.params().forEach((name, m) -> visit(name, m, names));
                if (op.output() != null) visit(null, op.output(), names);
            }
        }
        for (Map.Entry<String, String> alias : ParameterNames.getALIASES().entrySet()) {
            if (names.contains(alias.getValue().toLowerCase(Locale.ROOT)))
                names.add(alias.getKey().toLowerCase(Locale.ROOT));
        }
        return Collections.unmodifiableSet(names);
    }

    private static void visit(String name, Member member, Set<String> names) {
        if (member == null) return;
        if (member.sensitive() && name != null) names.add(name.toLowerCase(Locale.ROOT));
        if (!member.containsSensitive()) return;
        member.members().forEach((child, m) -> visit(child, m, names));
        if (member.member() != null) visit(name, member.member(), names);
    }
}
