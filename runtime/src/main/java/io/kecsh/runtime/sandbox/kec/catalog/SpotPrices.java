package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.InvalidValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Spot price history and its rules (DescribeSpotPriceHistory), apart from the handler that reads
 * parameters and shapes the answer ({@link PriceHandlers}): the zone must be one of the region's,
 * the type sold there, the window from StartTime to EndTime (Beijing wall-clock time) at most
 * {@link #MAX_WINDOW} and not reversed; hours after now have no price yet. Refusals are
 * {@link InvalidValue} naming the parameter. Prices are {@link PriceTable}'s; the catalogue is the
 * sandbox's, given at start.
 */
final class SpotPrices {
    /** "最大值不得超过指定的结束时间3天" (L3222): the window is at most 3 days. */
    static final Duration MAX_WINDOW = Duration.ofDays(3);
    /** "空代表结束时间前3小时": without StartTime the window is the 3 hours before EndTime. */
    static final Duration DEFAULT_WINDOW = Duration.ofHours(3);

    private final Catalog catalog;

    SpotPrices(Catalog catalog) {
        this.catalog = catalog;
    }

    /** One hour's spot price and the type's pay-as-you-go price, at the hour's Beijing time text. */
    record Point(BigDecimal spot, BigDecimal origin, String timestamp) {}

    /** The history of a type in a zone, one point per hour on the hour; {@code start} / {@code end} null: the defaults. */
    List<Point> history(
            String region, String zone, Catalog.Type type, LocalDateTime start, LocalDateTime end, LocalDateTime now) {
        if (!catalog.zone(zone).map(z -> z.region().equals(region)).orElse(false)) {
            throw new InvalidValue("AvailabilityZone", zone + " is not a zone of " + region + ".");
        }
        if (!type.family().offeredIn(zone)) {
            throw new InvalidValue("InstanceType", type.name() + " is not sold in " + zone + ".");
        }
        LocalDateTime to = end != null ? end : now;
        LocalDateTime from = start != null ? start : to.minus(DEFAULT_WINDOW);
        if (from.isAfter(to)) {
            throw new InvalidValue(
                    "StartTime",
                    "StartTime " + BeijingTime.format(from) + " is after EndTime " + BeijingTime.format(to) + ".");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw new InvalidValue(
                    "StartTime", "StartTime may lie at most 3 days before EndTime (" + BeijingTime.format(to) + ").");
        }
        BigDecimal origin = PriceTable.round(PriceTable.hourly(type));
        LocalDateTime last = to.isAfter(now) ? now : to;
        List<Point> points = new ArrayList<>();
        for (LocalDateTime t = ceilHour(from); !t.isAfter(last); t = t.plusHours(1)) {
            String stamp = BeijingTime.format(t);
            points.add(new Point(PriceTable.spot(type, zone, stamp), origin, stamp));
        }
        return points;
    }

    private static LocalDateTime ceilHour(LocalDateTime t) {
        LocalDateTime floor = t.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(t) ? t : floor.plusHours(1);
    }
}
