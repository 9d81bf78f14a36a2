package io.kecsh.runtime.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One API action: where it lives, what it takes, what it returns, and what can go wrong. */
public final class Operation {
    private final String name;
    private final String serviceName;
    private final String summary;
    private final String titleZh;
    private final String docZh;
    private final String group;
    private final boolean mutating;
    private final boolean destructive;
    private final Endpoint endpoint;
    private final String edition;
    private final String source;
    private final Map<String, Member> params;
    private final List<Rule> rules;
    private final List<Variant> variants;
    private final Member output;
    private final List<ErrorDef> errors;
    private final List<Precondition> preconditions;
    private final List<Decision> decisions;
    private final List<String> wireNames;

    Operation(
            String name,
            String serviceName,
            String summary,
            String titleZh,
            String docZh,
            String group,
            boolean mutating,
            boolean destructive,
            Endpoint endpoint,
            String edition,
            String source,
            Map<String, Member> params,
            List<Rule> rules,
            List<Variant> variants,
            Member output,
            List<ErrorDef> errors,
            List<Precondition> preconditions,
            List<Decision> decisions,
            List<String> wireNames) {
        this.name = name;
        this.serviceName = serviceName;
        this.summary = summary;
        this.titleZh = titleZh;
        this.docZh = docZh;
        this.group = group;
        this.mutating = mutating;
        this.destructive = destructive;
        this.endpoint = endpoint;
        this.edition = edition;
        this.source = source;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.rules = List.copyOf(rules);
        this.variants = List.copyOf(variants);
        this.output = output;
        this.errors = List.copyOf(errors);
        this.preconditions = List.copyOf(preconditions);
        this.decisions = List.copyOf(decisions);
        this.wireNames = wireNames.isEmpty() ? List.of(name) : List.copyOf(wireNames);
    }

    public String name() {
        return name;
    }

    public String serviceName() {
        return serviceName;
    }

    public String summary() {
        return summary;
    }

    public String titleZh() {
        return titleZh;
    }

    public String docZh() {
        return docZh;
    }

    public String group() {
        return group;
    }

    public boolean mutating() {
        return mutating;
    }

    public boolean destructive() {
        return destructive;
    }
    /** The operation's own endpoint when it differs from the service's. */
    public Optional<Endpoint> endpoint() {
        return Optional.ofNullable(endpoint);
    }
    /** {@code 1.4.5} for the main document, or the older edition that alone documents it. */
    public String edition() {
        return edition;
    }

    public String source() {
        return source;
    }
    /** Top-level parameters in document order (the common ones such as DryRun are on the service). */
    public Map<String, Member> params() {
        return params;
    }

    public Optional<Member> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    public List<Rule> rules() {
        return rules;
    }

    public List<Variant> variants() {
        return variants;
    }

    public Member output() {
        return output;
    }
    /** Errors this action documents itself; the service's common errors apply too. */
    public List<ErrorDef> errors() {
        return errors;
    }

    public List<Precondition> preconditions() {
        return preconditions;
    }

    public List<Decision> decisions() {
        return decisions;
    }
    /**
     * The Action values the service answers to for this operation, the one to send first leading
     * (DescribeInstanceFamilies: the gateway's DescribeInstanceFamilys, which every Kingsoft SDK
     * sends, then the document's spelling). Usually just {@link #name()}.
     */
    public List<String> wireNames() {
        return wireNames;
    }
    /** Whether {@code action}, exactly as written, names this operation (its name or a wire name). */
    public boolean answersTo(String action) {
        return name.equals(action) || wireNames.contains(action);
    }

    @Override
    public String toString() {
        return serviceName + ":" + name;
    }
}
