package io.kecsh.repl.daemon;

import io.kecsh.repl.cli.FixedWorkload;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jline.terminal.Size;
import org.jline.terminal.impl.jni.JniTerminalProvider;
import org.jline.terminal.spi.Pty;

/**
 * The client's side of {@code kecsh -e} and of the shell through the warm daemon, rehearsed by the launcher's archive
 * training ({@code io.kecsh.repl.Training}): every kecsh start runs these classes first (the daemon's key, its
 * socket, the frames, the shell client's terminal through JLine's native library), and a class the training never
 * loaded is read from the jar and verified again on each start, which was most of the client's CPU.
 * Nothing of the user's: a throw-away home, no environment, fixed command lines, a pty of its own, and a stand-in
 * for the daemon on that home's socket that answers as the real one does (started, output, exit), since a real
 * daemon would cost the training a warm-up of its own. Whatever fails only leaves the archive smaller.
 */
public final class ClientRehearsal {
    private static final String[] EVAL = {"-e", "1 + 1"};
    private static final String[] SHELL = {};

    private ClientRehearsal() {}

    public static void run() {
        Path home = null;
        try {
            home = Files.createTempDirectory("kecsh-client-rehearsal");
            Eligibility.source(EVAL, Map.of(), home);
            DaemonClient.shell(SHELL, Map.of(), home);
            DaemonClient.Launch.ofThisProcess();
            String jar = new File(System.getProperty("java.class.path")).getAbsolutePath();
            DaemonKey key = DaemonKey.of(home, jar, List.of(), home.toString(), Map.of());
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(key.socket()));
                Thread daemon = new Thread(() -> standIn(server), "kecsh-rehearsal-daemon");
                daemon.setDaemon(true);
                daemon.start();
                DaemonClient.relay(DaemonClient.connect(key.socket()), key, EVAL);
                // the process's own terminal, as a user's shell finds it (the training has none: not served)
                ShellClient.relay(DaemonClient.connect(key.socket()), key, SHELL);
                Pty pty = new JniTerminalProvider().open(null, new Size(80, 24));
                try (pty) {
                    ShellClient.relay(DaemonClient.connect(key.socket()), key, SHELL, pty);
                }
            }
        } catch (IOException | RuntimeException | LinkageError ignored) {
            // what ran until then is in the archive
        } finally {
            delete(home);
        }
    }

    /** Answers each connection as the daemon answers a run: started, a line of output, exit 0. */
    private static void standIn(ServerSocketChannel server) {
        while (true) {
            try (SocketChannel channel = server.accept()) {
                DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
                DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
                Frames.Frame f;
                do f = Frames.read(in);
                while (f != null && f.type() != Frames.ARGS);
                if (f == null) continue;
                Frames.write(out, Frames.STARTED, new byte[0]);
                Frames.write(out, Frames.OUT, "2\n");
                Frames.writeNumber(out, Frames.EXIT, 0);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void delete(Path home) {
        if (home == null) return;
        try {
            FixedWorkload.deleteThrowAwayHome(home);
        } catch (IOException ignored) {
            // a temporary directory left behind: the training's only other output is the archive
        }
    }
}
