package io.kecsh.runtime.protocol;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Exact numbers from whatever a body or a caller gave: never through a double's rounding. */
final class Numbers {
    /** Longer numeric text than this is not a value any of these APIs sends; refusing it bounds the work. */
    private static final int MAX_DIGITS = 100;

    private Numbers() {
    }

    /** The exact value of a number or of numeric text (surrounding blanks ignored), or null when it is neither. */
    static BigDecimal exact(Object raw) {
        if (raw instanceof BigDecimal d) return d;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger big) return new BigDecimal(big);
        if (raw instanceof Double || raw instanceof Float) {
            // Number.toString gives the shortest text that reads back to the same double: 0.1 stays 0.1.
            return Double.isFinite(((Number) raw).doubleValue()) ? new BigDecimal(raw.toString()) : null;
        }
        if (raw instanceof CharSequence text) {
            String t = text.toString().trim();
            if (t.isEmpty() || t.length() > MAX_DIGITS) return null;
            try {
                return new BigDecimal(t);
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }

    /** A number as plain digits, never in exponent form (an order id must read as it was sent). */
    static String plainDigits(Number number) {
        BigDecimal exact = exact(number);
        return exact != null ? exact.toPlainString() : number.toString();
    }
}
