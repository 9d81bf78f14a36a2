package io.kecsh.runtime.protocol;

import io.kecsh.runtime.text.NumberText;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Exact numbers from whatever a body or a caller gave: never through a double's rounding, and
 * never one too large to print ({@link NumberText}: {@code 1E+999999999} is no number here).
 */
final class Numbers {

    private Numbers() {}

    /** The exact value of a number or of numeric text (surrounding blanks ignored), or null when it is neither. */
    static BigDecimal exact(Object raw) {
        if (raw instanceof BigDecimal d) return NumberText.sane(d).orElse(null);
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger big) return NumberText.sane(big).orElse(null);
        if (raw instanceof Double || raw instanceof Float) {
            // Number.toString gives the shortest text that reads back to the same double: 0.1 stays 0.1.
            return Double.isFinite(((Number) raw).doubleValue())
                    ? NumberText.parse(raw.toString()).orElse(null)
                    : null;
        }
        if (raw instanceof CharSequence text) return NumberText.parse(text).orElse(null);
        return null;
    }

    /** A number as plain digits, never in exponent form (an order id must read as it was sent). */
    static String plainDigits(Number number) {
        BigDecimal exact = exact(number);
        return exact != null ? exact.toPlainString() : number.toString();
    }
}
