package io.kecsh.repl.daemon

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

/**
 * The launcher's JIT choice: C1 only for a one-shot run, C2 for the shell, {@code kecsh sandbox} and the
 * daemon a one-shot run starts; and SIGINT given back to the shell when it was started ignored. The real
 * {@code ./kecsh} is run by {@code sh} with a {@code java} that only writes down its arguments and, when asked,
 * its ignored signals (no JVM is started), beside an empty jar so that it does not build one.
 */
class OneShotFlagsSpec extends Specification {
    static final Path LAUNCHER = Path.of(System.getProperty('kecsh.launcher', '../kecsh')).toAbsolutePath().normalize()
    static final String C1_ONLY = '-XX:TieredStopAtLevel=1'

    @TempDir
    @Shared
    Path root

    @Shared
    Path log

    def setupSpec() {
        Files.copy(LAUNCHER, root.resolve('kecsh'))
        Files.createDirectories(root.resolve('repl/target'))
        Files.write(root.resolve('repl/target/kecsh.jar'), new byte[0])
        Path bin = Files.createDirectories(root.resolve('jdk/bin'))
        Files.writeString(root.resolve('jdk/release'), 'JAVA_VERSION="17.0.15"\n')
        // it also writes down which signals it was started with ignored (SigIgn), when asked to
        Files.writeString(bin.resolve('java'), '#!/bin/sh\nprintf \'%s\\n\' "$*" >> "$JAVA_LOG"\n'
                + '[ -z "$JAVA_SIGNALS" ] || grep SigIgn "/proc/$$/status" >> "$JAVA_SIGNALS"\n')
        Files.setPosixFilePermissions(bin.resolve('java'), PosixFilePermissions.fromString('rwx------'))
        Files.createDirectories(root.resolve('home'))
        log = root.resolve('java.log')
    }

    def "a one-shot command line gets C1 only and names it for the daemon; the shell and the sandbox keep C2"() {
        when:
        List<String> options = jvmOptions(launch([KECSH_NO_CDS: '1'], args).last())

        then:
        options.contains(C1_ONLY) == oneShot
        options.contains("-D${OneShotFlags.PROPERTY}=${C1_ONLY}".toString()) == oneShot

        where:
        args                                                  || oneShot
        ['-e', '1+1']                                         || true
        ['--endpoint', 'http://127.0.0.1:1/', '-e', '1']      || true
        ['--eval=1']                                          || true
        ['run', 'sandbox.groovy']                             || true
        ['--profile', 'p', 'plan', 'x.groovy']                || true
        ['describe', 'RunInstances']                          || true
        ['daemon', 'status']                                  || true
        ['--version']                                         || true
        []                                                    || false
        ['--sandbox', '--region', 'cn-beijing-6']             || false
        ['sandbox', '--port', '0']                            || false
    }

    def "the daemon a one-shot run starts keeps C2 and has the shell's key options; a C1 only in KECSH_JAVA_OPTS stays and wins"() {
        given:
        String userC1 = "-Xmx64m ${C1_ONLY}"
        List<String> shell = jvmOptions(launch([KECSH_NO_CDS: '1'], []).last())
        List<String> oneShot = jvmOptions(launch([KECSH_NO_CDS: '1'], ['-e', '1']).last())
        List<String> userChoice = jvmOptions(launch([KECSH_NO_CDS: '1', KECSH_JAVA_OPTS: userC1], ['-e', '1']).last())
        List<String> userOverride = jvmOptions(launch([KECSH_NO_CDS: '1', KECSH_JAVA_OPTS: '-XX:TieredStopAtLevel=4'], ['-e', '1']).last())

        expect: 'the daemon is started from, and keyed by, the options less the launcher one-shot flags'
        OneShotFlags.leftOut(oneShot) == shell
        OneShotFlags.leftOut(userChoice) == OneShotFlags.leftOut(jvmOptions(launch([KECSH_NO_CDS: '1', KECSH_JAVA_OPTS: userC1], []).last()))
        OneShotFlags.leftOut(userChoice).contains(C1_ONLY)

        and: 'KECSH_JAVA_OPTS comes after the launcher flags (for -XX flags, the last one given wins)'
        userOverride.indexOf('-XX:TieredStopAtLevel=4') > userOverride.indexOf(C1_ONLY)
    }

    def "the training run gets the one-shot flags whatever the command, so one archive serves every run"() {
        when:
        List<String> calls = launch(KECSH_CACHE: root.resolve("cache-${args.size()}").toString(), args)

        then: 'the training (it writes the archive), then the command'
        calls.size() == 2
        calls[0].contains('-XX:ArchiveClassesAtExit=') && calls[0].contains('io.kecsh.repl.Training')
        jvmOptions(calls[0]).contains(C1_ONLY)
        jvmOptions(calls[0]).contains('-XX:+UseSerialGC')
        jvmOptions(calls[1]).contains(C1_ONLY) == oneShot

        where:
        args         || oneShot
        []           || false
        ['-e', '1']  || true
    }

    def "the shell gets Ctrl-C back when started with SIGINT ignored (a background job of a script); a one-shot run keeps it ignored"() {
        given:
        Path signals = root.resolve("signals-${args.size()}")

        when: 'the launcher is started as a background job is: SIGINT ignored'
        launch([KECSH_NO_CDS: '1', JAVA_SIGNALS: signals.toString()], args, true)

        then:
        sigintIgnored(Files.readString(signals)) == ignored

        where:
        args        || ignored
        []          || false
        ['-e', '1'] || true
    }

    /** SIGINT (2) is bit 1 of the SigIgn mask. */
    private static boolean sigintIgnored(String sigIgnLine) {
        (Long.parseLong(sigIgnLine.trim().split(/\s+/)[1], 16) & 2L) != 0
    }

    /** Runs the launcher; the fake java's invocations, one line each. */
    private List<String> launch(Map<String, String> env, List<String> args, boolean sigintIgnored = false) {
        Files.deleteIfExists(log)
        List<String> launcher = ['sh', root.resolve('kecsh').toString()] + args
        // trap '' INT ignores the signal, and exec keeps it ignored, as a non-interactive shell does for a job it puts in the background
        ProcessBuilder pb = new ProcessBuilder(sigintIgnored ? ['sh', '-c', 'trap "" INT; exec "$@"', 'sh'] + launcher : launcher)
        pb.environment().clear()
        pb.environment().putAll([PATH: System.getenv('PATH'), HOME: root.resolve('home').toString(),
                                 JAVA_HOME: root.resolve('jdk').toString(), JAVA_LOG: log.toString()] + env)
        pb.redirectErrorStream(true)
        Process p = pb.start()
        String out = new String(p.inputStream.readAllBytes())
        assert p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0: out
        Files.readAllLines(log)
    }

    /** The words before -jar (the command) or -cp (the training). */
    private static List<String> jvmOptions(String call) {
        List<String> words = call.split(' ').toList()
        int end = words.findIndexOf { it == '-jar' || it == '-cp' }
        words.subList(0, end)
    }
}
