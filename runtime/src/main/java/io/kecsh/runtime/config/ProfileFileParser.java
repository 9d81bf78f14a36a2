package io.kecsh.runtime.config;

import io.kecsh.runtime.text.Suggestions;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the INI-style profile file the AWS and aliyun CLIs' users know:
 * <pre>
 * # comment            ; comment too
 * [default]
 * ksyun_access_key = AKLT…
 * [profile prod]
 * region = cn-shanghai-2
 * </pre>
 * Comments take a whole line: a value runs to the end of its line, as in the AWS CLI, so a
 * {@code #} inside a secret is never cut off. The whole file is checked, not only the profile in
 * use, and every problem is reported at once, in line order, as {@code file:line: message}. No
 * message repeats a line that could not be parsed or the value of a credential key, because a
 * mistyped line may well hold a secret ({@code ksyun_secret_key: …}).
 */
public final class ProfileFileParser {
    private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    /**
     * Lower-case words joined by '_' or '.', like every real key. Text before '=' that neither looks
     * like this nor resembles a real key is not shown back: a secret pasted on the wrong side of
     * '=' would otherwise end up on the screen (real secrets mix cases and digits).
     */
    /** {@code default.<region>.<key>}: a region is letters, digits and hyphens, a key letters and '_'. */
    private static final Pattern REGIONAL_KEY = Pattern.compile("default\\.([a-z0-9]+(?:-[a-z0-9]+)*)\\.[a-z_]+");

    private static final Pattern PLAIN_KEY = Pattern.compile("[a-z]+([._][a-z]+)*");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** Reads and parses the file at {@code path}. */
    public ProfileFile parse(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new ConfigException(path + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new ConfigException(path + ": cannot be read (" + e.getClass().getSimpleName() + ")");
        }
        return parse(text, path);
    }

    /** Parses {@code text}; {@code path} is only used to say where problems are. */
    public ProfileFile parse(String text, Path path) {
        return new Run(path).parse(text);
    }

    /** The state of one parse: the sections so far and the problems found. */
    private static final class Run {
        private final Path path;
        private final Map<String, Section> sections = new LinkedHashMap<>();
        private final List<LineProblem> problems = new ArrayList<>();
        /** Keys after a broken header (or before any header) are still checked, then dropped. */
        private final Section detached = new Section("(none)", 0);

        private Section current;

        Run(Path path) {
            this.path = path;
        }

        ProfileFile parse(String text) {
            if (!text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK) text = text.substring(1);
            String[] lines = text.split("\r\n|\r|\n", -1);
            for (int i = 0; i < lines.length; i++) {
                line(lines[i].strip(), i + 1);
            }
            List<Profile> profiles = new ArrayList<>();
            for (Section section : sections.values()) {
                checkKeyPairs(section);
                profiles.add(section.toProfile(path));
            }
            if (!problems.isEmpty()) {
                // Pair checks run after the last line; report in file order all the same.
                throw new ConfigException(problems.stream()
                        .sorted(Comparator.comparingInt(LineProblem::line))
                        .map(p -> path + ":" + p.line() + ": " + p.message())
                        .toList());
            }
            return new ProfileFile(path, profiles);
        }

        private void line(String line, int number) {
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) return;
            if (line.startsWith("[")) {
                header(line, number);
            } else {
                keyValue(line, number);
            }
        }

        private void header(String line, int number) {
            current = detached;
            if (!line.endsWith("]")) {
                problem(number, "a section header must end with ']'");
                return;
            }
            String inner = line.substring(1, line.length() - 1).strip();
            String[] words = inner.split("\\s+");
            String name;
            if (words.length == 1 && words[0].equals(Profile.DEFAULT)) {
                name = Profile.DEFAULT;
            } else if (words.length == 2
                    && words[0].equals("profile")
                    && PROFILE_NAME.matcher(words[1]).matches()) {
                name = words[1];
            } else if (words.length == 1 && PROFILE_NAME.matcher(words[0]).matches()) {
                problem(number, "write [profile " + words[0] + "] (only [default] goes without 'profile')");
                return;
            } else {
                problem(
                        number,
                        "a section header is [default] or [profile NAME], where NAME is letters,"
                                + " digits, '.', '_' or '-'");
                return;
            }
            Section earlier = sections.get(name);
            if (earlier != null) {
                problem(number, "profile '" + name + "' is already defined at line " + earlier.line);
                return;
            }
            current = new Section(name, number);
            sections.put(name, current);
        }

        private void keyValue(String line, int number) {
            int equals = line.indexOf('=');
            if (equals < 0) {
                String hint = line.indexOf(':') >= 0 ? " (use '=' rather than ':')" : "";
                problem(number, "expected 'key = value'" + hint);
                return;
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.isEmpty()) {
                problem(number, "expected 'key = value' but there is no key before '='");
                return;
            }
            ProfileKey known = ProfileKey.fromKey(key).orElse(null);
            if (known == null) {
                Optional<RegionalDefault> regional = RegionalDefault.parse(key);
                if (regional.isPresent()) {
                    regionalValue(regional.get(), value, number);
                } else {
                    problem(number, unknownKey(key));
                }
                return;
            }
            if (current == null) {
                problem(number, "'" + key + "' comes before any [default] or [profile NAME] section");
                current = detached;
                return;
            }
            if (value.isEmpty()) {
                problem(number, "'" + key + "' has no value");
                current.rejected.add(known);
                return;
            }
            if (!valueIsWellFormed(known, value, number)) {
                current.rejected.add(known);
                return;
            }
            if (current == detached) return;
            ProfileEntry earlier = current.entries.get(known);
            if (earlier != null) {
                problem(
                        number,
                        "'" + key + "' is already set at line " + earlier.line() + " of profile '" + current.name
                                + "'");
                return;
            }
            current.entries.put(known, new ProfileEntry(value, number));
        }

        /** {@code default.<region>.<key> = value}: the region's spelling is checked later, with the model (a warning). */
        private void regionalValue(RegionalDefault regional, String value, int number) {
            String key = regional.spelling();
            if (current == null) {
                problem(number, "'" + key + "' comes before any [default] or [profile NAME] section");
                current = detached;
                return;
            }
            Optional<String> malformed = SettingValues.regionProblem(regional.region());
            if (malformed.isPresent()) {
                problem(number, key + ": " + malformed.get());
                return;
            }
            if (value.isEmpty()) {
                problem(number, "'" + key + "' has no value");
                return;
            }
            if (current == detached) return;
            ProfileEntry earlier = current.regional.get(regional);
            if (earlier != null) {
                problem(
                        number,
                        "'" + key + "' is already set at line " + earlier.line() + " of profile '" + current.name
                                + "'");
                return;
            }
            current.regional.put(regional, new ProfileEntry(value, number));
        }

        private boolean valueIsWellFormed(ProfileKey key, String value, int number) {
            switch (key) {
                case REGION, ALIBABA_REGION -> {
                    var problem = SettingValues.regionProblem(value);
                    problem.ifPresent(p -> problem(number, key + ": " + p));
                    return problem.isEmpty();
                }
                case ENDPOINT -> {
                    try {
                        SettingValues.parseEndpoint(value);
                        return true;
                    } catch (IllegalArgumentException e) {
                        problem(number, e.getMessage());
                        return false;
                    }
                }
                case KSYUN_ACCESS_KEY,
                        KSYUN_SECRET_KEY,
                        ALIBABA_ACCESS_KEY_ID,
                        ALIBABA_ACCESS_KEY_SECRET,
                        ALIBABA_SECURITY_TOKEN -> {
                    // Keys never contain blanks; one here is most likely a trailing comment.
                    if (value.chars().anyMatch(Character::isWhitespace)) {
                        problem(number, "'" + key + "' contains a space (comments go on a line of their own)");
                        return false;
                    }
                    return true;
                }
                default -> {
                    return true;
                }
            }
        }

        private static String unknownKey(String key) {
            Matcher regional = REGIONAL_KEY.matcher(key);
            if (regional.matches()) {
                // default.<region>.<key> with a misspelt key: suggest among that region's keys
                List<String> keys = ProfileKey.allKeys().stream()
                        .filter(k -> k.startsWith("default."))
                        .map(k -> "default." + regional.group(1) + k.substring("default".length()))
                        .toList();
                return "unknown key '" + key + "'" + Suggestions.didYouMean(key, keys);
            }
            String suggestion = Suggestions.didYouMean(key, ProfileKey.allKeys());
            if (!suggestion.isEmpty() || PLAIN_KEY.matcher(key).matches()) {
                return "unknown key '" + key + "'" + suggestion;
            }
            return "the text before '=' is not a key (not shown, in case it is a secret); keys are "
                    + String.join(", ", ProfileKey.allKeys());
        }

        /**
         * Half a key pair would fail only at the first call, far from the typo; catch it here. A key
         * already reported as malformed counts as present, so one typo gives one message.
         */
        private void checkKeyPairs(Section section) {
            for (Cloud cloud : Cloud.values()) {
                CloudKeyNames names = CloudKeyNames.of(cloud);
                if (section.rejected.contains(names.fileAccessKey()) || section.rejected.contains(names.fileSecret())) {
                    continue;
                }
                ProfileEntry access = section.entries.get(names.fileAccessKey());
                ProfileEntry secret = section.entries.get(names.fileSecret());
                ProfileEntry token = names.fileToken() == null ? null : section.entries.get(names.fileToken());
                if (access != null && secret == null) {
                    problem(
                            access.line(),
                            "profile '" + section.name + "' sets " + names.fileAccessKey() + " but not "
                                    + names.fileSecret());
                } else if (secret != null && access == null) {
                    problem(
                            secret.line(),
                            "profile '" + section.name + "' sets " + names.fileSecret() + " but not "
                                    + names.fileAccessKey());
                } else if (token != null && access == null) {
                    problem(
                            token.line(),
                            "profile '" + section.name + "' sets " + names.fileToken() + " without "
                                    + names.fileAccessKey() + " and " + names.fileSecret());
                }
            }
        }

        private void problem(int line, String message) {
            problems.add(new LineProblem(line, message));
        }
    }

    private record LineProblem(int line, String message) {}

    /** A section being filled in. */
    private static final class Section {
        final String name;
        final int line;
        final Map<ProfileKey, ProfileEntry> entries = new EnumMap<>(ProfileKey.class);
        /** Keys whose line was reported as malformed. */
        final Set<ProfileKey> rejected = EnumSet.noneOf(ProfileKey.class);
        /** {@code default.<region>.<key>} entries, in file order. */
        final Map<RegionalDefault, ProfileEntry> regional = new LinkedHashMap<>();

        Section(String name, int line) {
            this.name = name;
            this.line = line;
        }

        Profile toProfile(Path path) {
            return new Profile(name, path, line, entries, regional);
        }
    }
}
