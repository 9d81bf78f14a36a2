package io.kecsh.repl.daemon

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import spock.lang.Specification
import spock.lang.TempDir

/** Which command lines go to the warm daemon, read from the raw arguments as the client reads them, and the key. */
class EligibilitySpec extends Specification {
    @TempDir
    Path home

    def "-e and run go to the daemon with the options kecsh knows; anything else, or a turned-off daemon, runs in-process"() {
        given:
        Path script = home.resolve('s.groovy')
        Files.writeString(script, "println 'hi'")
        List<String> line = args.collect { it == 'FILE' ? script.toString() : it }

        expect:
        (Eligibility.source(line as String[], env, home) != null) == served

        where:
        args                                                         | env                        || served
        ['-e', '1+1']                                                | [:]                        || true
        ['--eval=1+1']                                               | [:]                        || true
        ['--endpoint', 'http://x', '--output', 'json', '-e', '1']    | [:]                        || true
        ['--region=cn-beijing-6', '--debug', '-e', '1']              | [:]                        || true
        ['run', 'FILE', 'a', '--weird', 'b']                         | [:]                        || true
        ['--profile', 'p', 'run', '--output', 'json', 'FILE']        | [:]                        || true
        ['-e', '1']                                                  | [KECSH_NO_DAEMON: '1']     || false
        ['-e', '1']                                                  | [KECSH_NO_DAEMON: '0']     || true
        ['--no-daemon', '-e', '1']                                   | [:]                        || false
        ['-e', '1', '--no-daemon']                                   | [:]                        || false
        []                                                           | [:]                        || false
        ['--profile', '-e']                                          | [:]                        || false
        ['-e']                                                       | [:]                        || false
        ['--help', '-e', '1']                                        | [:]                        || false
        ['plan', 'FILE']                                             | [:]                        || false
        ['sandbox']                                                  | [:]                        || false
        ['--unknown', '-e', '1']                                     | [:]                        || false
        ['-e', 'System.exit(3)']                                     | [:]                        || false
        ['-e', "String.metaClass.shout = { -> 1 }"]                  | [:]                        || false
        ['-e', "System.setProperty('a', 'b')"]                       | [:]                        || false
    }

    def "the shell goes to the daemon with the global options kecsh knows; a command, -e, --no-daemon or an unknown word keep it in-process"() {
        expect:
        Eligibility.shell(args as String[], env, home) == served

        where:
        args                                                  | env                    || served
        []                                                    | [:]                    || true
        ['--region', 'cn-shanghai-2', '--sandbox']            | [:]                    || true
        ['--profile=p', '--output', 'json', '--debug']        | [:]                    || true
        []                                                    | [KECSH_NO_DAEMON: '1'] || false
        ['--no-daemon']                                       | [:]                    || false
        ['--region']                                          | [:]                    || false
        ['-e', '1']                                           | [:]                    || false
        ['sandbox']                                           | [:]                    || false
        ['--help']                                            | [:]                    || false
        ['--version']                                         | [:]                    || false
        ['--unknown']                                         | [:]                    || false
    }

    def "model overlays in the home keep every run in-process (the model is loaded once per JVM)"() {
        given:
        Files.createDirectories(home.resolve('.kecsh').resolve('models'))

        expect:
        Eligibility.source(['-e', '1'] as String[], [:], home) == null
        !Eligibility.shell([] as String[], [:], home)
    }

    def "the key: another directory or environment is another daemon, but not what a shell changes by itself; the salt and directory are private"() {
        given:
        Path jar = Files.writeString(home.resolve('k.jar'), 'jar')
        def key = { String cwd, Map env -> DaemonKey.of(home, jar.toString(), ['-Xshare:auto'], cwd, env).hex() }
        String base = key('/w', [A: '1'])

        expect:
        key('/w', [A: '1']) == base
        key('/w', [A: '1', _: '/usr/bin/kecsh', OLDPWD: '/tmp']) == base
        key('/v', [A: '1']) != base
        key('/w', [A: '2']) != base
        DaemonKey.of(home, jar.toString(), ['-Xmx1g'], '/w', [A: '1']).hex() != base
        PosixFilePermissions.toString(Files.getPosixFilePermissions(DaemonKey.directory(home))) == 'rwx------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(DaemonKey.directory(home).resolve('salt'))) == 'rw-------'

        when: 'the jar is rebuilt'
        Files.writeString(jar, 'rebuilt jar')

        then:
        key('/w', [A: '1']) != base
    }
}
