package io.kecsh.repl.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code kecsh daemon status | stop}: asks every warm daemon of a home over its socket, those still starting too (a
 * daemon binds its socket before its warm-up, so that a stop right after the first {@code kecsh -e} reaches it).
 */
public final class DaemonControl {
    /** What a control connection says instead of a key: it may ask for status or stop, never run anything. */
    static final String HELLO = "control";

    private DaemonControl() {}

    /** One line per daemon of this home, or one saying there is none. */
    public static List<String> status(Path home) {
        return askAll(home, Frames.STATUS);
    }

    /** Asks each daemon to end (after its runs; one still starting at once); one line per daemon. */
    public static List<String> stop(Path home) {
        return askAll(home, Frames.STOP);
    }

    private static List<String> askAll(Path home, byte request) {
        List<String> lines = new ArrayList<>();
        Path dir = DaemonKey.directory(home);
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> sockets = Files.newDirectoryStream(dir, "*.sock")) {
                for (Path socket : sockets) {
                    String answer = ask(socket, request);
                    if (answer == null) Files.deleteIfExists(socket); // its daemon was killed
                    else lines.add(answer);
                }
            } catch (IOException e) {
                lines.add("kecsh: " + dir + ": " + e.getMessage());
            }
        }
        if (lines.isEmpty()) lines.add("no warm daemon runs for this home (" + dir + ")");
        return lines;
    }

    private static String ask(Path socket, byte request) {
        SocketChannel channel = DaemonClient.connect(socket);
        if (channel == null) return null;
        try (channel) {
            DataInputStream in = new DataInputStream(new BufferedInputStream(ChannelStreams.in(channel)));
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(ChannelStreams.out(channel)));
            Frames.write(out, Frames.HELLO, HELLO);
            Frames.write(out, request, new byte[0]);
            StringBuilder text = new StringBuilder();
            for (Frames.Frame f = Frames.read(in); f != null && f.type() != Frames.EXIT; f = Frames.read(in))
                if (f.type() == Frames.OUT) text.append(f.text());
            return text.toString().strip();
        } catch (IOException e) {
            return null;
        }
    }
}
