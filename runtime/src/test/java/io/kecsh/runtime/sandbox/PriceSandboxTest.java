package io.kecsh.runtime.sandbox;

import static io.kecsh.runtime.sandbox.CatalogTestSupport.centos;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.clientIn;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.invalid;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.items;
import static io.kecsh.runtime.sandbox.CatalogTestSupport.struct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kecsh.runtime.client.CloudClient;
import io.kecsh.runtime.sandbox.state.RegionState;
import io.kecsh.runtime.validate.ValidationException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * DescribePrice and DescribeSpotPriceHistory over real HTTP: the deterministic price table
 * (0.162 a vCPU, 0.05 a GB, 4.5 a GPU an hour) and the 3-day spot window. The test sandbox's clock
 * stands at 2026-11-22T04:00:00Z, 12:00 in Beijing.
 */
class PriceSandboxTest {
    private final SandboxFixture f = new SandboxFixture();
    private final RegionState region = f.sandbox.state().region("cn-beijing-6");

    @AfterEach
    void close() {
        f.close();
    }

    private Map<String, Object> price(String type, Object... extra) {
        Map<String, Object> p = new HashMap<>(Map.of("InstanceType", type, "ImageId", centos(region)));
        for (int i = 0; i < extra.length; i += 2) p.put((String) extra[i], extra[i + 1]);
        return struct(f.client.call("DescribePrice", p), "PriceInfo");
    }

    private static void assertPrice(
            String original, String discount, String trade, String unit, Map<String, Object> price) {
        assertEquals(
                0, new BigDecimal(original).compareTo((BigDecimal) price.get("OriginalPrice")), "original " + price);
        assertEquals(
                0, new BigDecimal(discount).compareTo((BigDecimal) price.get("DiscountPrice")), "discount " + price);
        assertEquals(0, new BigDecimal(trade).compareTo((BigDecimal) price.get("TradePrice")), "trade " + price);
        assertEquals(unit, price.get("PriceUnit"));
    }

    private List<Map<String, Object>> spots(Object... params) {
        Map<String, Object> p = new HashMap<>(Map.of("InstanceType", "N3.2B", "AvailabilityZone", "cn-beijing-6a"));
        for (int i = 0; i < params.length; i += 2) p.put((String) params[i], params[i + 1]);
        return items(f.client.call("DescribeSpotPriceHistory", p), "SpotPrices");
    }

    @Test
    void describePrice_byDefault_isTheSamplesHourlyPrice() {
        Map<String, Object> info = price("N3.2B");
        assertPrice("0.524", "0", "0.524", "Hour", struct(info, "InstancePrice"));
        assertNull(info.get("EBSPrice"), "no data disks, no EBS price");
    }

    @Test
    void describePrice_chargeTypes_dailyAndMonthlyWithTheLongTermDiscount() {
        assertPrice("10.0608", "0", "10.0608", "Day", struct(price("N3.2B", "ChargeType", "Daily"), "InstancePrice"));
        assertPrice("226.368", "0", "226.368", null, struct(price("N3.2B", "ChargeType", "Monthly"), "InstancePrice"));
        assertPrice(
                "679.104",
                "0",
                "679.104",
                null,
                struct(price("N3.2B", "ChargeType", "Monthly", "PurchaseTime", 3), "InstancePrice"));
        assertPrice(
                "5432.832",
                "814.9248",
                "4617.9072",
                null,
                struct(price("N3.2B", "ChargeType", "Monthly", "PurchaseTime", 12, "MaxCount", 2), "InstancePrice"));
    }

    @Test
    void describePrice_typeFigures_andDataDisksByTypeAndSize() {
        assertPrice("10.436", "0", "10.436", "Hour", struct(price("P3.28A1"), "InstancePrice"));
        assertPrice("0.212", "0", "0.212", "Hour", struct(price("I1.1A"), "InstancePrice"));
        Map<String, Object> info = price(
                "N3.2B",
                "MaxCount",
                3,
                "DataDisk",
                List.of(Map.of("Type", "SSD3.0", "Size", 100), Map.of("Type", "EHDD", "Size", 200)));
        assertPrice("1.572", "0", "1.572", "Hour", struct(info, "InstancePrice"));
        assertPrice("0.72", "0", "0.72", "Hour", struct(info, "EBSPrice"));
        Map<String, Object> daily =
                price("N3.2B", "ChargeType", "Daily", "DataDisk", List.of(Map.of("Type", "SSD3.0", "Size", 10)));
        assertPrice("0.2688", "0", "0.2688", "Day", struct(daily, "EBSPrice"));
    }

    @Test
    void describePrice_sameInputs_samePrices() {
        Map<String, Object> first = price("S4.16C", "ChargeType", "Monthly", "PurchaseTime", 24);
        f.sandbox.clock().advance(Duration.ofDays(40));
        assertEquals(first, price("S4.16C", "ChargeType", "Monthly", "PurchaseTime", 24));
    }

    @Test
    void describePrice_unknownImage_isInvalidParameterValue() {
        invalid(
                "ImageId",
                () -> f.client.call(
                        "DescribePrice",
                        Map.of("InstanceType", "N3.2B", "ImageId", "00000000-0000-4000-8000-000000000000")));
    }

    @Test
    void describeSpotPriceHistory_byDefault_theThreeHoursBeforeNow_hourly() {
        Map<String, Object> r = f.client.call(
                "DescribeSpotPriceHistory", Map.of("InstanceType", "N3.2B", "AvailabilityZone", "cn-beijing-6a"));
        assertEquals("CNY", r.get("Currency"));
        assertEquals("N3.2B", r.get("InstanceType"));
        assertEquals("cn-beijing-6a", r.get("AvailabilityZone"));
        List<Map<String, Object>> points = items(r, "SpotPrices");
        assertEquals(
                List.of("2026-11-22 09:00:00", "2026-11-22 10:00:00", "2026-11-22 11:00:00", "2026-11-22 12:00:00"),
                points.stream().map(p -> p.get("Timestamp")).toList());
        for (Map<String, Object> p : points) {
            BigDecimal spot = (BigDecimal) p.get("SpotPrice");
            BigDecimal origin = (BigDecimal) p.get("OriginPrice");
            assertEquals(0, new BigDecimal("0.524").compareTo(origin));
            assertTrue(spot.compareTo(origin) < 0, spot + " is below " + origin);
            assertTrue(spot.compareTo(new BigDecimal("0.0786")) >= 0, spot + " is at least 15 % of the origin price");
        }
        assertTrue(points.stream().map(p -> p.get("SpotPrice")).distinct().count() > 1, "the price moves");
    }

    @Test
    void describeSpotPriceHistory_sameHour_samePrice_whenAskedLater() {
        List<Map<String, Object>> before =
                spots("StartTime", "2026-11-22T06:30:00Z", "EndTime", "2026-11-22T11:00:00Z");
        assertEquals(5, before.size(), "07:00 to 11:00");
        assertEquals("2026-11-22 07:00:00", before.get(0).get("Timestamp"));
        f.sandbox.clock().advance(Duration.ofHours(5));
        assertEquals(before, spots("StartTime", "2026-11-22T06:30:00Z", "EndTime", "2026-11-22T11:00:00Z"));
        assertFalse(
                spots("InstanceType", "E1.2B", "StartTime", "2026-11-22T06:30:00Z", "EndTime", "2026-11-22T11:00:00Z")
                        .equals(before));
    }

    @Test
    void describeSpotPriceHistory_threeDays_isTheLongestWindow() {
        assertEquals(
                73,
                spots("StartTime", "2026-11-19T12:00:00Z", "EndTime", "2026-11-22T12:00:00Z")
                        .size());
        // with both times given the client's validator refuses before sending (the model's maxSpan rule) …
        ValidationException early = Assertions.assertThrows(
                ValidationException.class,
                () -> spots("StartTime", "2026-11-19T11:59:59Z", "EndTime", "2026-11-22T12:00:00Z"));
        assertTrue(early.getMessage().contains("StartTime"), early.getMessage());
        // … and with EndTime left to mean "now" the sandbox does
        invalid("StartTime", () -> spots("StartTime", "2026-11-19T11:00:00Z"));
        assertEquals(
                72, spots("StartTime", "2026-11-19T12:30:00Z").size(), "EndTime is now, 2026-11-22 12:00 in Beijing");
        invalid("StartTime", () -> spots("StartTime", "2026-11-22T10:00:00Z", "EndTime", "2026-11-22T09:00:00Z"));
    }

    @Test
    void describeSpotPriceHistory_futureEndTime_noPointsAfterNow() {
        List<Map<String, Object>> points = spots("EndTime", "2026-11-22T14:00:00Z");
        assertEquals(
                List.of("2026-11-22 11:00:00", "2026-11-22 12:00:00"),
                points.stream().map(p -> p.get("Timestamp")).toList());
    }

    @Test
    void describeSpotPriceHistory_zoneElsewhereOrTypeNotSoldThere_isInvalidParameterValue() {
        invalid("AvailabilityZone", () -> spots("AvailabilityZone", "cn-shanghai-2a"));
        invalid("InstanceType", () -> spots("InstanceType", "N2.1A"));
        assertEquals(
                4,
                spots("InstanceType", "N2.1A", "AvailabilityZone", "cn-beijing-6b")
                        .size());
        try (CloudClient shanghai = clientIn(f, "cn-shanghai-2")) {
            assertEquals(
                    4,
                    items(
                                    shanghai.call(
                                            "DescribeSpotPriceHistory",
                                            Map.of("InstanceType", "E1.1A", "AvailabilityZone", "cn-shanghai-2a")),
                                    "SpotPrices")
                            .size());
        }
    }

    @Test
    void describePriceAndSpotHistory_asXml_sameFigures() {
        try (CloudClient xml = CatalogTestSupport.xmlClient(f)) {
            Map<String, Object> info = struct(
                    xml.call(
                            "DescribePrice",
                            Map.of(
                                    "InstanceType",
                                    "N3.2B",
                                    "ImageId",
                                    centos(region),
                                    "DataDisk",
                                    List.of(Map.of("Type", "SSD3.0", "Size", 100)))),
                    "PriceInfo");
            assertPrice("0.524", "0", "0.524", "Hour", struct(info, "InstancePrice"));
            assertPrice("0.14", "0", "0.14", "Hour", struct(info, "EBSPrice"));
            List<Map<String, Object>> points = items(
                    xml.call(
                            "DescribeSpotPriceHistory",
                            Map.of("InstanceType", "N3.2B", "AvailabilityZone", "cn-beijing-6a")),
                    "SpotPrices");
            assertEquals(spots(), points);
        }
    }
}
