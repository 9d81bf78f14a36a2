package io.kecsh.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.validate.Validator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lints the model data the way botocore lints its JSON: every reference resolves, every token
 * exists, every enum is clean, every operation is complete. A failure lists all offenders.
 */
class ModelLintTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Set<String> GROUPS = Set.of("instances", "images", "snapshots", "volumes", "regions", "prices",
        "templates", "dataguard", "network", "keys", "monitoring", "kms");
    private static final Pattern DESTROYING = Pattern.compile("^(Terminate|Delete|Remove|Release).*");
    /** Named like a destruction but destroying nothing: it only drops a group membership. */
    private static final Set<String> NOT_DESTROYING = Set.of("RemoveVmFromDataGuard");
    private static final Pattern READING = Pattern.compile("^(Describe|Get|Query).*");

    @Test
    void paginatorTokens_existInInputAndOutput() {
        List<String> offenders = new ArrayList<>();
        for (Service s : MODEL.services()) {
            for (Paginator p : s.paginators().values()) {
                Operation op = s.operation(p.operation()).orElseThrow();
                Map<String, Member> out = op.output().members();
                check(offenders, op.params().containsKey(p.inputToken()), p + ": input token");
                check(offenders, p.limitKey() == null || op.params().containsKey(p.limitKey()), p + ": limit key");
                check(offenders, out.containsKey(p.outputToken()), p + ": output token");
                check(offenders, out.containsKey(p.resultKey()) && out.get(p.resultKey()).type() == MemberType.LIST,
                    p + ": result key must be a list in the output");
                check(offenders, p.totalKey() == null || out.containsKey(p.totalKey()), p + ": total key");
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void waiters_pollRealOperations_atRealPaths_forRealStates() {
        List<String> offenders = new ArrayList<>();
        Validator validator = new Validator(MODEL);
        for (Service s : MODEL.services()) {
            for (Waiter w : s.waiters().values()) {
                Operation op = s.operation(w.operation()).orElseThrow();
                check(offenders, !op.mutating(), w.name() + ": polls a mutating operation");
                // the caller adds the ids; what the waiter itself sends must be well-formed
                check(offenders, validator.validate(op, w.input()).errors().stream()
                    .allMatch(p -> p.kind() == io.kecsh.runtime.validate.Problem.Kind.MISSING), w.name() + ": its input does not validate");
                Set<String> states = new HashSet<>();
                for (Acceptor a : w.acceptors()) {
                    states.add(a.state());
                    check(offenders, Set.of("success", "failure", "retry").contains(a.state()), w.name() + ": state " + a.state());
                    check(offenders, Set.of("path", "pathAll", "pathAny", "status", "error").contains(a.matcher()),
                        w.name() + ": matcher " + a.matcher());
                    if (a.matcher().startsWith("path")) {
                        Member target = resolve(op.output(), a.argument());
                        check(offenders, target != null, w.name() + ": no member at " + a.argument());
                        if (target != null && target.enumName().isPresent()) {
                            check(offenders, s.requireEnum(target.enumName().get()).contains(String.valueOf(a.expected())),
                                w.name() + ": " + a.expected() + " is not a " + target.enumName().get());
                        }
                    }
                }
                check(offenders, states.contains("success"), w.name() + ": no success state");
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
        assertTrue(MODEL.requireService("kec").waiters().size() >= 6);
    }

    /** The member at a waiter path such as InstancesSet[].InstanceState.Name. */
    private static Member resolve(Member root, String path) {
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

    @Test
    void enums_areNonEmptyAndUnique_inTheRawFiles() throws IOException {
        List<String> offenders = new ArrayList<>();
        JsonNode index = raw("models/index.json");
        for (JsonNode folder : index.path("services")) {
            JsonNode service = raw("models/" + folder.asText() + "/service.json");
            service.path("enums").fields().forEachRemaining(e -> {
                Set<String> seen = new HashSet<>();
                check(offenders, e.getValue().path("values").size() > 0, folder + " enum " + e.getKey() + " is empty");
                for (JsonNode v : e.getValue().path("values")) {
                    check(offenders, seen.add(v.path("value").asText()), folder + " enum " + e.getKey()
                        + " repeats " + v.path("value").asText());
                }
            });
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /**
     * Every enumeration says whether it is open (models/README.md, "Open enumerations"); a subset takes
     * its parent's answer. An open one says why (a decision with topic "open"), each of its listed
     * values has its form, and a live source names an operation of the same service whose answer holds
     * the list and the members it reads.
     */
    @Test
    void enums_sayWhetherTheyAreOpen_andOpenOnesSayWhy() throws IOException {
        List<String> offenders = new ArrayList<>();
        JsonNode index = raw("models/index.json");
        for (JsonNode folder : index.path("services")) {
            JsonNode service = raw("models/" + folder.asText() + "/service.json");
            service.path("enums").fields().forEachRemaining(e -> {
                String where = folder.asText() + " enum " + e.getKey();
                boolean subset = e.getValue().has("subsetOf");
                check(offenders, subset != e.getValue().path("open").isBoolean(),
                    where + (subset ? " is a subset and must take open from its parent" : " must say \"open\": true or false"));
            });
        }
        for (Service s : MODEL.services()) {
            for (EnumDef e : s.enums().values()) {
                if (!e.open() || e.subsetOf().isPresent()) continue;
                String where = s.name() + " enum " + e.name();
                check(offenders, e.decisions().stream().anyMatch(d -> "open".equals(d.topic())), where + " is open without a decision saying why");
                e.openForm().ifPresent(form -> e.names().stream().filter(v -> !form.matcher(v).matches())
                    .forEach(v -> offenders.add(where + ": listed value " + v + " lacks the openForm")));
                e.live().ifPresent(live -> {
                    Operation op = s.operation(live.operation()).orElse(null);
                    Member items = op == null ? null : op.output().members().get(live.items());
                    if (items == null || items.type() != MemberType.LIST || items.member().type() != MemberType.STRUCTURE) {
                        offenders.add(where + ": live " + live.operation() + "." + live.items() + " is not a list of structures");
                        return;
                    }
                    Map<String, Member> item = items.member().members();
                    check(offenders, item.containsKey(live.value()), where + ": live value " + live.value() + " is not a member");
                    live.attrs().forEach((attr, path) -> check(offenders, item.containsKey(path.split("[\\[.]")[0]),
                        where + ": live attr " + attr + " reads unknown member " + path));
                });
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void everyRuleVariantAndDefault_namesDeclaredMembers() {
        List<String> offenders = new ArrayList<>();
        for (Service s : MODEL.services()) {
            for (Operation op : s.operations()) {
                for (Rule r : op.rules()) {
                    List<String> paths = new ArrayList<>(r.params());
                    if (r.than() != null) paths.add(r.than());
                    if (r.when() != null) paths.add(r.when().param());
                    for (String p : paths) check(offenders, memberAt(op, p) != null, op + " rule " + r.kind().id() + ": " + p);
                    if (r.when() != null && r.when().attr() != null) {
                        Member m = memberAt(op, r.when().param());
                        boolean ok = m != null && m.enumName().isPresent() && s.requireEnum(m.enumName().get()).values()
                            .stream().allMatch(v -> v.attrs().containsKey(r.when().attr()));
                        check(offenders, ok, op + ": condition on " + r.when().attr() + " of " + r.when().param());
                    }
                }
                for (Variant v : op.variants()) {
                    check(offenders, op.params().keySet().containsAll(v.params()), op + " variant " + v.name());
                    check(offenders, v.params().containsAll(v.required()), op + " variant " + v.name() + " requires others");
                }
                op.params().values().forEach(m -> checkDefault(s, op, m, offenders));
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    private static void checkDefault(Service s, Operation op, Member m, List<String> offenders) {
        if (m.defaultValue().isEmpty() || m.enumName().isEmpty() || m.type() != MemberType.STRING) return;
        String value = String.valueOf(m.defaultValue().get());
        check(offenders, s.requireEnum(m.enumName().get()).contains(value), op + "." + m.name() + " default " + value);
    }

    private static Member memberAt(Operation op, String path) {
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

    @Test
    void everyOperation_isComplete() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : MODEL.operations()) {
            check(offenders, !op.summary().isBlank(), op + ": summary");
            check(offenders, !op.titleZh().isBlank(), op + ": titleZh");
            check(offenders, !op.source().isBlank(), op + ": source");
            check(offenders, GROUPS.contains(op.group()), op + ": group " + op.group());
            check(offenders, op.output().members().containsKey("RequestId"), op + ": output lacks RequestId");
            check(offenders, !op.destructive() || op.mutating(), op + ": destructive but not mutating");
            check(offenders, !DESTROYING.matcher(op.name()).matches() || op.destructive() || NOT_DESTROYING.contains(op.name()), op + ": should be destructive");
            check(offenders, !READING.matcher(op.name()).matches() || !op.mutating(), op + ": a read marked mutating");
            op.params().values().forEach(m -> check(offenders, !m.doc().isBlank(), op + "." + m.name() + ": no doc"));
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void errors_haveCodesAndHttpStatuses() {
        List<String> offenders = new ArrayList<>();
        for (Service s : MODEL.services()) {
            for (Operation op : s.operations()) {
                for (ErrorDef e : s.errorsOf(op)) {
                    check(offenders, !e.code().isBlank() && !e.message().isBlank(), op + ": error without code/message");
                    check(offenders, e.httpStatus() >= 400 && e.httpStatus() < 600, op + ": " + e.code() + " status " + e.httpStatus());
                    check(offenders, e.retry() == null || Set.of("safe", "idempotent").contains(e.retry()), op + ": " + e.code() + " retry");
                }
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    @Test
    void secrets_areMarkedSensitiveWherever_theyAppear() {
        List<String> offenders = new ArrayList<>();
        for (Operation op : MODEL.operations()) {
            op.params().forEach((name, m) -> {
                if (name.contains("Password")) check(offenders, m.sensitive(), op + "." + name);
            });
            op.output().members().forEach((name, m) -> {
                if (name.equals("PrivateKey")) check(offenders, m.sensitive(), op + " output " + name);
            });
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
    }

    /**
     * Issue 11: 349 invalid values passed because the model had no constraint for them, and one
     * (SpotPriceLimit 1e999999999) ran the client out of memory. Every number a caller sends has a
     * range, every string a maxLength (or a format whose form bounds it), and an enumerated
     * member's maxLength holds every value of its enumeration.
     */
    @Test
    void everyParameter_isBounded_numbersByARange_stringsByALength() {
        List<String> offenders = new ArrayList<>();
        for (Service s : MODEL.services()) {
            s.commonParams().forEach((name, m) -> bounded(s, m, s.name() + " common " + name, offenders));
            for (Operation op : s.operations()) {
                op.params().forEach((name, m) -> bounded(s, m, op + "." + name, offenders));
            }
        }
        assertTrue(offenders.isEmpty(), offenders.size() + " unbounded parameters:\n" + String.join("\n", offenders));
    }

    private static void bounded(Service s, Member m, String where, List<String> offenders) {
        switch (m.type()) {
            case INTEGER, LONG, FLOAT -> {
                check(offenders, m.min().isPresent() && m.max().isPresent(), where + ": number without min and max");
                check(offenders, m.min().isEmpty() || m.max().isEmpty() || m.min().get().compareTo(m.max().get()) <= 0,
                    where + ": min above max");
            }
            case STRING -> {
                boolean byForm = m.format().filter(Validator::formatBoundsLength).isPresent();
                check(offenders, byForm || m.maxLength().isPresent(), where + ": string without maxLength");
                m.maxLength().ifPresent(max -> {
                    check(offenders, m.minLength().orElse(0) <= max, where + ": minLength above maxLength");
                    m.enumName().flatMap(s::enumDef).ifPresent(e -> e.names().stream().filter(v -> v.length() > max)
                        .forEach(v -> offenders.add(where + ": enum value " + v + " longer than maxLength " + max)));
                });
            }
            case LIST -> bounded(s, m.member(), where + "[]", offenders);
            case STRUCTURE -> m.members().forEach((name, child) -> bounded(s, child, where + "." + name, offenders));
            case BOOLEAN -> { }
        }
    }

    @Test
    void decisions_coverEveryCatalogContradiction() {
        Set<Integer> decided = new TreeSet<>();
        for (Service s : MODEL.services()) {
            s.decisions().forEach(d -> decided.addAll(d.catalog()));
            s.enums().values().forEach(e -> e.decisions().forEach(d -> decided.addAll(d.catalog())));
            s.shapes().values().forEach(m -> collect(m, decided));
            for (Operation op : s.operations()) {
                op.decisions().forEach(d -> decided.addAll(d.catalog()));
                op.rules().forEach(r -> r.decisions().forEach(d -> decided.addAll(d.catalog())));
                op.params().values().forEach(m -> collect(m, decided));
                collect(op.output(), decided);
            }
        }
        Set<Integer> missing = new TreeSet<>();
        for (int i = 1; i <= 75; i++) if (!decided.contains(i)) missing.add(i);
        assertEquals(Set.of(), missing, "CATALOG section 8 items with no recorded decision");
    }

    private static void collect(Member m, Set<Integer> into) {
        m.decisions().forEach(d -> into.addAll(d.catalog()));
        if (m.member() != null) collect(m.member(), into);
        m.members().values().forEach(c -> collect(c, into));
    }

    private static JsonNode raw(String resource) throws IOException {
        try (InputStream in = ModelLintTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static void check(List<String> offenders, boolean ok, String what) {
        if (!ok) offenders.add(what);
    }
}
