package io.kecsh.dsl

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/** Every ```groovy block of the README's "The DSL" section runs, as written, against a fresh sandbox. */
class ReadmeDslExamplesSpec extends Specification {
    @Shared
    List<String> examples = groovyBlocks(dslSection(Files.readString(repoRoot().resolve('README.md'))))
    @TempDir
    Path home

    def "the section has an example for every context"() {
        expect:
        ['instances {', 'images {', 'volumes {', 'snapshots {', 'keys {', 'networkInterfaces {', 'dataGuard {', 'templates {',
         'regions()', 'zones()', 'prices {', 'kms {', 'kec.'].every { word -> examples.any { it.contains(word) } }
    }

    def "README example #index runs against a fresh sandbox: #firstLine"() {
        given:
        Kecsh kecsh = KecshSandboxSpecification.hermetic(home).progress {}.build()

        when:
        kecsh.evalFile(write(example), [:])

        then:
        noExceptionThrown()

        cleanup:
        kecsh?.close()

        where:
        [index, example] << examples.withIndex().collect { String e, int i -> [i + 1, e] }
        firstLine = example.readLines().find { it.trim() }
    }

    private Path write(String example) {
        Path f = home.resolve('readme-example.groovy')
        Files.writeString(f, example)
        f
    }

    static Path repoRoot() {
        Path dir = Path.of(System.getProperty('user.dir')).toAbsolutePath()
        while (dir != null && !(Files.exists(dir.resolve('README.md')) && Files.exists(dir.resolve('ARCHITECTURE.md')))) dir = dir.parent
        if (dir == null) throw new IllegalStateException("no README.md above ${System.getProperty('user.dir')}")
        dir
    }

    static String dslSection(String readme) {
        int start = readme.indexOf('\n## The DSL\n')
        if (start < 0) throw new IllegalStateException('README.md has no "## The DSL" section')
        int end = readme.indexOf('\n## ', start + 1)
        readme.substring(start, end < 0 ? readme.length() : end)
    }

    static List<String> groovyBlocks(String section) {
        (section =~ /(?s)```groovy\n(.*?)```/).collect { it[1] as String }
    }
}
