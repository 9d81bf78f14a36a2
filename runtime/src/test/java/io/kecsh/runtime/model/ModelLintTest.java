package io.kecsh.runtime.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        List<String> findings = io.kecsh.runtime.overlay.ModelLint.check(MODEL);
        assertTrue(findings.isEmpty(), findings.size() + " findings:\n" + String.join("\n", findings));
        assertTrue(MODEL.requireService("kec").waiters().size() >= 6);
    }

    /** Issue 12: every Kingsoft SDK sends DescribeInstanceFamilys; the document says Families; both are one operation. */
    @Test
    void instanceFamilies_answersToBothSpellings_theSdksFirst() {
        assertEquals(List.of("DescribeInstanceFamilys", "DescribeInstanceFamilies"),
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
                    check(offenders, seen.add(v.path("value").asText()), folder + " enum " + e.getKey()
                        + " repeats " + v.path("value").asText());
                }
            });
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
