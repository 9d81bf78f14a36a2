package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DescribePrice and DescribeSpotPriceHistory, priced by {@link PriceTable}. */
final class PriceHandlers {
    /** "最大值不得超过指定的结束时间3天" (L3222): the window is at most 3 days. */
    static final Duration MAX_WINDOW = Duration.ofDays(3);
    /** "空代表结束时间前3小时": without StartTime the window is the 3 hours before EndTime. */
    static final Duration DEFAULT_WINDOW = Duration.ofHours(3);

    private final Catalog catalog;

    PriceHandlers(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The price of MaxCount (default 1) hosts of the type, billed by ChargeType (default
     * HourlyInstantSettlement; Monthly for PurchaseTime months, default 1), and of their cloud data
     * disks (EBSPrice, only when DataDisk.n is given). The system disk is part of the host price.
     */
    Map<String, Object> describePrice(SandboxRequest request, SandboxState state) {
        RegionState region = state.region(request.region());
        Params.image(request, region);
        Catalog.Type type = catalog.type(request.requireString("InstanceType")).orElseThrow();
        String chargeType = Params.stringOrDefault(request, "ChargeType");
        long months = "Monthly".equals(chargeType) ? request.number("PurchaseTime").orElse(1L) : 0;
        long count = request.number("MaxCount").orElse(1L);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("InstancePrice", price(PriceTable.charge(PriceTable.hourly(type), chargeType, months, count)));
        if (request.has("DataDisk")) {
            BigDecimal disks = BigDecimal.ZERO;
            for (Object d : request.list("DataDisk")) {
                Map<?, ?> disk = (Map<?, ?>) d;
                disks = disks.add(PriceTable.diskHourly(String.valueOf(disk.get("Type")), ((Number) disk.get("Size")).longValue()));
            }
            info.put("EBSPrice", price(PriceTable.charge(disks, chargeType, months, count)));
        }
        return Map.of("PriceInfo", info);
    }

    private static Map<String, Object> price(PriceTable.Price p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("DiscountPrice", p.discount());
        out.put("OriginalPrice", p.original());
        out.put("TradePrice", p.trade());
        if (p.unit() != null) out.put("PriceUnit", p.unit());
        return out;
    }

    /**
     * Hourly spot prices of the type in a zone of this region, from StartTime to EndTime as the
     * model's decision reads them (Beijing wall-clock time as written, whatever the suffix; EndTime
     * defaults to now, StartTime to 3 hours before EndTime; at most 3 days; no points after now).
     */
    Map<String, Object> describeSpotPriceHistory(SandboxRequest request, SandboxState state) {
        String zone = request.requireString("AvailabilityZone");
        Catalog.Type type = catalog.type(request.requireString("InstanceType")).orElseThrow();
        if (!catalog.zone(zone).map(z -> z.region().equals(request.region())).orElse(false)) {
            throw request.invalid("AvailabilityZone", zone + " is not a zone of " + request.region() + ".");
        }
        if (!type.family().offeredIn(zone)) {
            throw request.invalid("InstanceType", type.name() + " is not sold in " + zone + ".");
        }
        LocalDateTime now = BeijingTime.now(state.clock());
        LocalDateTime end = request.string("EndTime").map(PriceHandlers::wallClock).orElse(now);
        LocalDateTime start = request.string("StartTime").map(PriceHandlers::wallClock).orElse(end.minus(DEFAULT_WINDOW));
        if (start.isAfter(end)) {
            throw request.invalid("StartTime", "StartTime " + BeijingTime.format(start) + " is after EndTime " + BeijingTime.format(end) + ".");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw request.invalid("StartTime", "StartTime may lie at most 3 days before EndTime (" + BeijingTime.format(end) + ").");
        }
        BigDecimal origin = PriceTable.round(PriceTable.hourly(type));
        LocalDateTime last = end.isAfter(now) ? now : end;
        List<Object> points = new ArrayList<>();
        for (LocalDateTime t = ceilHour(start); !t.isAfter(last); t = t.plusHours(1)) {
            String stamp = BeijingTime.format(t);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("SpotPrice", PriceTable.spot(type, zone, stamp));
            point.put("OriginPrice", origin);
            point.put("Timestamp", stamp);
            points.add(point);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("Currency", "CNY");
        out.put("InstanceType", type.name());
        out.put("AvailabilityZone", zone);
        out.put("SpotPrices", points);
        return out;
    }

    /** The time as written: the documents' "Z" stands for Beijing time (model decision, item 59). */
    private static LocalDateTime wallClock(String iso) {
        return OffsetDateTime.parse(iso).toLocalDateTime();
    }

    private static LocalDateTime ceilHour(LocalDateTime t) {
        LocalDateTime floor = t.truncatedTo(ChronoUnit.HOURS);
        return floor.equals(t) ? t : floor.plusHours(1);
    }
}
