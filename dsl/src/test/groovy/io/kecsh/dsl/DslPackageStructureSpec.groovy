package io.kecsh.dsl

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.regex.Pattern
import spock.lang.Shared
import spock.lang.Specification

/**
 * The guard on the DSL's layers (issue 13): what a script author touches sits apart from the
 * machinery, as Spock keeps spock.lang apart from org.spockframework, and nothing imports back up.
 * From the top: the entry points ({@code io.kecsh.dsl}: CloudScript, Kecsh, ScriptRunner,
 * InteractiveSession) and the tools that read them ({@code check}, {@code ide}, {@code jsr223});
 * then the {@code engine}; then the values a script holds ({@code result}, {@code error}).
 * Reads the compiled classes' constant pools, where every class a class refers to is named as
 * {@code io/kecsh/dsl/...} (code, signatures, annotations; never comments).
 */
class DslPackageStructureSpec extends Specification {
    private static final Pattern CLASS_NAME = Pattern.compile('io/kecsh/dsl(?:/[a-z_][a-z0-9_]*)*/[A-Z][A-Za-z0-9_$]*')
    private static final List<String> TOP = ['io.kecsh.dsl', 'io.kecsh.dsl.check', 'io.kecsh.dsl.ide', 'io.kecsh.dsl.jsr223']
    private static final List<String> VALUES = ['io.kecsh.dsl.result', 'io.kecsh.dsl.error']

    /** class → the DSL classes it names */
    @Shared Map<String, Set<String>> uses = [:]

    def setupSpec() {
        Path classes = Path.of(CloudScript.getResource('CloudScript.class').toURI()).parent.parent.parent.parent
        Files.walk(classes).withCloseable { paths ->
            paths.filter { it.toString().endsWith('.class') }.forEach { Path file ->
                String name = classes.relativize(file).toString().replace(File.separatorChar, '/' as char) - '.class'
                String pool = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                Set<String> named = new TreeSet<>()
                def m = CLASS_NAME.matcher(pool)
                while (m.find()) named << m.group()
                uses[name] = named
            }
        }
    }

    def "the compiled DSL is found"() {
        expect:
        uses.keySet().any { it.startsWith('io/kecsh/dsl/engine/') }
        uses.keySet().any { it.startsWith('io/kecsh/dsl/result/') }
        uses.keySet().any { it.startsWith('io/kecsh/dsl/error/') }
    }

    def "the engine never uses the entry points above it"() {
        expect:
        offences({ inEngine(it) }, { inTop(it) }) == []
    }

    def "results and errors use neither the engine nor the entry points"() {
        expect:
        offences({ layer(it) in VALUES }, { inEngine(it) || inTop(it) }) == []
    }

    private List<String> offences(Closure<Boolean> from, Closure<Boolean> forbidden) {
        uses.findAll { from(it.key) }.collectMany { String cls, Set<String> named ->
            named.findAll { forbidden(it) }.collect { "${outer(cls)} -> ${outer(it)}".toString() }
        }.unique().sort()
    }

    private static String layer(String cls) {
        cls.substring(0, cls.lastIndexOf('/')).replace('/', '.')
    }

    private static boolean inTop(String cls) {
        layer(cls) in TOP
    }

    private static boolean inEngine(String cls) {
        String l = layer(cls)
        l == 'io.kecsh.dsl.engine' || l.startsWith('io.kecsh.dsl.engine.')
    }

    /** A closure's or inner class's name shown as its outer class, where a person looks. */
    private static String outer(String cls) {
        int dollar = cls.indexOf('$')
        (dollar < 0 ? cls : cls.substring(0, dollar)).replace('/', '.')
    }
}
