package dev.vex.interp;

import static dev.vex.interp.FloatBits.isNaN;
import static dev.vex.interp.FloatBits.is32;
import static dev.vex.interp.FloatBits.ofDouble;
import static dev.vex.interp.FloatBits.ofFloat;
import static dev.vex.interp.FloatBits.toDouble;
import static dev.vex.interp.FloatBits.toFloat;

import dev.vex.ir.Type;

/**
 * Float arithmetic, sign operations, minimum and maximum, and rounding to an integral value.
 *
 * <p>{@code f32} arithmetic is done in Java {@code float}, which rounds every operation to
 * single precision (Java 17 is strictfp everywhere); {@code fma} is one rounding via
 * {@link Math#fma}. NaN operands never reach Java arithmetic: they are handled first, by the
 * rule documented on {@link FloatBits}.
 */
final class FloatArithmetic {
    private FloatArithmetic() {}

    static long fadd(Type t, long a, long b) {
        if (isNaN(t, a) || isNaN(t, b)) {
            return FloatBits.propagate(t, a, b);
        }
        return is32(t) ? ofFloat(toFloat(a) + toFloat(b)) : ofDouble(toDouble(a) + toDouble(b));
    }

    static long fsub(Type t, long a, long b) {
        if (isNaN(t, a) || isNaN(t, b)) {
            return FloatBits.propagate(t, a, b);
        }
        return is32(t) ? ofFloat(toFloat(a) - toFloat(b)) : ofDouble(toDouble(a) - toDouble(b));
    }

    static long fmul(Type t, long a, long b) {
        if (isNaN(t, a) || isNaN(t, b)) {
            return FloatBits.propagate(t, a, b);
        }
        return is32(t) ? ofFloat(toFloat(a) * toFloat(b)) : ofDouble(toDouble(a) * toDouble(b));
    }

    static long fdiv(Type t, long a, long b) {
        if (isNaN(t, a) || isNaN(t, b)) {
            return FloatBits.propagate(t, a, b);
        }
        return is32(t) ? ofFloat(toFloat(a) / toFloat(b)) : ofDouble(toDouble(a) / toDouble(b));
    }

    static long sqrt(Type t, long a) {
        if (isNaN(t, a)) {
            return FloatBits.quiet(t, a);
        }
        // The square root of a float, computed in double and rounded to float, is correctly
        // rounded: double carries more than 2 * 24 + 2 significant bits.
        return is32(t)
                ? ofFloat((float) Math.sqrt(toFloat(a)))
                : ofDouble(Math.sqrt(toDouble(a)));
    }

    /** {@code a * b + c} with a single rounding. */
    static long fma(Type t, long a, long b, long c) {
        if (isNaN(t, a) || isNaN(t, b) || isNaN(t, c)) {
            return FloatBits.propagate(t, a, b, c);
        }
        return is32(t)
                ? ofFloat(Math.fma(toFloat(a), toFloat(b), toFloat(c)))
                : ofDouble(Math.fma(toDouble(a), toDouble(b), toDouble(c)));
    }

    static long fneg(Type t, long a) {
        return a ^ FloatBits.signBit(t);
    }

    static long fabs(Type t, long a) {
        return a & ~FloatBits.signBit(t);
    }

    /** The magnitude of {@code a} with the sign of {@code b}. */
    static long fcopysign(Type t, long a, long b) {
        long sign = FloatBits.signBit(t);
        return (a & ~sign) | (b & sign);
    }

    /** The smaller operand; a NaN if either is one; -0.0 is below +0.0. */
    static long fmin(Type t, long a, long b) {
        if (isNaN(t, a) || isNaN(t, b)) {
            return FloatBits.propagate(t, a, b);
        }
        if (FloatBits.isZero(t, a) && FloatBits.isZero(t, b)) {
            return a | b; // negative if either is
        }
        return FloatBits.toDouble(t, a) < FloatBits.toDouble(t, b) ? a : b;
    }

    /** The larger operand; a NaN if either is one; +0.0 is above -0.0. */
    static long fmax(Type t, long a, long b) {
        if (isNaN(t, a) || isNaN(t, b)) {
            return FloatBits.propagate(t, a, b);
        }
        if (FloatBits.isZero(t, a) && FloatBits.isZero(t, b)) {
            return a & b; // positive if either is
        }
        return FloatBits.toDouble(t, a) > FloatBits.toDouble(t, b) ? a : b;
    }

    // Rounding to an integral value. An f32 is widened to double exactly, and the integral
    // result is representable in f32 again (an f32 of magnitude 2^23 or more is already
    // integral), so the narrowing back is exact. Math.ceil/floor/rint keep the sign of a zero
    // result (ceil(-0.5) is -0.0), as IEEE 754 requires.

    static long ceil(Type t, long a) {
        return isNaN(t, a) ? FloatBits.quiet(t, a) : integral(t, Math.ceil(FloatBits.toDouble(t, a)));
    }

    static long floor(Type t, long a) {
        return isNaN(t, a) ? FloatBits.quiet(t, a) : integral(t, Math.floor(FloatBits.toDouble(t, a)));
    }

    static long trunc(Type t, long a) {
        if (isNaN(t, a)) {
            return FloatBits.quiet(t, a);
        }
        double d = FloatBits.toDouble(t, a);
        return integral(t, d < 0 ? Math.ceil(d) : Math.floor(d));
    }

    /** Rounds to the nearest integral value, ties to even. */
    static long nearest(Type t, long a) {
        return isNaN(t, a) ? FloatBits.quiet(t, a) : integral(t, Math.rint(FloatBits.toDouble(t, a)));
    }

    private static long integral(Type t, double d) {
        return is32(t) ? ofFloat((float) d) : ofDouble(d);
    }
}
