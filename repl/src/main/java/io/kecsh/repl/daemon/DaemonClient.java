package io.kecsh.repl.daemon;

import io.kecsh.runtime.files.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The client half of {@code kecsh -e} and {@code kecsh run} through the warm daemon: called first by
 * {@code Main}, before picocli, Groovy or the model is loaded. When a daemon of this process's
 * {@link DaemonKey} listens, it sends the command line and copies the daemon's stdout and stderr
 * bytes to its own, answers its reads of stdin, and exits with its code; Ctrl-C or SIGTERM is sent on
 * as an interrupt, and this JVM still ends with 130 or 143. When none listens it starts one in the
 * background and says "not served", and {@code Main} runs the command in-process as it always did.
 */
public final class DaemonClient {
    /** The exit code of a run, or this: the caller runs the command itself. */
    public static final int NOT_SERVED = -1;
    /** At most this many daemons per home (each is a JVM of 100–300 MB); past it, runs stay in-process. */
    static final int MAX_DAEMONS = 4;
    /** The exit code when the daemon ended in the middle of a run (never rerun: it may have done things). */
    static final int LOST = 1;

    /** By name: the client must not load the server's classes (they reach picocli and Groovy). */
    static final String SERVER_CLASS = "io.kecsh.repl.daemon.DaemonServer";

    private DaemonClient() {}

    /** Runs {@code args} in the daemon if it can; {@link #NOT_SERVED} otherwise. */
    public static int serve(String[] args) {
        try {
            Map<String, String> env = System.getenv();
            Path home = home(env);
            boolean shell = shell(args, env, home);
            if (!shell && Eligibility.source(args, env, home) == null) return NOT_SERVED;
            Launch launch = Launch.ofThisProcess();
            if (launch == null) return NOT_SERVED;
            DaemonKey key = DaemonKey.of(home, launch.jar(), launch.jvmOptions(), System.getProperty("user.dir"), env);
            SocketChannel channel = connect(key.socket());
            if (channel == null) {
                startInBackground(key, launch, env);
                return NOT_SERVED;
            }
            return shell ? ShellClient.relay(channel, key, args) : relay(channel, key, args);
        } catch (IOException | RuntimeException e) {
            return NOT_SERVED; // whatever went wrong here, the command still runs, in-process
        }
    }

    /** The shell only on a terminal (stdin and stdout): piped into, it reads lines as it always did, in-process. */
    static boolean shell(String[] args, Map<String, String> env, Path home) {
        return Eligibility.shell(args, env, home) && System.console() != null;
    }

    static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home);
    }

    static SocketChannel connect(Path socket) {
        if (!Files.exists(socket)) return null;
        try {
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            channel.connect(UnixDomainSocketAddress.of(socket));
            return channel;
        } catch (IOException e) {
            return null; // a socket left by a daemon that was killed: the next one replaces it
        }
    }

    static int relay(SocketChannel channel, DaemonKey key, String[] args) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel), 65536));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
        Frames.write(out, Frames.HELLO, key.hex());
        Frames.write(out, Frames.ARGS, Frames.joinArgs(args));
        Frames.Frame first = Frames.read(in);
        if (first == null || first.type() != Frames.STARTED) {
            channel.close();
            return NOT_SERVED;
        }
        CountDownLatch ended = new CountDownLatch(1);
        Thread onSignal = new Thread(
                () -> {
                    if (ended.getCount() == 0) return;
                    try {
                        Frames.write(out, Frames.INTERRUPT, new byte[] {0});
                        // the daemon's last output and its exit, copied by the main thread meanwhile
                        ended.await(5, TimeUnit.SECONDS);
                    } catch (IOException | InterruptedException ignored) {
                        // the JVM ends with the signal's code anyway
                    }
                },
                "kecsh-daemon-interrupt");
        Runtime.getRuntime().addShutdownHook(onSignal);
        // as System.out and System.err in-process: a closed pipe (kecsh -e … | head) loses output, never the run
        OutputStream stdout = new Lenient(new FileOutputStream(FileDescriptor.out));
        OutputStream stderr = new Lenient(new FileOutputStream(FileDescriptor.err));
        // raw and unbuffered: a run that reads one line must not take more of a pipe than it asked for
        InputStream stdin = new FileInputStream(FileDescriptor.in);
        try {
            while (true) {
                Frames.Frame f = Frames.readOrEnd(in);
                if (f == null) {
                    stderr.write(("kecsh: the background JVM ended during the run; it was not run again "
                                    + "(kecsh --no-daemon runs in this process)\n")
                            .getBytes());
                    return LOST;
                }
                switch (f.type()) {
                    case Frames.OUT -> stdout.write(f.body());
                    case Frames.ERR -> stderr.write(f.body());
                    case Frames.STDIN_WANTED -> {
                        byte[] buf = new byte[Math.max(1, Math.min(f.number(), 65536))];
                        int n;
                        try {
                            n = stdin.read(buf);
                        } catch (IOException unreadable) {
                            n = -1; // the run sees the end of its input, as an in-process read that failed would
                        }
                        try {
                            Frames.write(out, Frames.STDIN, buf, 0, Math.max(n, 0));
                        } catch (IOException broken) {
                            // the daemon went away: the next read says so
                        }
                    }
                    case Frames.EXIT -> {
                        return f.number();
                    }
                    default -> {
                        // an unknown frame from a newer daemon cannot happen (the key names the jar): ignore
                    }
                }
            }
        } finally {
            ended.countDown();
            channel.close();
        }
    }

    /** Drops what cannot be written, as a PrintStream does: the run goes on and its exit code still comes. */
    private static final class Lenient extends OutputStream {
        private final OutputStream target;
        private boolean failed;

        Lenient(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            if (failed) return;
            try {
                target.write(b, off, len);
            } catch (IOException e) {
                failed = true;
            }
        }
    }

    /**
     * Starts the daemon of this key unless one is starting (its lock is held) or the home has
     * {@link #MAX_DAEMONS} already: a JVM of its own, in a session of its own (setsid: the terminal's
     * Ctrl-C and hang-up do not reach it), with this process's environment, directory, JVM and options.
     */
    private static void startInBackground(DaemonKey key, Launch launch, Map<String, String> env) throws IOException {
        Path setsid =
                Files.isExecutable(Path.of("/usr/bin/setsid")) ? Path.of("/usr/bin/setsid") : Path.of("/bin/setsid");
        if (!Files.isExecutable(setsid)) return; // without a session of its own, the terminal's Ctrl-C would end it
        if (starting(key.lock())) return;
        try (var sockets = Files.newDirectoryStream(key.directory(), "*.sock")) {
            int n = 0;
            for (Path ignored : sockets) n++;
            if (n >= MAX_DAEMONS) return;
        }
        List<String> command = new ArrayList<>();
        command.add(setsid.toString());
        command.add(launch.java());
        command.addAll(launch.jvmOptions());
        command.addAll(List.of(
                "-cp",
                launch.jar(),
                SERVER_CLASS,
                key.hex(),
                idle(env),
                Long.toString(ProcessHandle.current().pid())));
        new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    /** Whether a daemon of this key holds its lock (starting or running). */
    private static boolean starting(Path lock) {
        try (FileChannel ch = FileChannel.open(PrivateFiles.file(lock), StandardOpenOption.WRITE)) {
            FileLock l = ch.tryLock();
            if (l == null) return true;
            l.release();
            return false;
        } catch (IOException | RuntimeException e) {
            return true;
        }
    }

    static String idle(Map<String, String> env) {
        String s = env.get(DaemonServer.IDLE_VARIABLE);
        try {
            if (s != null && !s.isBlank()) return Long.toString(Math.max(1, Long.parseLong(s.trim())));
        } catch (NumberFormatException e) {
            // the default, as for the sandbox's
        }
        return Long.toString(DaemonServer.DEFAULT_IDLE_SECONDS);
    }

    /**
     * How this JVM was started: the java binary, its options before {@code -jar} (less the launcher's one-shot
     * flags: the daemon keeps C2), and the jar.
     */
    record Launch(String java, List<String> jvmOptions, String jar) {
        static Launch ofThisProcess() {
            ProcessHandle.Info info = ProcessHandle.current().info();
            String[] arguments = info.arguments().orElse(null);
            String java = info.command().orElse(null);
            if (arguments == null || java == null) return null;
            List<String> all = Arrays.asList(arguments);
            int jarAt = all.indexOf("-jar");
            if (jarAt < 0 || jarAt + 1 >= all.size()) return null;
            return new Launch(
                    java,
                    OneShotFlags.leftOut(all.subList(0, jarAt)),
                    Path.of(all.get(jarAt + 1)).toAbsolutePath().toString());
        }
    }
}
