package io.kecsh.runtime.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Numbers read from text that came from outside (a parameter, a query string, a response body),
 * bounded before anything expands them. {@code new BigDecimal("1e999999999")} is cheap, but its
 * {@code toPlainString()} is a billion digits, and {@code stripTrailingZeros} or a long's
 * conversion of a megabyte of digits is quadratic work: no parameter or field of these APIs is
 * anywhere near such a number, so text like that is refused here, once, for every reader.
 *
 * <p>Sane: at most {@link #MAX_CHARS} characters of text, at most {@link #MAX_DIGITS} digits
 * before the point and at most {@link #MAX_DIGITS} after it, whichever way they are written
 * ({@code 1e30} is 31 digits before the point). Every number the models know — sizes, counts,
 * prices, 19-digit order ids — fits with room to spare.
 */
public final class NumberText {
    /** Longer numeric text than this is no value of these APIs. */
    public static final int MAX_CHARS = 64;
    /** Digits before the point, and digits after it, a sane number may have. */
    public static final int MAX_DIGITS = 40;

    private NumberText() {}

    /** The exact value of numeric text (surrounding blanks ignored), or empty when it is no number or not a sane one. */
    public static Optional<BigDecimal> parse(CharSequence text) {
        if (text == null || text.length() > MAX_CHARS + 16) return Optional.empty(); // before trimming a megabyte
        String t = text.toString().trim();
        if (t.isEmpty() || t.length() > MAX_CHARS) return Optional.empty();
        try {
            return sane(new BigDecimal(t));
        } catch (NumberFormatException notANumber) {
            return Optional.empty();
        }
    }

    /** The number when it is sane (zero whatever its exponent: {@code 0E+9} is 0), else empty. */
    public static Optional<BigDecimal> sane(BigDecimal d) {
        if (d.signum() == 0) return Optional.of(d.scale() == 0 ? d : BigDecimal.ZERO);
        long integerDigits = (long) d.precision() - d.scale();
        if (integerDigits > MAX_DIGITS || d.scale() > MAX_DIGITS) return Optional.empty();
        return Optional.of(d);
    }

    /** A big integer when it is sane, checked by its bit length before anything prints it. */
    public static Optional<BigDecimal> sane(BigInteger big) {
        return big.bitLength() > MAX_DIGITS * 3 ? Optional.empty() : sane(new BigDecimal(big));
    }

    /** True when {@code text} is not a sane number because it is too long or too large, not because it is no number. */
    public static boolean isOversized(CharSequence text) {
        if (text == null) return false;
        if (text.length() > MAX_CHARS + 16) return true;
        String t = text.toString().trim();
        if (t.length() > MAX_CHARS) return true;
        try {
            return sane(new BigDecimal(t)).isEmpty();
        } catch (NumberFormatException notANumber) {
            return false;
        }
    }
}
