package io.kecsh.runtime.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The debug log of what went over the wire ({@code --debug}): method, URL, parameters, headers and
 * status — with signatures, Authorization, security tokens, access-key IDs and every parameter the
 * model marks sensitive (InstancePassword…) masked. Bodies of responses are not logged: they may
 * hold secrets such as a new key pair's private key.
 */
public final class WireLog {
    public static final String MASK = "****";
    private static final Set<String> SECRET_PARAMS =
            Set.of("x-amz-signature", "signature", "x-amz-security-token", "securitytoken");
    private static final Set<String> KEY_ID_PARAMS = Set.of("accesskeyid");
    private static final Set<String> SECRET_HEADERS =
            Set.of("authorization", "x-amz-security-token", "x-acs-security-token");

    private final Consumer<String> sink;

    public WireLog(Consumer<String> sink) {
        this.sink = sink;
    }

    /** A log that drops everything (the default). */
    public static WireLog off() {
        return new WireLog(null);
    }

    public boolean enabled() {
        return sink != null;
    }

    public void request(HttpRequest request, Set<String> sensitiveParams) {
        if (sink == null) return;
        StringBuilder line = new StringBuilder("→ ")
                .append(request.method())
                .append(' ')
                .append(request.scheme())
                .append("://")
                .append(request.hostHeader())
                .append(request.path());
        String sep = "?";
        for (QueryParam q : request.query()) {
            line.append(sep).append(q.name()).append('=').append(redactParam(q.name(), q.value(), sensitiveParams));
            sep = "&";
        }
        sink.accept(line.toString());
        for (Map.Entry<String, String> h : request.headers().entries()) {
            sink.accept("  " + h.getKey() + ": " + redactHeader(h.getKey(), h.getValue()));
        }
        if (request.body().length > 0) sink.accept("  body: " + redactForm(request.bodyText(), sensitiveParams));
    }

    public void response(HttpRequest request, HttpResponse response, Duration took, String requestId) {
        if (sink == null) return;
        sink.accept("← " + response.status() + " " + request.method() + " " + request.hostHeader() + " in "
                + took.toMillis() + " ms, " + response.body().length + " bytes"
                + (requestId == null ? "" : ", request " + requestId));
    }

    public void note(String text) {
        if (sink != null) sink.accept("  " + text);
    }

    static String redactParam(String name, String value, Set<String> sensitiveParams) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (SECRET_PARAMS.contains(lower) || sensitiveParams.contains(name)) return MASK;
        if (KEY_ID_PARAMS.contains(lower)) return maskKeyId(value);
        if (lower.equals("x-amz-credential")) {
            int slash = value.indexOf('/');
            return slash < 0 ? MASK : maskKeyId(value.substring(0, slash)) + value.substring(slash);
        }
        return value;
    }

    static String redactHeader(String name, String value) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (!SECRET_HEADERS.contains(lower)) return value;
        if (lower.equals("authorization")) {
            int space = value.indexOf(' ');
            return (space < 0 ? "" : value.substring(0, space) + " ") + MASK;
        }
        return MASK;
    }

    private static String redactForm(String body, Set<String> sensitiveParams) {
        StringBuilder out = new StringBuilder();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (out.length() > 0) out.append('&');
            out.append(Rfc3986.encode(name)).append('=').append(redactParam(name, value, sensitiveParams));
        }
        return out.toString();
    }

    private static String maskKeyId(String id) {
        if (id.length() <= 6) return MASK;
        return id.substring(0, 4) + "…" + id.substring(id.length() - 2);
    }
}
