package io.kecsh.scripts

import java.nio.file.Files
import java.nio.file.Path
import spock.lang.Specification
import spock.lang.TempDir

/**
 * What the example scripts' specs share: every script in scripts/examples runs as an operator would
 * run it — {@code kecsh run FILE args} in its own process against a fresh sandbox — and the spec
 * checks what it left in the cloud; then {@code kecsh plan} on the same scene must list the changes
 * and leave the cloud exactly as it was. The scripts are split over two specs ({@link FleetScriptsSpec},
 * {@link HousekeepingScriptsSpec}) so that the build's two test JVMs run them side by side: each
 * run is a process of its own, and one at a time they left a core idle.
 */
abstract class ExampleScriptsSpecification extends Specification {
    static final String EXAMPLES = 'examples'

    @TempDir
    protected Path home
    protected CloudUnderTest cloud

    def setup() {
        cloud = new CloudUnderTest(home)
    }

    def cleanup() {
        cloud?.close()
    }

    protected static String script(String name) {
        Path p = Path.of(EXAMPLES, name)
        assert Files.isRegularFile(p): "${p.toAbsolutePath()} is missing"
        p.toString()
    }

    protected KecshCommand.Result run(String name, List<String> args = [], Map<String, String> env = [:]) {
        KecshCommand.Result r = cloud.kecsh('run', script(name), args, env)
        assert r.exitCode == 0: r.toString()
        r
    }

    /** Plans the script; nothing may change, and the plan names every mutating action in {@code actions}. */
    protected KecshCommand.Result plan(String name, List<String> args, List<String> actions, Map<String, String> env = [:]) {
        Map<String, Object> before = cloud.fingerprint()
        KecshCommand.Result r = cloud.kecsh('plan', script(name), args, env)
        assert r.exitCode == 0: r.toString()
        assert cloud.fingerprint() == before
        actions.each { assert r.stdout.contains(".${it} ["): "plan lacks ${it}:\n${r}" }
        if (!actions) assert r.stdout.contains('Plan: nothing would change'): r.toString()
        r
    }

    protected List<Map> named(String pattern, String state = null) {
        cloud.instances(state).findAll { it.InstanceName ==~ pattern }
    }
}
