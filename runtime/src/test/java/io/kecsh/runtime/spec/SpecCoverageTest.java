package io.kecsh.runtime.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.model.Member;
import io.kecsh.runtime.model.MemberType;
import io.kecsh.runtime.model.Operation;
import io.kecsh.runtime.model.ServiceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads CATALOG.md itself and checks that every action it indexes and every request parameter its
 * tables give is in the model: the model cannot quietly lose something the documents have.
 */
class SpecCoverageTest {
    private static final ServiceModel MODEL = ServiceModel.bundled();
    private static final Pattern INDEX_ROW =
            Pattern.compile("^\\| (?:\\d+|A\\d) \\| ([A-Za-z]+)(?: \\(BSS\\))? \\|", Pattern.MULTILINE);
    private static final Pattern SECTION =
            Pattern.compile("^### (?:3|7)\\.\\d+ (?:BSS )?([A-Za-z]+)", Pattern.MULTILINE);
    private static final Pattern PARAM_ROW =
            Pattern.compile("^\\| (└ )?([A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)*)[^|]*\\|", Pattern.MULTILINE);

    @Test
    void everyIndexedAction_isModelled() {
        String catalog = SpecDocuments.read("CATALOG.md");
        String index = section(catalog, "### 1.2 Index table", "The overview tables");
        Set<String> actions = new LinkedHashSet<>();
        Matcher m = INDEX_ROW.matcher(index);
        while (m.find()) actions.add(m.group(1));
        assertEquals(58, actions.size(), "CATALOG 1.2 should index 58 actions: " + actions);
        List<String> missing =
                actions.stream().filter(a -> MODEL.findOperation(a).isEmpty()).toList();
        assertEquals(List.of(), missing);
        assertEquals(
                actions,
                new LinkedHashSet<>(MODEL.operations().stream()
                        .map(Operation::name)
                        .filter(actions::contains)
                        .toList()),
                "the model holds no action the documents lack");
        List<Operation> beyond = MODEL.operations().stream()
                .filter(op -> !actions.contains(op.name()))
                .toList();
        assertTrue(
                beyond.stream()
                        .map(Operation::name)
                        .toList()
                        .containsAll(
                                List.of("DescribeVpcs", "DescribeSubnets", "DescribeSecurityGroups", "DescribeKeys")),
                "the reads issue 12 asks for are modelled: " + beyond);
        beyond.forEach(op -> assertTrue(
                op.source().startsWith("sdk-go 831e7c6 ") && op.edition().startsWith("sdk-go"),
                op + ": " + op.source()));
    }

    @Test
    void everyDocumentedRequestParameter_isModelled() {
        String catalog = SpecDocuments.read("CATALOG.md");
        Map<String, List<String>> documented = documentedParameters(catalog);
        assertTrue(documented.size() >= 55, "parsed too few action sections: " + documented.keySet());
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, List<String>> e : documented.entrySet()) {
            Operation op = MODEL.requireOperation(e.getKey());
            for (String param : e.getValue()) {
                checked++;
                if (!hasPath(op, param)) missing.add(e.getKey() + ": " + param);
            }
        }
        assertEquals(List.of(), missing);
        assertTrue(checked >= 210, "only " + checked + " parameters were checked (CATALOG has 213 request rows)");
    }

    @Test
    void oldEditionOnlyActions_takeTheirDocumentedParameters() {
        assertTrue(hasPath(MODEL.requireOperation("MonitorInstances"), "InstanceId.N"));
        assertTrue(hasPath(MODEL.requireOperation("UnmonitorInstances"), "InstanceId.N"));
        assertTrue(hasPath(MODEL.requireOperation("DescribeInstanceVnc"), "InstanceId"));
        assertTrue(
                MODEL.requireOperation("DescribeInstanceVnc").output().members().containsKey("vncUrl"));
    }

    /** Action → parameter names from the tables of CATALOG sections 3.x and 7.x. */
    static Map<String, List<String>> documentedParameters(String catalog) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        int end = catalog.indexOf("## 4. Older sections");
        String kec = catalog.substring(catalog.indexOf("## 3. KEC actions"), end);
        String alibaba = section(catalog, "## 7. Alibaba Cloud", "### 7.5 Alibaba enumerations");
        for (String part : List.of(kec, alibaba)) {
            Matcher s = SECTION.matcher(part);
            List<int[]> bounds = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (s.find()) {
                bounds.add(new int[] {s.start(), s.end()});
                names.add(s.group(1));
            }
            for (int i = 0; i < names.size(); i++) {
                int from = bounds.get(i)[1];
                int to = i + 1 < names.size() ? bounds.get(i + 1)[0] : part.length();
                String body = requestPart(part.substring(from, to));
                String action = names.get(i);
                if (MODEL.findOperation(action).isEmpty()) continue; // 7.0 "What the four documents say"
                out.computeIfAbsent(action, k -> new ArrayList<>()).addAll(parameterNames(body));
            }
        }
        return out;
    }

    /** The part of a section before its response description (response tables list outputs). */
    private static String requestPart(String body) {
        int cut = body.length();
        for (String marker : List.of("\nResponse", "\nDocumented response", "\nErrors:", "\nResponse:")) {
            int at = body.indexOf(marker);
            if (at >= 0 && at < cut) cut = at;
        }
        // the AttachNetworkInterface/DetachNetworkInterface sections hold two request tables
        if (body.contains("**(b)")) return body.replaceAll("(?s)\\nResponse[^\\n]*\\n", "\n");
        return body.substring(0, cut);
    }

    /** Action and Version travel with every request (from the service's apiVersion), not as parameters. */
    private static final Set<String> PROTOCOL_FIELDS = Set.of("Action", "Version");

    private static List<String> parameterNames(String body) {
        List<String> out = new ArrayList<>();
        String parent = null;
        Matcher m = PARAM_ROW.matcher(body);
        while (m.find()) {
            String row = body.substring(
                    m.start(), body.indexOf('\n', m.start()) < 0 ? body.length() : body.indexOf('\n', m.start()));
            if (row.matches("\\| Parameter \\| Type \\|.*")) continue; // a table header
            String name = m.group(2);
            if (PROTOCOL_FIELDS.contains(name)) continue;
            if (m.group(1) != null) {
                if (parent != null) out.add(parent + "." + name);
                continue;
            }
            parent = name;
            out.add(name);
        }
        return out;
    }

    /** True if a documented name (InstanceId.N, DataDisk.n.Type, Parameter.1.Code, SystemDisk) exists. */
    static boolean hasPath(Operation op, String documented) {
        String[] segments = documented.split("\\.");
        Member current = op.params().get(segments[0]);
        if (current == null) return false;
        for (int i = 1; i < segments.length; i++) {
            String s = segments[i];
            if (current.type() == MemberType.LIST) {
                if (s.matches("[NnMI]|\\d+")) {
                    current = current.member();
                    continue;
                }
                current = current.member();
            }
            if (current.type() != MemberType.STRUCTURE) return false;
            current = current.members().get(s);
            if (current == null) return false;
        }
        return true;
    }

    private static String section(String text, String from, String to) {
        int start = text.indexOf(from);
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }
}
