package io.kecsh.dsl

import io.kecsh.runtime.sandbox.SandboxOptions
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * A fresh Kecsh on a test sandbox for every feature: hermetic (never the real environment or
 * home), manual clock (waits move it, nothing sleeps), progress lines collected.
 */
abstract class KecshSandboxSpecification extends Specification {
    @TempDir
    Path home
    List<String> progress = []
    Kecsh kecsh

    /** A builder that never reads the real environment or home, on a test sandbox. */
    static Kecsh.Builder hermetic(Path home) {
        Kecsh.builder().environment([:]).home(home).sandboxOptions(SandboxOptions.forTests())
    }

    /** What a spec adds to the builder (plan mode, protection …). */
    protected Kecsh.Builder configure(Kecsh.Builder builder) {
        builder
    }

    def setup() {
        kecsh = configure(hermetic(home).progress { String line -> progress << line }).build()
    }

    def cleanup() {
        kecsh?.close()
    }
}
