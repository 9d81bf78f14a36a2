package io.kecsh.runtime.sandbox.kec.catalog;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The sandbox's price list. The documents publish no prices, only their shape and one sample
 * (OriginalPrice 0.524 an hour; a spot price of 0.10480 against an origin price of 0.52400), so the
 * sandbox computes a deterministic list, in CNY, from the type's figures and the charge type:
 *
 * <pre>
 *   hourly(type)  = 0.162 × vCPU + 0.05 × memory GB + 4.5 × GPUs            (2 vCPU, 4 GB: 0.524, the sample)
 *   disk(type,GB) = GB × 0.0014 (SSD3.0) | GB × 0.0005 (EHDD)                an hour, per cloud data disk
 *
 *   HourlyInstantSettlement  price an hour                           PriceUnit Hour
 *   Daily                    hourly × 24 × 0.8 a day                  PriceUnit Day
 *   Monthly                  hourly × 720 × 0.6 × PurchaseTime months  (the whole term; no PriceUnit)
 *                            with 15 % off from 12 months on (DiscountPrice is that amount, TradePrice the rest)
 *   spot at an hour          hourly × (0.15 … 0.30), the factor a hash of type, zone and hour
 * </pre>
 * Every price is multiplied by the number of instances (MaxCount) and rounded half-up to 5
 * decimals, trailing zeros dropped. Same inputs, same prices.
 */
public final class PriceTable {
    static final BigDecimal PER_VCPU = new BigDecimal("0.162");
    static final BigDecimal PER_GB_MEMORY = new BigDecimal("0.05");
    static final BigDecimal PER_GPU = new BigDecimal("4.5");
    static final BigDecimal SSD_PER_GB = new BigDecimal("0.0014");
    static final BigDecimal EHDD_PER_GB = new BigDecimal("0.0005");
    static final BigDecimal DAILY_FACTOR = new BigDecimal("0.8");
    static final BigDecimal MONTHLY_FACTOR = new BigDecimal("0.6");
    static final int HOURS_A_MONTH = 720;
    static final int LONG_TERM_MONTHS = 12;
    static final BigDecimal LONG_TERM_DISCOUNT = new BigDecimal("0.15");
    static final BigDecimal SPOT_MIN = new BigDecimal("0.15");
    static final BigDecimal SPOT_SPAN = new BigDecimal("0.15");
    private static final int SCALE = 5;

    /** A price as the Instanceprice / EBSprice types give it: list, discount amount, paid; unit null for Monthly. */
    public record Price(BigDecimal original, BigDecimal discount, BigDecimal trade, String unit) {}

    private PriceTable() {}

    /** The pay-as-you-go list price of one instance of the type, an hour. */
    public static BigDecimal hourly(Catalog.Type type) {
        return PER_VCPU.multiply(BigDecimal.valueOf(type.vcpu()))
                .add(PER_GB_MEMORY.multiply(BigDecimal.valueOf(type.memoryGb())))
                .add(PER_GPU.multiply(BigDecimal.valueOf(type.gpus())));
    }

    /** A cloud disk of {@code type} (SSD3.0, EHDD) and {@code sizeGb}, an hour. */
    public static BigDecimal diskHourly(String type, long sizeGb) {
        BigDecimal rate = "SSD3.0".equals(type) ? SSD_PER_GB : EHDD_PER_GB;
        return rate.multiply(BigDecimal.valueOf(sizeGb));
    }

    /** {@code hourly} (for {@code count} instances) billed by {@code chargeType}, for {@code months} when Monthly. */
    public static Price charge(BigDecimal hourly, String chargeType, long months, long count) {
        BigDecimal each = hourly.multiply(BigDecimal.valueOf(count));
        return switch (chargeType) {
            case "Daily" -> undiscounted(each.multiply(BigDecimal.valueOf(24)).multiply(DAILY_FACTOR), "Day");
            case "Monthly" -> {
                BigDecimal original = each.multiply(BigDecimal.valueOf((long) HOURS_A_MONTH * months))
                        .multiply(MONTHLY_FACTOR);
                BigDecimal discount =
                        months >= LONG_TERM_MONTHS ? original.multiply(LONG_TERM_DISCOUNT) : BigDecimal.ZERO;
                yield new Price(round(original), round(discount), round(original.subtract(discount)), null);
            }
            default -> undiscounted(each, "Hour");
        };
    }

    /**
     * The spot price of a type in a zone during the hour starting at {@code hourKey} (any stable
     * text naming the hour): the origin price times a factor between 0.15 and 0.30.
     */
    public static BigDecimal spot(Catalog.Type type, String zone, String hourKey) {
        long h = mix((type.name() + '|' + zone + '|' + hourKey).hashCode());
        BigDecimal fraction = BigDecimal.valueOf(Math.floorMod(h, 1000L)).movePointLeft(3);
        return round(hourly(type).multiply(SPOT_MIN.add(SPOT_SPAN.multiply(fraction))));
    }

    public static BigDecimal round(BigDecimal value) {
        BigDecimal r = value.setScale(SCALE, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    private static Price undiscounted(BigDecimal price, String unit) {
        BigDecimal p = round(price);
        return new Price(p, BigDecimal.ZERO, p, unit);
    }

    /** SplitMix64's finaliser: neighbouring hours get unrelated factors. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
