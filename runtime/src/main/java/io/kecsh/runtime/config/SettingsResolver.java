package io.kecsh.runtime.config;

import io.kecsh.runtime.auth.Credentials;
import io.kecsh.runtime.model.ServiceModel;
import io.kecsh.runtime.text.Suggestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Works out the {@link Settings} of a session from three levels, highest first:
 * <ol>
 *   <li>explicit {@link Overrides} (flags, an embedding program),</li>
 *   <li>environment variables ({@link EnvironmentVariables}),</li>
 *   <li>the chosen profile of {@code ~/.kecsh/config} ({@link ProfileFileParser}).</li>
 * </ol>
 * Each setting is taken whole from the highest level that has it; a key pair is never assembled
 * from two levels. A lower level is only read when the ones above say nothing, so a broken
 * environment pair does not matter once a pair is given explicitly. When nothing supplies
 * credentials the settings have none, which means the sandbox.
 *
 * <p>Problems that make the settings unusable are collected and thrown together as one
 * {@link ConfigException}; findings that do not (an exposed file, an unknown region) become
 * {@link Settings#warnings()}.
 */
public final class SettingsResolver {
    private static final String CONFIG_DIRECTORY = ".kecsh";
    private static final String CONFIG_FILE = "config";

    private final EnvironmentSource environment;
    private final Path configFile;
    private final ProfileFileParser parser = new ProfileFileParser();

    /**
     * @param environment   the variables to read (the process environment, or a test's map)
     * @param homeDirectory where {@code .kecsh/config} lives; null when there is no home directory,
     *                      in which case only explicit values and the environment count
     */
    public SettingsResolver(Map<String, String> environment, Path homeDirectory) {
        this.environment = new EnvironmentSource(Objects.requireNonNull(environment, "environment"));
        this.configFile = homeDirectory == null
                ? null
                : homeDirectory.resolve(CONFIG_DIRECTORY).resolve(CONFIG_FILE);
    }

    /** The process environment and the user's home directory. */
    public static SettingsResolver fromSystem() {
        return new SettingsResolver(System.getenv(), userHome(System.getenv()));
    }

    /**
     * ~ as a Unix user means it: $HOME when set, else the JVM's user.home. That one comes from the
     * password database and ignores $HOME, so {@code HOME=/tmp/x kecsh} (sudo, containers, tests)
     * would otherwise read that user's ~/.kecsh/config. Null when neither names a directory.
     */
    public static Path userHome(Map<String, String> environment) {
        String home = environment.get("HOME");
        if (home == null || home.isBlank()) home = System.getProperty("user.home");
        return home == null || home.isBlank() ? null : Path.of(home);
    }

    /** Where the profile file is looked for, whether or not it exists. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(configFile);
    }

    /**
     * Explicit overrides (any of them may be null) win over the environment, the environment
     * over the profile file.
     *
     * @param overrides explicit values, or null for {@link Overrides#none()}
     * @throws ConfigException with every problem found; its message names keys, variables and
     *                         file lines, never secret values
     */
    public Settings resolve(Overrides overrides) {
        Overrides explicit = overrides == null ? Overrides.none() : overrides;
        Resolution resolution = new Resolution(explicit);
        return resolution.run();
    }

    /** One call of {@link #resolve}: what it has found so far. */
    private final class Resolution {
        private final Overrides explicit;
        private final Settings.Builder settings = Settings.builder();
        private final List<String> problems = new ArrayList<>();
        private final ModelChecks checks = new ModelChecks(ServiceModel.bundled());

        Resolution(Overrides explicit) {
            this.explicit = explicit;
        }

        Settings run() {
            ProfileChoice choice = chooseProfile();
            settings.profile(choice.name());
            Optional<ProfileFile> file = readFile();
            Profile profile = null;
            if (file.isPresent()) {
                profile = findProfile(choice, file.get()).orElse(null);
            } else {
                missingFile(choice);
            }
            for (Cloud cloud : Cloud.values()) {
                resolveCredentials(cloud, profile);
                resolveRegion(cloud, profile);
            }
            resolveEndpoint(profile);
            if (profile != null) resolveDefaults(profile);
            if (!problems.isEmpty()) throw new ConfigException(problems);
            return settings.build();
        }

        private ProfileChoice chooseProfile() {
            if (explicit.profile() != null) return new ProfileChoice(explicit.profile(), "given explicitly");
            return environment
                    .value(EnvironmentVariables.KECSH_PROFILE)
                    .map(name -> new ProfileChoice(name, "chosen by " + EnvironmentVariables.KECSH_PROFILE))
                    .orElse(new ProfileChoice(Profile.DEFAULT, null));
        }

        /** The parsed file, or empty when there is none or it is broken (its problems are recorded). */
        private Optional<ProfileFile> readFile() {
            if (configFile == null || !Files.exists(configFile)) return Optional.empty();
            if (!Files.isRegularFile(configFile)) {
                problems.add(configFile + ": is not a regular file");
                return Optional.empty();
            }
            ProfileFile file;
            try {
                file = parser.parse(configFile);
            } catch (ConfigException e) {
                problems.addAll(e.problems());
                return Optional.empty();
            }
            if (file.holdsSecrets()) FilePermissions.exposureWarning(configFile).ifPresent(settings::warning);
            return Optional.of(file);
        }

        /** The chosen profile; a chosen profile that is not there is a problem, a missing [default] is not. */
        private Optional<Profile> findProfile(ProfileChoice choice, ProfileFile file) {
            Optional<Profile> profile = file.profile(choice.name());
            if (profile.isEmpty() && !choice.name().equals(Profile.DEFAULT)) {
                List<String> names = file.profileNames();
                problems.add("profile '" + choice.name() + "' (" + choice.chosenBy() + ") is not in " + file.path()
                        + Suggestions.didYouMean(choice.name(), names)
                        + (names.isEmpty()
                                ? "; the file has no profiles"
                                : "; its profiles: " + String.join(", ", names)));
            }
            return profile;
        }

        /**
         * A named profile with no file to find it in is a problem; the default profile may be
         * absent. (A file that exists but is broken has had its own problems recorded.)
         */
        private void missingFile(ProfileChoice choice) {
            boolean fileMissing = configFile == null || !Files.exists(configFile);
            if (!fileMissing || choice.name().equals(Profile.DEFAULT)) return;
            problems.add("profile '" + choice.name() + "' (" + choice.chosenBy() + ") cannot be read: "
                    + (configFile == null ? "there is no home directory" : configFile + " does not exist"));
        }

        private void resolveCredentials(Cloud cloud, Profile profile) {
            Credentials given = explicit.credentials(cloud);
            if (given != null) {
                settings.credentials(cloud, new CloudCredentials(given, "explicit"));
                return;
            }
            Optional<Credentials> fromProfile = profile == null ? Optional.empty() : profile.credentials(cloud);
            Optional<CloudCredentials> fromEnvironment = environment.credentials(cloud, problems);
            if (fromEnvironment.isPresent()) {
                settings.credentials(cloud, fromEnvironment.get());
                // The file's keys being silently unused is how people end up on the wrong account.
                fromProfile.ifPresent(unused -> settings.warning(cloud.displayName() + " credentials from "
                        + fromEnvironment.get().source() + " take precedence over those in " + profile.describeSource()
                        + " (line "
                        + profile.lineOf(CloudKeyNames.of(cloud).fileAccessKey())
                                .orElse(profile.line()) + ")"));
                return;
            }
            fromProfile.ifPresent(c -> settings.credentials(cloud, new CloudCredentials(c, profile.describeSource())));
        }

        private void resolveRegion(Cloud cloud, Profile profile) {
            CloudKeyNames names = CloudKeyNames.of(cloud);
            String region;
            String origin;
            String explicitRegion = cloud == Cloud.KINGSOFT ? explicit.region() : null;
            Optional<String> environmentRegion = environment.value(names.envRegion());
            if (explicitRegion != null) {
                region = explicitRegion;
                origin = "given explicitly";
            } else if (environmentRegion.isPresent()) {
                region = environmentRegion.get();
                origin = names.envRegion();
            } else if (profile != null && profile.value(names.fileRegion()).isPresent()) {
                region = profile.value(names.fileRegion()).get();
                origin = names.fileRegion() + " in " + profile.location(names.fileRegion());
            } else {
                return;
            }
            // The file's regions were checked by the parser; the other levels are checked here.
            Optional<String> malformed = SettingValues.regionProblem(region);
            if (malformed.isPresent()) {
                problems.add(origin + ": " + malformed.get());
                return;
            }
            settings.region(cloud, region);
            checks.unknownRegion(cloud, region, origin).ifPresent(settings::warning);
        }

        private void resolveEndpoint(Profile profile) {
            if (explicit.endpoint() != null) {
                Optional<String> malformed = SettingValues.endpointProblem(explicit.endpoint());
                if (malformed.isPresent()) {
                    problems.add("endpoint given explicitly: " + malformed.get());
                } else {
                    settings.endpoint(explicit.endpoint());
                }
                return;
            }
            if (profile == null) return;
            profile.value(ProfileKey.ENDPOINT).map(SettingValues::parseEndpoint).ifPresent(settings::endpoint);
        }

        private void resolveDefaults(Profile profile) {
            settings.defaults(profile.defaults());
            for (ProfileKey key : profile.keys()) {
                if (key.defaultName().isEmpty()) continue;
                String value = profile.value(key).orElseThrow();
                checks.unknownDefault(key, value, profile.location(key)).ifPresent(settings::warning);
            }
            settings.regionalDefaults(profile.regionalDefaults());
            for (RegionalDefault key : profile.regionalKeys()) {
                String origin = key.spelling() + " in " + profile.location(key);
                checks.unknownRegion(Cloud.KINGSOFT, key.region(), origin).ifPresent(settings::warning);
                checks.unknownDefault(key.key(), profile.value(key).orElseThrow(), origin)
                        .ifPresent(settings::warning);
            }
        }
    }

    /** The profile to read and what chose it ("given explicitly", "chosen by KECSH_PROFILE"; null for the default). */
    private record ProfileChoice(String name, String chosenBy) {}
}
