package io.kecsh.runtime.config;

import io.kecsh.runtime.auth.Credentials;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads kecsh's settings from an environment map (the real one, or a test's). A variable that is
 * empty or blank counts as unset, because {@code export KSYUN_REGION=} is how people unset
 * things in scripts; surrounding blanks are dropped, since no key or region contains one.
 */
final class EnvironmentSource {
    private final Map<String, String> environment;

    EnvironmentSource(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Optional<String> value(String name) {
        String value = environment.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /**
     * The cloud's key pair from the environment. Half a pair (or a token without a pair) adds a
     * problem naming the variables, never their values, and yields nothing.
     */
    Optional<CloudCredentials> credentials(Cloud cloud, List<String> problems) {
        CloudKeyNames names = CloudKeyNames.of(cloud);
        Optional<String> accessKey = value(names.envAccessKey());
        Optional<String> secret = value(names.envSecret());
        Optional<String> token = names.envToken() == null ? Optional.empty() : value(names.envToken());
        if (accessKey.isPresent() && secret.isPresent()) {
            return Optional.of(new CloudCredentials(
                    new Credentials(accessKey.get(), secret.get(), token.orElse(null)),
                    "environment (" + names.envAccessKey() + ")"));
        }
        if (accessKey.isPresent()) {
            problems.add(names.envAccessKey() + " is set but " + names.envSecret() + " is not (set both, or neither)");
        } else if (secret.isPresent()) {
            problems.add(names.envSecret() + " is set but " + names.envAccessKey() + " is not (set both, or neither)");
        } else if (token.isPresent()) {
            problems.add(names.envToken() + " is set without " + names.envAccessKey() + " and " + names.envSecret());
        }
        return Optional.empty();
    }
}
