package io.kecsh.runtime.validate;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The named value formats the model refers to ({@code "format": "password"}). Each check returns
 * what is wrong in words a user can act on, or empty when the value is fine.
 */
final class Formats {
    /** Kingsoft's documents give times in Beijing time. */
    static final ZoneOffset BEIJING = ZoneOffset.ofHours(8);

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern IPV4 =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9-]{2,64}");
    private static final Pattern KMS_INSTANCE_ID = Pattern.compile("kst-[a-z0-9]+");
    private static final DateTimeFormatter AUTO_DELETE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm");
    private static final Duration AUTO_DELETE_LEAD = Duration.ofMinutes(30);

    /**
     * Formats whose check admits only short values (a UUID, an address, a host name, a password,
     * a time) and so bounds a value's length by itself; a member of any other format needs a
     * {@code maxLength} (the model lint holds every string parameter to one of the two).
     */
    static final Set<String> LENGTH_BOUNDING = Set.of("uuid", "ipv4", "hostName", "password", "autoDeleteTime");

    private final Clock clock;

    Formats(Clock clock) {
        this.clock = clock;
    }

    Optional<String> check(String format, String value, Integer maxBytes) {
        return switch (format) {
            case "uuid" ->
                UUID.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of("must be an ID of the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (lower-case hex)"
                                + (UUID.matcher(value.toLowerCase(Locale.ROOT)).matches() ? "; use lower case" : ""));
            case "ipv4" ->
                IPV4.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of("must be an IPv4 address such as 10.0.0.12");
            case "password" -> password(value);
            case "autoDeleteTime" -> autoDeleteTime(value);
            case "base64" -> base64(value, maxBytes);
            case "hostName" ->
                HOST_NAME.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of("must be 2-64 characters of letters, digits and hyphens (no dots)");
            case "isoDateTime" -> isoDateTime(value);
            case "kmsInstanceId" ->
                KMS_INSTANCE_ID.matcher(value).matches()
                        ? Optional.empty()
                        : Optional.of("must be a KMS instance ID such as kst-bjj62f5ba3dnpb6v8xxxx");
            default -> throw new IllegalStateException("model names unknown format " + format);
        };
    }

    /** 8-32 visible ASCII characters with upper case, lower case and digits (the documented policy). */
    private static Optional<String> password(String value) {
        if (value.length() < 8 || value.length() > 32) return Optional.of("must be 8-32 characters long");
        boolean upper = false, lower = false, digit = false;
        for (char c : value.toCharArray()) {
            if (c < 0x21 || c > 0x7e) return Optional.of("may contain only visible ASCII characters (no spaces)");
            upper |= Character.isUpperCase(c);
            lower |= Character.isLowerCase(c);
            digit |= Character.isDigit(c);
        }
        if (upper && lower && digit) return Optional.empty();
        StringBuilder missing = new StringBuilder();
        if (!upper) missing.append("an upper-case letter, ");
        if (!lower) missing.append("a lower-case letter, ");
        if (!digit) missing.append("a digit, ");
        return Optional.of("must contain upper-case letters, lower-case letters and digits (missing "
                + missing.substring(0, missing.length() - 2) + ")");
    }

    private Optional<String> autoDeleteTime(String value) {
        LocalDateTime when;
        try {
            when = LocalDateTime.parse(value, AUTO_DELETE);
        } catch (DateTimeParseException e) {
            return Optional.of("must be a Beijing time written yyyy-MM-dd HH:mm, e.g. 2026-12-31 18:00");
        }
        OffsetDateTime earliest = OffsetDateTime.now(clock.withZone(BEIJING)).plus(AUTO_DELETE_LEAD);
        if (when.atOffset(BEIJING).isBefore(earliest)) {
            return Optional.of("must be at least 30 minutes in the future (Beijing time; earliest now: "
                    + earliest.format(AUTO_DELETE) + ")");
        }
        return Optional.empty();
    }

    private static Optional<String> base64(String value, Integer maxBytes) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return Optional.of("must be base64-encoded");
        }
        if (maxBytes != null && decoded.length > maxBytes) {
            return Optional.of(
                    "must decode to at most " + maxBytes / 1024 + " KB (it decodes to " + decoded.length + " bytes)");
        }
        return Optional.empty();
    }

    private static Optional<String> isoDateTime(String value) {
        try {
            OffsetDateTime.parse(value);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("must be an ISO 8601 time such as 2026-04-28T17:00:00Z");
        }
    }
}
