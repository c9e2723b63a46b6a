package dev.vex.interp;

import java.math.BigDecimal;

/**
 * IEEE 754 binary16 ({@code f16}) values as bit patterns: exact conversion to double and
 * correctly rounded (nearest, ties to even) conversion back.
 *
 * <p>Arithmetic is done in double and rounded once to f16. For {@code +}, {@code -},
 * {@code *}, {@code /} and square root that is exact: double carries more than 2 * 11 + 2
 * significant bits, so rounding to double first never changes the f16 result. {@code fma}
 * is not covered by that rule and rounds an exact BigDecimal sum instead.
 */
final class HalfFloat {
    static final long SIGN = 0x8000;
    static final long QUIET = 0x0200;
    private static final long EXP_ALL = 0x7c00;
    private static final long TRAILING = 0x03ff;

    private HalfFloat() {}

    static boolean isNaN(long h) {
        return (h & EXP_ALL) == EXP_ALL && (h & TRAILING) != 0;
    }

    /** The NaN {@code h} with its quiet bit set. */
    static long quiet(long h) {
        return h | QUIET;
    }

    /** The exact value of {@code h}; a NaN keeps its sign and its payload, left-aligned. */
    static double toDouble(long h) {
        long sign = (h & SIGN) << 48;
        long e = (h & EXP_ALL) >>> 10;
        long m = h & TRAILING;
        if (e == 0x1f) {
            return Double.longBitsToDouble(sign | 0x7ff0_0000_0000_0000L | (m << 42));
        }
        double v = e == 0 ? m * 0x1p-24 : (1024 + m) * Math.scalb(1.0, (int) e - 25);
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) | sign);
    }

    /** {@code d} rounded to the nearest f16, ties to even; a NaN keeps its sign and the top of its payload, quiet. */
    static long ofDouble(double d) {
        long bits = Double.doubleToRawLongBits(d);
        long sign = (bits >>> 48) & SIGN;
        if (Double.isNaN(d)) {
            return sign | EXP_ALL | QUIET | ((bits >>> 42) & TRAILING);
        }
        double a = Math.abs(d);
        if (a >= 65520.0) { // halfway between the largest f16 (65504) and 2^16 rounds to even: Inf
            return sign | EXP_ALL;
        }
        if (a == 0) {
            return sign;
        }
        int e = Math.getExponent(a);
        if (e < -14) {
            // Subnormal: in units of 2^-24; rint rounds ties to even, and 1024 units become the
            // smallest normal, which the same encoding gives.
            return sign | (long) Math.rint(a * 0x1p24);
        }
        long q = (long) Math.rint(Math.scalb(a, 10 - e)); // in [1024, 2048]
        if (q == 2048) {
            q = 1024;
            e++;
        }
        if (e > 15) {
            return sign | EXP_ALL;
        }
        return sign | ((long) (e + 15) << 10) | (q - 1024);
    }

    /** {@code a * b + c} for f16 values given as doubles (none a NaN), rounded once. */
    static long fma(double a, double b, double c) {
        double approx = Math.fma(a, b, c);
        if (Double.isInfinite(a) || Double.isInfinite(b) || Double.isInfinite(c) || approx == 0) {
            return ofDouble(approx);
        }
        BigDecimal exact = new BigDecimal(a).multiply(new BigDecimal(b)).add(new BigDecimal(c));
        int cmp = new BigDecimal(approx).compareTo(exact);
        if (cmp != 0) {
            // The double is rounded: move it one ulp towards the exact value, so that it cannot
            // sit on an f16 tie the exact value is not on (the ulp is far below an f16 ulp).
            approx = cmp > 0 ? Math.nextDown(approx) : Math.nextUp(approx);
        }
        return ofDouble(approx);
    }
}
