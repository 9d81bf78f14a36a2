package io.kecsh.runtime.http;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Supplier;
import javax.net.ssl.SSLSocket;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * The TLS strategy made on the first {@code https} connection instead of with the client: making
 * it initialises an SSLContext (the trust store read and parsed), about 0.1 s of a cold start that
 * a client of an {@code http://} endpoint — the sandbox, a local mirror — never needed.
 */
final class LazyTls implements TlsSocketStrategy {
    private final Supplier<TlsSocketStrategy> maker;
    private volatile TlsSocketStrategy made;

    LazyTls(Supplier<TlsSocketStrategy> maker) {
        this.maker = Objects.requireNonNull(maker, "maker");
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy s = made;
        if (s == null) {
            synchronized (this) {
                s = made;
                if (s == null) {
                    s = Objects.requireNonNull(maker.get(), "TLS strategy");
                    made = s;
                }
            }
        }
        return s;
    }
}
