package io.kecsh.repl.output;

import io.kecsh.dsl.engine.ParameterNames;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.overlay.InstalledModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 *
 * <p>For the model kecsh ships, the names are read from a digest ({@link #DIGEST}, made from the
 * model and checked against it by {@code SecretNamesDigestSpec}): finding them meant reading every
 * service's model, a tenth of the CPU of a one-call run's start (issue 16). A home with overlays
 * has its own model, whose names are collected from it as before.
 */
public final class SecretNames {
    public static final String MASK = "****";

    /** One lower-case name per line, sorted: {@link #collect} of the shipped model. */
    static final String DIGEST = "secret-names.txt";

    /** The installed model's: a parameter an overlay marks sensitive is a secret too. */
    private static final Set<String> NAMES = installed();

    private SecretNames() {}

    /** Whether a field of this name is a secret, in any of its spellings. */
    public static boolean isSecret(String name) {
        return name != null && NAMES.contains(name.toLowerCase(Locale.ROOT));
    }

    private static Set<String> installed() {
        ServiceModel model = InstalledModel.get();
        return model == ServiceModel.bundled() ? digest() : collect(model);
    }

    /** The shipped model's names as the digest lists them. */
    static Set<String> digest() {
        InputStream in = SecretNames.class.getResourceAsStream(DIGEST);
        if (in == null) throw new IllegalStateException("kecsh's jar lacks " + DIGEST + ": rebuild it");
        Set<String> names = new HashSet<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isEmpty()) names.add(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableSet(names);
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
