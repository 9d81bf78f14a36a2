package io.kecsh.runtime.overlay;

import io.kecsh.runtime.model.Acceptor;
import io.kecsh.runtime.model.ErrorDef;
import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.Paginator;
import io.kecsh.runtime.model.Rule;
import io.kecsh.runtime.model.Service;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.model.Variant;
import io.kecsh.runtime.model.Waiter;
import io.kecsh.runtime.validate.Problem;
import io.kecsh.runtime.validate.Validator;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The rules every model entry keeps, the way botocore lints its JSON: every reference resolves,
 * every token exists, every operation is complete, every parameter is bounded. The built-in model
 * is held to them by ModelLintTest; a user's overlay by {@link ModelOverlays} when it loads. Each
 * finding names its entry ({@code kec RunInstances.Foo: string without maxLength}).
 */
public final class ModelLint {
    private static final Set<String> GROUPS = Set.of(
            "instances",
            "images",
            "snapshots",
            "volumes",
            "regions",
            "prices",
            "templates",
            "dataguard",
            "network",
            "keys",
            "monitoring",
            "kms");
    private static final Pattern DESTROYING = Pattern.compile("^(Terminate|Delete|Remove|Release).*");
    /** Named like a destruction but destroying nothing: it only drops a group membership. */
    private static final Set<String> NOT_DESTROYING = Set.of("RemoveVmFromDataGuard");

    private static final Pattern READING = Pattern.compile("^(Describe|Get|Query).*");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    private final ServiceModel model;
    private final List<String> findings = new ArrayList<>();

    private ModelLint(ServiceModel model) {
        this.model = model;
    }

    /** Every finding in every service of the model. */
    public static List<String> check(ServiceModel model) {
        ModelLint lint = new ModelLint(model);
        model.services().forEach(lint::service);
        return List.copyOf(lint.findings);
    }

    /** Every finding in one service. */
    public static List<String> check(ServiceModel model, Service service) {
        ModelLint lint = new ModelLint(model);
        lint.service(service);
        return List.copyOf(lint.findings);
    }

    private void service(Service s) {
        paginators(s);
        waiters(s);
        s.commonParams().forEach((name, m) -> bounded(s, m, s.name() + " common " + name));
        for (Operation op : s.operations()) {
            String where = s.name() + " " + op.name();
            complete(op, where);
            wireNames(op, where);
            references(s, op, where);
            errors(s, op, where);
            secrets(op, where);
            op.params().forEach((name, m) -> {
                check(
                        PARAMETER_NAME.matcher(name).matches(),
                        where + "." + name
                                + ": a parameter name is one word (lists and structures are members, not dotted names)");
                bounded(s, m, where + "." + name);
            });
        }
    }

    private void paginators(Service s) {
        for (Paginator p : s.paginators().values()) {
            Operation op = s.operation(p.operation()).orElseThrow();
            Map<String, Member> out = op.output().members();
            String where = s.name() + " paginator " + p.operation();
            check(op.params().containsKey(p.inputToken()), where + ": input token");
            check(p.limitKey() == null || op.params().containsKey(p.limitKey()), where + ": limit key");
            check(out.containsKey(p.outputToken()), where + ": output token");
            check(
                    out.containsKey(p.resultKey()) && out.get(p.resultKey()).type() == MemberType.LIST,
                    where + ": result key must be a list in the output");
            check(p.totalKey() == null || out.containsKey(p.totalKey()), where + ": total key");
        }
    }

    private void waiters(Service s) {
        Validator validator = new Validator(model);
        for (Waiter w : s.waiters().values()) {
            String where = s.name() + " waiter " + w.name();
            Operation op = s.operation(w.operation()).orElseThrow();
            check(!op.mutating(), where + ": polls a mutating operation");
            // the caller adds the ids; what the waiter itself sends must be well-formed
            check(
                    validator.validate(op, w.input()).errors().stream().allMatch(p -> p.kind() == Problem.Kind.MISSING),
                    where + ": its input does not validate");
            Set<String> states = new HashSet<>();
            for (Acceptor a : w.acceptors()) {
                states.add(a.state());
                check(Set.of("success", "failure", "retry").contains(a.state()), where + ": state " + a.state());
                check(
                        Set.of("path", "pathAll", "pathAny", "status", "error").contains(a.matcher()),
                        where + ": matcher " + a.matcher());
                if (a.matcher().startsWith("path")) {
                    Member target = outputAt(op.output(), a.argument());
                    check(target != null, where + ": no member at " + a.argument());
                    if (target != null && target.enumName().isPresent()) {
                        check(
                                s.requireEnum(target.enumName().get()).contains(String.valueOf(a.expected())),
                                where + ": " + a.expected() + " is not a "
                                        + target.enumName().get());
                    }
                }
            }
            check(states.contains("success"), where + ": no success state");
        }
    }

    /** The member at a waiter path such as InstancesSet[].InstanceState.Name. */
    private static Member outputAt(Member root, String path) {
        Member current = root;
        for (String segment : path.split("\\.")) {
            boolean each = segment.endsWith("[]");
            String name = each ? segment.substring(0, segment.length() - 2) : segment;
            current = current.members().get(name);
            if (current == null) return null;
            if (each) {
                if (current.type() != MemberType.LIST) return null;
                current = current.member();
            }
        }
        return current;
    }

    private void complete(Operation op, String where) {
        check(!op.summary().isBlank(), where + ": summary");
        check(!op.titleZh().isBlank(), where + ": titleZh");
        check(!op.source().isBlank(), where + ": source");
        check(
                GROUPS.contains(op.group()),
                where + ": group " + op.group() + " (one of " + String.join(", ", new TreeSet<>(GROUPS)) + ")");
        check(op.output().members().containsKey("RequestId"), where + ": output lacks RequestId");
        check(!op.destructive() || op.mutating(), where + ": destructive but not mutating");
        check(
                !DESTROYING.matcher(op.name()).matches() || op.destructive() || NOT_DESTROYING.contains(op.name()),
                where + ": should be destructive");
        check(!READING.matcher(op.name()).matches() || !op.mutating(), where + ": a read marked mutating");
        op.params().values().forEach(m -> check(!m.doc().isBlank(), where + "." + m.name() + ": no doc"));
    }

    /** Issue 12: an Action value names one operation only, and an operation answers to its own name. */
    private void wireNames(Operation op, String where) {
        check(op.wireNames().contains(op.name()), where + ": its wire names lack its name");
        for (String wire : op.wireNames()) {
            check(
                    model.findOperation(wire).filter(o -> o == op).isPresent(),
                    where + ": wire name " + wire + " finds another operation");
        }
    }

    private void references(Service s, Operation op, String where) {
        for (Rule r : op.rules()) {
            List<String> paths = new ArrayList<>(r.params());
            if (r.than() != null) paths.add(r.than());
            if (r.when() != null) paths.add(r.when().param());
            for (String p : paths)
                check(paramAt(op, p) != null, where + " rule " + r.kind().id() + ": " + p);
            if (r.when() != null && r.when().attr() != null) {
                Member m = paramAt(op, r.when().param());
                boolean ok = m != null
                        && m.enumName().isPresent()
                        && s.requireEnum(m.enumName().get()).values().stream()
                                .allMatch(v -> v.attrs().containsKey(r.when().attr()));
                check(
                        ok,
                        where + ": condition on " + r.when().attr() + " of "
                                + r.when().param());
            }
        }
        for (Variant v : op.variants()) {
            check(op.params().keySet().containsAll(v.params()), where + " variant " + v.name());
            check(v.params().containsAll(v.required()), where + " variant " + v.name() + " requires others");
        }
        for (Member m : op.params().values()) {
            if (m.defaultValue().isEmpty() || m.enumName().isEmpty() || m.type() != MemberType.STRING) continue;
            String value = String.valueOf(m.defaultValue().get());
            check(s.requireEnum(m.enumName().get()).contains(value), where + "." + m.name() + " default " + value);
        }
    }

    private static Member paramAt(Operation op, String path) {
        Map<String, Member> scope = op.params();
        Member current = null;
        for (String segment : path.split("\\.")) {
            String name = segment.replace("[]", "");
            if (scope == null || !scope.containsKey(name)) return null;
            current = scope.get(name);
            if (current.type() == MemberType.LIST) current = current.member();
            scope = current.type() == MemberType.STRUCTURE ? current.members() : null;
        }
        return current;
    }

    private void errors(Service s, Operation op, String where) {
        for (ErrorDef e : s.errorsOf(op)) {
            check(!e.code().isBlank() && !e.message().isBlank(), where + ": error without code/message");
            check(e.httpStatus() >= 400 && e.httpStatus() < 600, where + ": " + e.code() + " status " + e.httpStatus());
            check(
                    e.retry() == null || Set.of("safe", "idempotent").contains(e.retry()),
                    where + ": " + e.code() + " retry");
        }
    }

    private void secrets(Operation op, String where) {
        op.params().forEach((name, m) -> {
            if (name.contains("Password"))
                check(m.sensitive(), where + "." + name + ": a password must be \"sensitive\": true");
        });
        op.output().members().forEach((name, m) -> {
            if (name.equals("PrivateKey"))
                check(m.sensitive(), where + " output " + name + ": must be \"sensitive\": true");
        });
    }

    /**
     * Issue 11: every number a caller sends has a range, every string a maxLength (or a format whose
     * form bounds it), and an enumerated member's maxLength holds every value of its enumeration.
     */
    private void bounded(Service s, Member m, String where) {
        switch (m.type()) {
            case INTEGER, LONG, FLOAT -> {
                check(m.min().isPresent() && m.max().isPresent(), where + ": number without min and max");
                check(
                        m.min().isEmpty()
                                || m.max().isEmpty()
                                || m.min().get().compareTo(m.max().get()) <= 0,
                        where + ": min above max");
            }
            case STRING -> {
                boolean byForm =
                        m.format().filter(Validator::formatBoundsLength).isPresent();
                check(byForm || m.maxLength().isPresent(), where + ": string without maxLength");
                m.maxLength().ifPresent(max -> {
                    check(m.minLength().orElse(0) <= max, where + ": minLength above maxLength");
                    m.enumName()
                            .flatMap(s::enumDef)
                            .ifPresent(e -> e.names().stream()
                                    .filter(v -> v.length() > max)
                                    .forEach(v -> findings.add(
                                            where + ": enum value " + v + " longer than maxLength " + max)));
                });
            }
            case LIST -> bounded(s, m.member(), where + "[]");
            case STRUCTURE -> m.members().forEach((name, child) -> bounded(s, child, where + "." + name));
            case BOOLEAN -> {}
        }
    }

    private void check(boolean ok, String finding) {
        if (!ok) findings.add(finding);
    }
}
