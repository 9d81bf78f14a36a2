package io.kecsh.repl.daemon;

import io.kecsh.repl.cli.CommandContext;
import io.kecsh.repl.cli.FixedWorkload;
import io.kecsh.repl.cli.KecshCommand;
import io.kecsh.repl.sandbox.HomeSandbox;
import io.kecsh.repl.shell.ShellLauncher;
import io.kecsh.runtime.files.PrivateFiles;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm JVM of {@code kecsh -e} and {@code kecsh run}, one per {@link DaemonKey} (jar, JVM,
 * directory and environment), started by a {@link DaemonClient} and reached over a Unix domain
 * socket in {@code ~/.kecsh/daemon} (0700; the socket and the lock 0600; no TCP port). Each run is a
 * fresh {@code KecshCommand} with its own Kecsh, Groovy class loader and binding, on a thread of its
 * own with its client's streams, so two clients run at once. It compiles and runs a fixed script
 * against an embedded sandbox before it serves runs (the first compile is most of a cold {@code -e}),
 * but listens from its start: {@code kecsh daemon status} and {@code stop} reach it while it warms up
 * (a stop then ends it at once), and a run that comes meanwhile is refused, so that its client runs it
 * itself rather than wait. It writes nothing but its socket and lock (no log: scripts and the
 * environment hold secrets), and
 * ends after {@value #IDLE_VARIABLE} seconds without a run (default 30 minutes, as the home sandbox),
 * on {@code kecsh daemon stop}, or when its jar changes on disk.
 * Not a command: {@code java -cp kecsh.jar io.kecsh.repl.daemon.DaemonServer KEY IDLE_SECONDS}.
 */
public final class DaemonServer {
    public static final String IDLE_VARIABLE = "KECSH_DAEMON_IDLE";
    static final long DEFAULT_IDLE_SECONDS = 30 * 60;
    /** A run that has not ended this long after its interrupt leaves the daemon to end with it. */
    static final Duration INTERRUPT_GRACE = Duration.ofSeconds(5);

    private static final String WARM_UP =
            "kec.DescribeRegions(); instances { run type: 'S4.2B', count: 1, name: 'warm-up' }; instances.list(); 1 + 1";

    private final DaemonKey key;
    private final String jarStamp;
    private final Duration idle;
    private final Instant started = Instant.now();
    private final Charset charset;
    private final Path home;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger served = new AtomicInteger();
    private final Object activity = new Object();
    private int active;
    private Instant lastUsed = Instant.now();
    /** Until its warm-up has run: runs are refused (their clients run them in their own JVM), status and stop served. */
    private boolean starting = true;

    private boolean stopping;
    private ServerSocketChannel server;

    private DaemonServer(DaemonKey key, Duration idle, Path home) throws IOException {
        this.key = key;
        this.jarStamp = DaemonKey.jarStamp(key.jar());
        this.idle = idle;
        this.home = home;
        String encoding = System.getProperty("stdout.encoding");
        this.charset = encoding != null && Charset.isSupported(encoding)
                ? Charset.forName(encoding)
                : Charset.defaultCharset();
    }

    public static void main(String[] args) throws Exception {
        Path home = DaemonClient.home(System.getenv());
        String jar = System.getProperty("java.class.path");
        DaemonKey key = new DaemonKey(
                DaemonKey.directory(home),
                args[0],
                Path.of(jar).toAbsolutePath().toString());
        PrivateFiles.directory(key.directory());
        FileChannel lockChannel = FileChannel.open(PrivateFiles.file(key.lock()), StandardOpenOption.WRITE);
        FileLock lock = lockChannel.tryLock();
        if (lock == null) System.exit(0); // another daemon of this key is starting or running
        long parent = args.length > 2 ? Long.parseLong(args[2]) : -1;
        DaemonServer daemon = new DaemonServer(key, Duration.ofSeconds(Long.parseLong(args[1])), home);
        // At once, not after the warm-up: a daemon nobody can reach while it starts cannot be stopped, and would idle
        daemon.listen();
        // The client that started it runs its command in-process meanwhile: the warm-up waits for it, not to take its
        // CPU.
        ProcessHandle.of(parent)
                .ifPresent(p ->
                        p.onExit().completeOnTimeout(p, 60, TimeUnit.SECONDS).join());
        try {
            warmUp();
        } catch (IOException | RuntimeException | Error failed) {
            // its accept thread would keep a daemon that never became warm alive, refusing every run, with no idle stop
            daemon.end();
        }
        daemon.ready();
    }

    /** The fixed workload (as the launcher's training: nothing of the user's), so the first client's run is warm. */
    private static void warmUp() throws IOException {
        FixedWorkload.run(context -> {
            for (int i = 0; i < 2; i++) KecshCommand.execute(new String[] {"--sandbox", "-e", WARM_UP}, context);
        });
    }

    /** Binds the key's socket and accepts on a thread of its own: control connections are served from now on. */
    private void listen() throws IOException {
        Path socket = key.socket();
        Files.deleteIfExists(socket); // a killed daemon's: this one holds the key's lock
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        Files.setPosixFilePermissions(socket, PrivateFiles.FILE);
        new Thread(this::accept, "kecsh-daemon-accept").start();
    }

    /** Warm: runs are served from now on, and the idle time counts from here. A stop that came meanwhile ends it. */
    private void ready() {
        RoutedStreams.install(charset);
        synchronized (activity) {
            if (stopping) end();
            starting = false;
            lastUsed = Instant.now();
        }
        Thread idleWatch = new Thread(this::watchIdle, "kecsh-daemon-idle");
        idleWatch.setDaemon(true);
        idleWatch.start();
    }

    private void accept() {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException closed) {
                break; // stopping
            }
            Thread t = new Thread(() -> handle(client), "kecsh-daemon-run-" + connections.incrementAndGet());
            t.start();
        }
    }

    private void watchIdle() {
        long step = Math.max(200, Math.min(1_000, idle.toMillis() / 10));
        while (true) {
            try {
                Thread.sleep(step);
            } catch (InterruptedException e) {
                return;
            }
            // its socket removed (kecsh daemon stop, the home deleted) or its jar rebuilt: nobody will reach it again
            if (!Files.exists(key.socket()) || !jarUnchanged()) retire();
            synchronized (activity) {
                if (active == 0
                        && (stopping
                                || Duration.between(lastUsed, Instant.now()).compareTo(idle) >= 0)) {
                    end();
                }
            }
        }
    }

    /** Removes the socket first, so no client reaches a daemon on its way out, then exits. */
    private void end() {
        try {
            Files.deleteIfExists(key.socket());
            server.close();
        } catch (IOException ignored) {
            // exiting anyway
        }
        System.exit(0);
    }

    private void handle(SocketChannel channel) {
        try (channel) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel), 65536));
            Frames.Frame hello = Frames.read(in);
            boolean control = hello != null
                    && hello.type() == Frames.HELLO
                    && hello.text().equals(DaemonControl.HELLO);
            if (!control
                    && (hello == null
                            || hello.type() != Frames.HELLO
                            || !hello.text().equals(key.hex()))) {
                Frames.write(out, Frames.REFUSED, "not this daemon's key");
                return;
            }
            if (!control && !jarUnchanged()) {
                // the jar was rebuilt under this JVM: its classes may no longer load; the client runs it itself
                Frames.write(out, Frames.REFUSED, "the jar changed");
                retire();
                return;
            }
            Frames.Frame request = Frames.read(in);
            Frames.Frame terminal = null;
            if (request != null && request.type() == Frames.TERMINAL && !control) {
                terminal = request;
                request = Frames.read(in);
            }
            if (request == null) return;
            switch (request.type()) {
                case Frames.STATUS -> {
                    Frames.write(out, Frames.OUT, status() + "\n");
                    Frames.writeNumber(out, Frames.EXIT, 0);
                }
                case Frames.STOP -> {
                    retire();
                    Frames.write(
                            out,
                            Frames.OUT,
                            "stopping " + ProcessHandle.current().pid() + "\n");
                    Frames.writeNumber(out, Frames.EXIT, 0);
                    // no run can be in it yet: the rest of its warm-up would only be waited for
                    synchronized (activity) {
                        if (starting) end();
                    }
                }
                case Frames.ARGS -> {
                    if (control) Frames.write(out, Frames.REFUSED, "control connection");
                    else run(Frames.splitArgs(request.text()), terminal, in, out);
                }
                default -> Frames.write(out, Frames.REFUSED, "unknown request");
            }
        } catch (IOException | RuntimeException e) {
            // the client went away; its run (if any) was interrupted by the reader
        }
    }

    /** {@code terminal}: the client's {@link Frames#TERMINAL} frame when the command is the shell on its terminal; else null. */
    private void run(String[] args, Frames.Frame terminal, DataInputStream in, DataOutputStream out)
            throws IOException {
        synchronized (activity) {
            if (stopping || starting) {
                // the client runs it in its own JVM, at once, as it did before any daemon listened
                Frames.write(out, Frames.REFUSED, stopping ? "stopping" : "starting");
                return;
            }
            active++;
            served.incrementAndGet();
            lastUsed = Instant.now();
        }
        Thread runner = Thread.currentThread();
        ClientStdin stdin = new ClientStdin(out);
        RemoteTerminal remote = terminal == null ? null : new RemoteTerminal(terminal.text(), out);
        Thread reader = new Thread(() -> readClient(in, stdin, remote, runner), runner.getName() + "-client");
        reader.setDaemon(true);
        try {
            Frames.write(out, Frames.STARTED, new byte[0]);
            reader.start();
            OutputStream stdout = new BufferedOutputStream(new FrameOutputStream(out, Frames.OUT), 8192);
            OutputStream stderr = new BufferedOutputStream(new FrameOutputStream(out, Frames.ERR), 8192);
            RoutedStreams.bind(new RoutedStreams.Run(stdout, stderr, stdin));
            PrintStream po = new PrintStream(stdout, true, charset);
            PrintStream pe = new PrintStream(stderr, true, charset);
            int code;
            try {
                CommandContext context = CommandContext.system(po, pe, stdin);
                // the same shell as in-process, on the client's terminal
                if (remote != null) context = context.withShell(new ShellLauncher(remote.terminal(), remote));
                code = KecshCommand.execute(args, context);
            } catch (Throwable uncaught) { // as the JVM's own handler would in-process: the trace, exit 1
                pe.print("Exception in thread \"main\" ");
                uncaught.printStackTrace(pe);
                code = 1;
            }
            po.flush();
            pe.flush();
            Frames.writeNumber(out, Frames.EXIT, code);
        } finally {
            RoutedStreams.unbind();
            Thread.interrupted();
            synchronized (activity) {
                active--;
                lastUsed = Instant.now();
                // no run holds the home sandbox now: it may stop when idle, and be reset
                if (active == 0) HomeSandbox.releaseLeases();
            }
        }
    }

    /** The client's frames during a run: stdin, and its interrupt or its going away, which interrupt the run. */
    private void readClient(DataInputStream in, ClientStdin stdin, RemoteTerminal remote, Thread runner) {
        try {
            while (true) {
                Frames.Frame f = Frames.read(in);
                if (f == null) break;
                if (f.type() == Frames.INTERRUPT) break;
                if (remote == null) {
                    if (f.type() == Frames.STDIN) stdin.answer(f.body());
                    continue;
                }
                switch (f.type()) {
                    case Frames.STDIN -> remote.keys(f.body());
                    case Frames.SIZE -> remote.resize(f.text());
                    case Frames.FOREGROUND_DONE -> remote.foregroundDone(f.number());
                    default -> {
                        // nothing else comes from a shell's client
                    }
                }
            }
        } catch (IOException ended) {
            // as a close
        }
        stdin.answer(new byte[0]);
        try {
            if (remote != null) {
                // the shell ends by itself on the end of its input, saving its history: no interrupt unless it must
                remote.hangUp();
                runner.join(INTERRUPT_GRACE.toMillis());
            }
            if (!runner.isAlive()) return;
            runner.interrupt();
            runner.join(INTERRUPT_GRACE.toMillis());
        } catch (InterruptedException e) {
            return;
        }
        // A run deaf to interrupts (a busy loop) would burn this JVM for good: take no more runs, end when the others
        // have.
        if (runner.isAlive()) {
            retire();
            synchronized (activity) {
                active--; // the runaway is not waited for
            }
        }
    }

    private boolean jarUnchanged() {
        try {
            return DaemonKey.jarStamp(key.jar()).equals(jarStamp);
        } catch (IOException gone) {
            return false;
        }
    }

    /** Takes no more runs: the socket goes now, the JVM once its runs have ended. */
    private void retire() {
        synchronized (activity) {
            stopping = true;
        }
        try {
            Files.deleteIfExists(key.socket());
        } catch (IOException ignored) {
            // the idle watch ends it anyway
        }
    }

    private String status() {
        synchronized (activity) {
            if (starting)
                return "daemon " + ProcessHandle.current().pid() + " in " + System.getProperty("user.dir")
                        + ", starting since " + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + " (until it is warm, runs go to their own JVM), idle stop after " + idle.toSeconds()
                        + " s";
            return "daemon " + ProcessHandle.current().pid() + " in " + System.getProperty("user.dir") + ", up since "
                    + started.truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ", " + served.get()
                    + " run(s) served, "
                    + active + " running, idle stop after " + idle.toSeconds() + " s";
        }
    }

    /** Bytes written become frames of one type. */
    static final class FrameOutputStream extends OutputStream {
        private final DataOutputStream out;
        private final byte type;

        FrameOutputStream(DataOutputStream out, byte type) {
            this.out = out;
            this.type = type;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len > 0) Frames.write(out, type, b, off, len);
        }
    }

    /** The run's stdin: each read asks the client for at most that many bytes of its own stdin. */
    private static final class ClientStdin extends InputStream {
        private final DataOutputStream out;
        private final java.util.concurrent.BlockingQueue<byte[]> answers =
                new java.util.concurrent.LinkedBlockingQueue<>();
        private volatile boolean ended;

        ClientStdin(DataOutputStream out) {
            this.out = out;
        }

        void answer(byte[] bytes) {
            if (bytes.length == 0) ended = true;
            answers.offer(bytes);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) return 0;
            if (ended) return -1;
            Frames.writeNumber(out, Frames.STDIN_WANTED, len);
            byte[] got;
            try {
                got = answers.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading stdin");
            }
            if (got.length == 0) return -1;
            System.arraycopy(got, 0, b, off, got.length);
            return got.length;
        }
    }
}
