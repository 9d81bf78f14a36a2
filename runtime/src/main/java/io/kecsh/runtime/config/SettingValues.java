package io.kecsh.runtime.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape every source's values must have, checked the same way whether a value came from a
 * flag, a variable or the file. Problems are worded without the value itself wherever the value
 * could carry a secret (an endpoint may hold {@code user:password@}).
 */
final class SettingValues {
    /**
     * A region becomes part of a host name ({@code kec.{region}.api.ksyun.com}), so anything
     * beyond letters, digits and inner hyphens would make a broken URL far from its cause.
     */
    private static final Pattern REGION = Pattern.compile("[A-Za-z0-9]+(-[A-Za-z0-9]+)*");

    private SettingValues() {}

    /** Why this cannot be a region, or empty when it can. */
    static Optional<String> regionProblem(String region) {
        if (REGION.matcher(region).matches()) return Optional.empty();
        return Optional.of(
                "'" + region + "' is not a region name" + " (letters, digits and single hyphens, as in cn-beijing-6)");
    }

    /** Parses an endpoint from the file; the message of a failure never repeats the text. */
    static URI parseEndpoint(String text) {
        try {
            URI uri = new URI(text);
            endpointProblem(uri).ifPresent(p -> {
                throw new IllegalArgumentException(p);
            });
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("endpoint is not a valid URI (" + e.getReason() + ")");
        }
    }

    /** Why this cannot be the endpoint of every service, or empty when it can. */
    static Optional<String> endpointProblem(URI uri) {
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
            return Optional.of("endpoint must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            // Credentials in a URL end up in logs and banners; kecsh signs requests instead.
            return Optional.of("endpoint must not contain user information (user:password@)");
        }
        if (uri.getHost() == null) return Optional.of("endpoint has no host name");
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("endpoint must not have a query (?…) or fragment (#…): the client adds its own query");
        }
        return Optional.empty();
    }
}
