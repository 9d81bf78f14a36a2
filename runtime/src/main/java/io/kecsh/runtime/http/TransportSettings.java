package io.kecsh.runtime.http;

import java.time.Duration;

/**
 * Timeouts and pool size of the HTTP transport.
 *
 * @param maxConnections bounds how many calls run at once; more wait for a connection
 */
public record TransportSettings(Duration connectTimeout, Duration responseTimeout, int maxConnections) {

    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 32);
    }

    public TransportSettings withResponseTimeout(Duration timeout) {
        return new TransportSettings(connectTimeout, timeout, maxConnections);
    }

    public TransportSettings withConnectTimeout(Duration timeout) {
        return new TransportSettings(timeout, responseTimeout, maxConnections);
    }
}
