package io.kecsh.repl.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;

/**
 * System.out, System.err and System.in of the daemon, sent to the run of the thread that writes
 * (and of the threads it starts): a library or a script that prints with {@code System.out}
 * instead of the script's {@code out} reaches its own client, as it would reach its own terminal
 * in-process. A thread of no run writes nowhere: the daemon writes no log.
 */
final class RoutedStreams {
    private static final InheritableThreadLocal<Run> CURRENT = new InheritableThreadLocal<>();

    /** The streams of one run. */
    record Run(OutputStream out, OutputStream err, InputStream in) {}

    private RoutedStreams() {}

    static void install(Charset charset) {
        System.setOut(new PrintStream(new Routed(true), true, charset));
        System.setErr(new PrintStream(new Routed(false), true, charset));
        System.setIn(new InputStream() {
            @Override
            public int read() throws IOException {
                Run r = CURRENT.get();
                return r == null ? -1 : r.in().read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Run r = CURRENT.get();
                return r == null ? -1 : r.in().read(b, off, len);
            }
        });
    }

    static void bind(Run run) {
        CURRENT.set(run);
    }

    static void unbind() {
        CURRENT.remove();
    }

    private static final class Routed extends OutputStream {
        private final boolean out;

        Routed(boolean out) {
            this.out = out;
        }

        private OutputStream target() {
            Run r = CURRENT.get();
            return r == null ? OutputStream.nullOutputStream() : out ? r.out() : r.err();
        }

        @Override
        public void write(int b) throws IOException {
            target().write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target().write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            target().flush();
        }
    }
}
