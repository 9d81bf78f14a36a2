package io.kecsh.scripts

import groovy.transform.Immutable

import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.nio.file.attribute.PosixFilePermissions
import java.util.concurrent.TimeUnit

/**
 * The one place the tests start the {@code kecsh} command: a real process with exactly the
 * environment given (nothing inherited), its exit code, stdout and stderr.
 * <p>
 * {@link #launcher} is what runs: the repository's own {@code ./kecsh} launcher, the one users run,
 * over the shaded jar that {@code package} built before this module's tests. Its class-data-sharing
 * archive goes to one cache for the whole test run (both test JVMs), so it is made once.
 */
class KecshCommand {
    /** A run that takes longer than this is a hung test, not a slow one. */
    static final long HANG_SECONDS = 120

    @Immutable
    static class Result {
        int exitCode
        String stdout
        String stderr

        @Override
        String toString() {
            "exit ${exitCode}\n--- stdout\n${stdout}--- stderr\n${stderr}"
        }
    }

    static String java() {
        Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
    }

    /** The command line that starts kecsh, before its own arguments. */
    static List<String> launcher() {
        [repo().resolve('kecsh').toString()]
    }

    /**
     * What the launcher itself needs, whatever the test's environment: this JDK, the tools a shell
     * script uses, one CDS cache, and flags for short-lived JVMs (C1 only starts faster, and that
     * is all a script run needs). No warm daemon: every feature has a home of its own, so each would
     * start one that warms up in the background against the runs it never serves; that a run through
     * the daemon is the same as one in its own JVM is KecshDaemonIT's. A test's own variables come on top.
     */
    static Map<String, String> launcherEnvironment() {
        [JAVA_HOME: System.getProperty('java.home'), PATH: '/usr/local/bin:/usr/bin:/bin', KECSH_CACHE: CDS_CACHE.toString(),
         KECSH_JAVA_OPTS: '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC', LANG: 'C.UTF-8', KECSH_NO_DAEMON: '1']
    }

    /** The module's test JVMs share one (the build names it in kecsh.cds.cache); else one per JVM. */
    private static final Path CDS_CACHE = System.getProperty('kecsh.cds.cache')
        ? Path.of(System.getProperty('kecsh.cds.cache')).toAbsolutePath()
        : Files.createTempDirectory('kecsh-cds')
    private static boolean archivePrepared

    /**
     * The launcher's first run trains its archive (about 15 s of CPU) before it runs anything; the
     * module's two test JVMs would each train one at the same time. The first to take the lock
     * trains it with a {@code --version}; the other waits for it and then finds it made.
     */
    static synchronized void prepareArchive() {
        if (archivePrepared) return
        Path lock = CDS_CACHE.resolveSibling(CDS_CACHE.fileName.toString() + '.lock')
        FileChannel.open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE).withCloseable { FileChannel channel ->
            channel.lock()
            Path home = Files.createTempDirectory('kecsh-train-home')
            Result r = exec(launcher() + ['--version'], launcherEnvironment() + [HOME: home.toString()])
            assert r.exitCode == 0: r.toString()
            home.toFile().deleteDir()
        }
        archivePrepared = true
    }

    static Path repo() {
        Path.of(System.getProperty('kecsh.repo', '..')).toAbsolutePath().normalize()
    }

    /** Surefire hands the JVM a manifest-only jar; the real test classpath is in this property. */
    static String classpath() {
        System.getProperty('surefire.test.class.path') ?: System.getProperty('java.class.path')
    }

    static Result run(List<String> argv, Map<String, String> env, Path workingDirectory = null) {
        prepareArchive()
        exec(launcher() + argv, launcherEnvironment() + env, workingDirectory)
    }

    /** Any command (the embedding examples' mains), run the same way: exactly this environment, output captured. */
    static Result exec(List<String> command, Map<String, String> env, Path workingDirectory = null) {
        ProcessBuilder pb = new ProcessBuilder(command)
        pb.environment().clear()
        pb.environment().putAll(env)
        if (workingDirectory != null) pb.directory(workingDirectory.toFile())
        Path out = Files.createTempFile('kecsh-out', '.txt')
        Path err = Files.createTempFile('kecsh-err', '.txt')
        try {
            pb.redirectOutput(out.toFile()).redirectError(err.toFile())
            Process p = pb.start()
            if (!p.waitFor(HANG_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly()
                throw new AssertionError("${command} did not finish in ${HANG_SECONDS}s:\n${Files.readString(err)}")
            }
            new Result(p.exitValue(), Files.readString(out), Files.readString(err))
        } finally {
            Files.deleteIfExists(out)
            Files.deleteIfExists(err)
        }
    }

    /** An executable {@code kecsh} in {@code dir}, for things that call the command by name (Jenkins' sh). */
    static Path shim(Path dir) {
        prepareArchive()
        Path file = dir.resolve('kecsh')
        Closure<String> q = { String it -> "'" + it.replace("'", "'\\''") + "'" }
        String exports = launcherEnvironment().findAll { k, v -> k != 'PATH' }.collect { k, v -> "export ${k}=${q(v)}\n" }.join('')
        Files.writeString(file, "#!/bin/sh\n${exports}exec ${launcher().collect(q).join(' ')} \"\$@\"\n")
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString('rwxr-xr-x'))
        file
    }
}
