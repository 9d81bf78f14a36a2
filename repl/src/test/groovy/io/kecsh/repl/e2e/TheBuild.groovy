package io.kecsh.repl.e2e

import java.nio.file.Path

/**
 * What the end-to-end tests start, in one place: the real launcher ({@code -Dkecsh.launcher} names another, as for
 * the launcher's own specs), the jar it runs (built in {@code package}, before these run in {@code verify}), and
 * the prompt a shell in the default region shows.
 */
final class TheBuild {
    static final Path LAUNCHER = Path.of(System.getProperty('kecsh.launcher', '../kecsh')).toAbsolutePath().normalize()
    static final Path JAR = Path.of('target', 'kecsh.jar').toAbsolutePath()
    static final String PROMPT = 'kecsh cn-beijing-6> '

    private TheBuild() {}
}
