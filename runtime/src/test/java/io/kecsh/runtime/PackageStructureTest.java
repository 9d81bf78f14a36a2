package io.kecsh.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The guard on the runtime's package structure (issue 13): no two packages depend on each other
 * through any path, and nothing outside the sandbox uses it (the client code paths never reach the
 * emulator). Reads the compiled main classes' constant pools, where every class a class refers to
 * is named — in code, signatures and annotations alike, but not in comments — so it needs no
 * library and sees what the compiler saw.
 */
class PackageStructureTest {
    private static final String ROOT = "io.kecsh.runtime";
    private static final String SANDBOX = ROOT + ".sandbox";
    private static final Pattern CLASS_NAME =
            Pattern.compile("io/kecsh/runtime(?:/[a-z_][a-z0-9_]*)*/[A-Z][A-Za-z0-9_$]*");

    /** package → package it uses → the "Class -> Class" references that make it so. */
    private static Map<String, Map<String, Set<String>>> uses;

    @BeforeAll
    static void readClasses() throws IOException, URISyntaxException {
        Path classes = Path.of(PackageStructureTest.class
                        .getClassLoader()
                        .getResource("io/kecsh/runtime/model/ServiceModel.class")
                        .toURI())
                .getParent()
                .getParent()
                .getParent()
                .getParent()
                .getParent();
        uses = dependencies(classes);
        assertTrue(
                uses.size() > 20,
                "expected the runtime's compiled packages under " + classes + ", found " + uses.keySet());
    }

    @Test
    void packages_dependOnEachOther_neverInACycle() {
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(uses)) {
            if (component.size() < 2) continue;
            StringBuilder shown = new StringBuilder(String.join(" ⇄ ", component));
            for (String from : component) {
                for (String to : component) {
                    Set<String> why = uses.getOrDefault(from, Map.of()).get(to);
                    if (why != null)
                        shown.append("\n    ")
                                .append(from)
                                .append(" → ")
                                .append(to)
                                .append(": ")
                                .append(first(why, 4));
                }
            }
            cycles.add(shown.toString());
        }
        assertEquals(
                List.of(),
                cycles,
                "package cycles (break each by moving the shared type below both):\n" + String.join("\n", cycles));
    }

    @Test
    void codeOutsideTheSandbox_neverUsesTheSandbox() {
        List<String> offenders = new ArrayList<>();
        uses.forEach((from, targets) -> {
            if (inSandbox(from)) return;
            targets.forEach((to, why) -> {
                if (inSandbox(to)) offenders.add(from + " → " + to + ": " + first(why, 4));
            });
        });
        assertEquals(List.of(), offenders, "main code outside " + SANDBOX + " uses it");
    }

    /** The guard itself can fail: a made-up cycle and a made-up sandbox use are found. */
    @Test
    void guard_onAMadeUpCycle_findsIt() {
        Map<String, Map<String, Set<String>>> made = new TreeMap<>();
        made.computeIfAbsent("a", k -> new TreeMap<>()).put("b", Set.of("A -> B"));
        made.computeIfAbsent("b", k -> new TreeMap<>()).put("c", Set.of("B -> C"));
        made.computeIfAbsent("c", k -> new TreeMap<>()).put("a", Set.of("C -> A"));
        made.computeIfAbsent("c", k -> new TreeMap<>()).put("d", Set.of("C -> D"));
        assertEquals(
                List.of(Set.of("a", "b", "c")),
                stronglyConnected(made).stream().filter(c -> c.size() > 1).toList());
        assertFalse(inSandbox(ROOT + ".sandboxed"));
        assertTrue(inSandbox(SANDBOX + ".kec"));
    }

    private static boolean inSandbox(String pkg) {
        return pkg.equals(SANDBOX) || pkg.startsWith(SANDBOX + ".");
    }

    private static String first(Set<String> why, int n) {
        List<String> some = why.stream().sorted().limit(n).toList();
        return String.join(", ", some) + (why.size() > n ? ", …" : "");
    }

    private static Map<String, Map<String, Set<String>>> dependencies(Path classes) throws IOException {
        Map<String, Map<String, Set<String>>> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classes)) {
            files = walk.filter(p -> p.toString().endsWith(".class")).toList();
        }
        for (Path file : files) {
            String className = classes.relativize(file)
                    .toString()
                    .replace(File.separatorChar, '/')
                    .replaceAll("\\.class$", "");
            String pkg = packageOf(className);
            if (!pkg.startsWith(ROOT)) continue;
            Map<String, Set<String>> targets = out.computeIfAbsent(pkg, k -> new TreeMap<>());
            for (String text : utf8Constants(file)) {
                Matcher m = CLASS_NAME.matcher(text);
                while (m.find()) {
                    String target = packageOf(m.group());
                    if (!target.equals(pkg)) {
                        targets.computeIfAbsent(target, k -> new TreeSet<>())
                                .add(simple(className) + " -> " + simple(m.group()));
                    }
                }
            }
        }
        return out;
    }

    private static String packageOf(String internalName) {
        return internalName.substring(0, internalName.lastIndexOf('/')).replace('/', '.');
    }

    private static String simple(String internalName) {
        String name = internalName.substring(internalName.lastIndexOf('/') + 1);
        int nested = name.indexOf('$');
        return nested < 0 ? name : name.substring(0, nested);
    }

    /** The CONSTANT_Utf8 entries of a class file (JVMS §4.4): class names, descriptors, signatures. */
    private static List<String> utf8Constants(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        try (InputStream raw = Files.newInputStream(file);
                DataInputStream in = new DataInputStream(raw)) {
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> out.add(in.readUTF());
                    case 3, 4 -> in.skipNBytes(4);
                    case 5, 6 -> {
                        in.skipNBytes(8);
                        i++;
                    }
                    case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                    case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                    case 15 -> in.skipNBytes(3);
                    default -> throw new IOException(file + ": unknown constant pool tag " + tag);
                }
            }
        }
        return out;
    }

    /** Tarjan's strongly connected components: each component of two or more packages is a cycle. */
    static List<Set<String>> stronglyConnected(Map<String, Map<String, Set<String>>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) connect(v, graph, index, low, stack, onStack, out);
        }
        return out;
    }

    private static void connect(
            String v,
            Map<String, Map<String, Set<String>>> graph,
            Map<String, Integer> index,
            Map<String, Integer> low,
            Deque<String> stack,
            Set<String> onStack,
            List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
