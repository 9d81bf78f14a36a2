package io.kecsh.runtime.sandbox;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.client.ClientConfig;
import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.config.Cloud;
import io.kecsh.runtime.error.ServiceException;
import io.kecsh.runtime.http.ApacheTransport;
import io.kecsh.runtime.http.Transport;
import io.kecsh.runtime.http.TransportSettings;
import io.kecsh.runtime.retry.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Assertions;

/**
 * A test sandbox (manual clock) and a real client pointed at it, signed with the sandbox's keys;
 * the client's clock is the sandbox's, so signatures stay fresh however far a test moves time.
 */
public final class SandboxFixture implements AutoCloseable {
    public final Sandbox sandbox;
    public final CloudClient client;
    public final List<Duration> sleeps = new ArrayList<>();

    public SandboxFixture() {
        this(SandboxOptions.forTests(), ClientConfig.builder());
    }

    public SandboxFixture(SandboxOptions options, ClientConfig.Builder config) {
        this(options, config, null);
    }

    /** With the client's transport wrapped (a test that looks at the bytes on the wire); null: the real one. */
    public SandboxFixture(SandboxOptions options, ClientConfig.Builder config, UnaryOperator<Transport> wrap) {
        sandbox = Sandbox.start(options);
        ClientConfig built = config.endpoint(sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, sandbox.credentials().kingsoft())
                .credentials(Cloud.ALIBABA, sandbox.credentials().alibaba())
                .clock(sandbox.clock())
                .sleeper(this::sleep)
                .build();
        client = wrap == null
                ? new CloudClient(built)
                : new CloudClient(built, wrap.apply(new ApacheTransport(TransportSettings.defaults())));
    }

    /** Waiting moves the sandbox's manual clock instead of the test's time. */
    private void sleep(Duration d) {
        sleeps.add(d);
        if (sandbox.clock().isManual()) sandbox.clock().advance(d);
    }

    /** A client of the same sandbox with other credentials (to test rejections). */
    public CloudClient clientWith(Credentials kingsoft, Credentials alibaba) {
        return new CloudClient(ClientConfig.builder()
                .endpoint(sandbox.endpoint())
                .credentials(Cloud.KINGSOFT, kingsoft)
                .credentials(Cloud.ALIBABA, alibaba)
                .clock(sandbox.clock())
                .retryPolicy(RetryPolicy.none())
                .build());
    }

    /** The call is refused with InvalidParameterValue naming {@code param}, for a reason containing {@code why}. */
    public ServiceException refused(String action, Map<String, ?> params, String param, String why) {
        var e = Assertions.assertThrows(ServiceException.class, () -> client.call(action, params));
        Assertions.assertEquals("InvalidParameterValue", e.code(), e.getMessage());
        Assertions.assertEquals(400, e.httpStatus());
        Assertions.assertTrue(e.serviceMessage().contains("input parameter " + param + "."), e.serviceMessage());
        Assertions.assertTrue(e.serviceMessage().contains(why), e.serviceMessage());
        return e;
    }

    @Override
    public void close() {
        client.close();
        sandbox.close();
    }
}
