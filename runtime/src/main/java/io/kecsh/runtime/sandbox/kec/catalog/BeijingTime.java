package io.kecsh.runtime.sandbox.kec.catalog;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Kingsoft's documents write times as Beijing (UTC+8) wall-clock time, {@code 2019-06-19 09:09:15}
 * (launch templates' CreateTime, spot price points); CATALOG §8 item 59.
 */
final class BeijingTime {
    static final ZoneOffset OFFSET = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter SAMPLE_FORM = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private BeijingTime() {}

    static LocalDateTime now(Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), OFFSET).truncatedTo(ChronoUnit.SECONDS);
    }

    static String format(LocalDateTime time) {
        return SAMPLE_FORM.format(time);
    }

    static String nowText(Clock clock) {
        return format(now(clock));
    }
}
