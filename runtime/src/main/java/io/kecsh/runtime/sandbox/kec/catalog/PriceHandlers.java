package io.kecsh.runtime.sandbox.kec.catalog;

import io.kecsh.runtime.sandbox.handler.SandboxRequest;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.sandbox.state.SandboxState;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** DescribePrice and DescribeSpotPriceHistory, priced by {@link PriceTable}; the spot history's rules are {@link SpotPrices}'. */
final class PriceHandlers {
    private final Catalog catalog;
    private final SpotPrices spotPrices;

    PriceHandlers(Catalog catalog) {
        this.catalog = catalog;
        this.spotPrices = new SpotPrices(catalog);
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
        long months =
                "Monthly".equals(chargeType) ? request.number("PurchaseTime").orElse(1L) : 0;
        long count = request.number("MaxCount").orElse(1L);
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("InstancePrice", price(PriceTable.charge(PriceTable.hourly(type), chargeType, months, count)));
        if (request.has("DataDisk")) {
            BigDecimal disks = BigDecimal.ZERO;
            for (Object d : request.list("DataDisk")) {
                Map<?, ?> disk = (Map<?, ?>) d;
                disks = disks.add(PriceTable.diskHourly(
                        String.valueOf(disk.get("Type")), ((Number) disk.get("Size")).longValue()));
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
     * model's decision reads them (Beijing wall-clock time as written, whatever the suffix; the
     * rules are {@link SpotPrices}').
     */
    Map<String, Object> describeSpotPriceHistory(SandboxRequest request, SandboxState state) {
        String zone = request.requireString("AvailabilityZone");
        Catalog.Type type = catalog.type(request.requireString("InstanceType")).orElseThrow();
        List<Object> points = new ArrayList<>();
        for (SpotPrices.Point p : spotPrices.history(
                request.region(),
                zone,
                type,
                request.string("StartTime").map(PriceHandlers::wallClock).orElse(null),
                request.string("EndTime").map(PriceHandlers::wallClock).orElse(null),
                BeijingTime.now(state.clock()))) {
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("SpotPrice", p.spot());
            point.put("OriginPrice", p.origin());
            point.put("Timestamp", p.timestamp());
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
}
