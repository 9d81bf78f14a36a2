package io.kecsh.runtime.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kecsh.runtime.overlay.ModelLint;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Lints the model data the way botocore lints its JSON: every reference resolves, every token
 * exists, every enum is clean, every operation is complete. A failure lists all offenders.
 */
class ModelLintTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();

    /**
     * The rules themselves live in {@link io.kecsh.runtime.overlay.ModelLint} (main code), so a user's
     * model overlay is held to the same ones when it loads: every reference resolves, every token
     * exists, every operation is complete, every parameter is bounded (issue 11: 349 invalid values
     * passed for want of a constraint, and SpotPriceLimit 1e999999999 ran the client out of memory).
     */
    @Test
    void theBuiltInModel_passesEveryLintRule() {
        List<String> findings = ModelLint.check(MODEL);
        assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", findings));
        assertTrue(MODEL.requireService("kec").waiters().size() >= 6);
    }

    /** Issue 12: every Kingsoft SDK sends DescribeInstanceFamilys; the document says Families; both are one operation. */
    @Test
    void instanceFamilies_answersToBothSpellings_theSdksFirst() {
        assertEquals(
                List.of("DescribeInstanceFamilys", "DescribeInstanceFamilies"),
                MODEL.requireOperation("DescribeInstanceFamilies").wireNames());
        assertTrue(MODEL.findOperation("DescribeInstanceFamilys").isPresent());
    }

    @Test
    void enums_areNonEmptyAndUnique_inTheRawFiles() throws IOException {
        List<String> offenders = new ArrayList<>();
        JsonNode index = raw("models/index.json");
        for (JsonNode folder : index.path("services")) {
            JsonNode service = raw("models/" + folder.asText() + "/service.json");
            service.path("enums").properties().forEach(e -> {
                Set<String> seen = new HashSet<>();
                check(offenders, e.getValue().path("values").size() > 0, folder + " enum " + e.getKey() + " is empty");
                for (JsonNode v : e.getValue().path("values")) {
                    check(
                            offenders,
                            seen.add(v.path("value").asText()),
                            folder + " enum " + e.getKey() + " repeats "
                                    + v.path("value").asText());
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
            service.path("enums").properties().forEach(e -> {
                String where = folder.asText() + " enum " + e.getKey();
                boolean subset = e.getValue().has("subsetOf");
                check(
                        offenders,
                        subset != e.getValue().path("open").isBoolean(),
                        where
                                + (subset
                                        ? " is a subset and must take open from its parent"
                                        : " must say \"open\": true or false"));
            });
        }
        for (Service s : MODEL.services()) {
            for (EnumDef e : s.enums().values()) {
                if (!e.open() || e.subsetOf().isPresent()) continue;
                String where = s.name() + " enum " + e.name();
                check(
                        offenders,
                        e.decisions().stream().anyMatch(d -> "open".equals(d.topic())),
                        where + " is open without a decision saying why");
                e.openForm()
                        .ifPresent(form -> e.names().stream()
                                .filter(v -> !form.matcher(v).matches())
                                .forEach(v -> offenders.add(where + ": listed value " + v + " lacks the openForm")));
                e.live().ifPresent(live -> {
                    Operation op = s.operation(live.operation()).orElse(null);
                    Member items = op == null ? null : op.output().members().get(live.items());
                    if (items == null
                            || items.type() != MemberType.LIST
                            || items.member().type() != MemberType.STRUCTURE) {
                        offenders.add(where + ": live " + live.operation() + "." + live.items()
                                + " is not a list of structures");
                        return;
                    }
                    Map<String, Member> item = items.member().members();
                    check(
                            offenders,
                            item.containsKey(live.value()),
                            where + ": live value " + live.value() + " is not a member");
                    live.attrs()
                            .forEach((attr, path) -> check(
                                    offenders,
                                    item.containsKey(path.split("[\\[.]")[0]),
                                    where + ": live attr " + attr + " reads unknown member " + path));
                });
            }
        }
        assertTrue(offenders.isEmpty(), String.join("\n", offenders));
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
