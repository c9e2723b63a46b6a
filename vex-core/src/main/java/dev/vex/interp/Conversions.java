package dev.vex.interp;

import static dev.vex.interp.Canonical.signed;

import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * Width changes between integers, integer pairs, bit casts, and conversions between floats
 * and between floats and integers.
 *
 * <p>{@code to} is the result type, {@code from} the operand's type.
 */
final class Conversions {
    private Conversions() {}

    private static final double TWO_TO_63 = 0x1p63;

    static long uextend(Type to, Type from, long a) {
        requireWidening(to, from);
        return a;
    }

    static long sextend(Type to, Type from, long a) {
        requireWidening(to, from);
        return signed(a, from) & to.mask();
    }

    static long ireduce(Type to, Type from, long a) {
        if (to.bits() > from.bits()) {
            throw new IllegalArgumentException("ireduce from " + from + " to wider " + to);
        }
        return a & to.mask();
    }

    /** Two halves of type {@code half} joined into one value of twice the width. */
    static long iconcat(Type half, long low, long high) {
        if (half.bits() >= 64) {
            throw new IllegalArgumentException("iconcat of " + half + " needs i128, outside Vex's scalar core");
        }
        return low | (high << half.bits());
    }

    /** Splits {@code a} of type {@code whole} into low ({@code out[0]}) and high halves. */
    static int isplit(Type whole, long a, long[] out) {
        if (whole.bits() <= 8) {
            throw new IllegalArgumentException("isplit of " + whole + " has no half-width type");
        }
        int half = whole.bits() / 2;
        out[0] = a & Canonical.mask(half);
        out[1] = a >>> half;
        return 2;
    }

    /** Reinterprets the bits; the widths must agree. */
    static long bitcast(Type to, Type from, long a) {
        if (to.bits() != from.bits()) {
            throw new IllegalArgumentException("bitcast from " + from + " to " + to + " changes the width");
        }
        return a;
    }

    /** f32 to f64: exact; a NaN keeps its sign and payload (shifted up) and becomes quiet. */
    static long fpromote(long a) {
        if (FloatBits.isNaN(Type.F32, a)) {
            long sign = (a & FloatBits.SIGN_32) << 32;
            long payload = (a & 0x007f_ffffL) << 29;
            return sign | 0x7ff8_0000_0000_0000L | payload;
        }
        return Double.doubleToRawLongBits(FloatBits.toFloat(a));
    }

    /**
     * f64 to f32, rounded to nearest-even; a NaN keeps its sign and the top of its payload and
     * becomes quiet, as x86 and AArch64 both do.
     */
    static long fdemote(long a) {
        if (FloatBits.isNaN(Type.F64, a)) {
            long sign = (a >>> 32) & FloatBits.SIGN_32;
            long payload = (a >>> 29) & 0x007f_ffffL;
            return sign | 0x7fc0_0000L | payload;
        }
        return Float.floatToRawIntBits((float) FloatBits.toDouble(a)) & 0xffff_ffffL;
    }

    /** The signed integer {@code a} of type {@code from} as the nearest float of type {@code to}. */
    static long fcvtFromSint(Type to, Type from, long a) {
        long v = signed(a, from);
        return FloatBits.is32(to)
                ? Float.floatToRawIntBits((float) v) & 0xffff_ffffL
                : Double.doubleToRawLongBits((double) v);
    }

    /** The unsigned integer {@code a} of type {@code from} as the nearest float of type {@code to}. */
    static long fcvtFromUint(Type to, Type from, long a) {
        if (a >= 0) {
            return fcvtFromSint(to, Type.I64, a);
        }
        // At or above 2^63: halve, keeping the dropped bit as a sticky bit so that the one
        // rounding (to at most 53 significant bits) sees the same tie-breaking information,
        // then double, which is exact.
        long halved = (a >>> 1) | (a & 1);
        return FloatBits.is32(to)
                ? Float.floatToRawIntBits((float) halved * 2f) & 0xffff_ffffL
                : Double.doubleToRawLongBits((double) halved * 2d);
    }

    /** Toward zero; traps {@code bad_toint} on NaN and {@code int_ovf} out of range. */
    static long fcvtToSint(Type to, Type from, long a) {
        double t = truncated(from, a);
        int n = to.bits();
        double limit = Math.scalb(1.0, n - 1);
        if (!(t >= -limit && t < limit)) {
            throw new Trap(TrapCode.INTEGER_OVERFLOW);
        }
        return (long) t & to.mask();
    }

    /** Toward zero; traps {@code bad_toint} on NaN and {@code int_ovf} out of range. */
    static long fcvtToUint(Type to, Type from, long a) {
        double t = truncated(from, a);
        // t is integral, so t > -1 means t is +0.0 or -0.0 or above.
        if (!(t > -1 && t < Math.scalb(1.0, to.bits()))) {
            throw new Trap(TrapCode.INTEGER_OVERFLOW);
        }
        return unsignedOf(t);
    }

    /** Toward zero, saturating at the ends of the range; NaN gives 0. */
    static long fcvtToSintSat(Type to, Type from, long a) {
        double d = FloatBits.toDouble(from, a);
        if (Double.isNaN(d)) {
            return 0;
        }
        int n = to.bits();
        double limit = Math.scalb(1.0, n - 1);
        if (d >= limit) {
            return Canonical.mask(n - 1);
        }
        if (d <= -limit) {
            return Canonical.signedMin(n) & to.mask();
        }
        return (long) d & to.mask(); // the cast truncates toward zero
    }

    /** Toward zero, saturating at the ends of the range; NaN gives 0. */
    static long fcvtToUintSat(Type to, Type from, long a) {
        double d = FloatBits.toDouble(from, a);
        if (Double.isNaN(d) || d <= 0) {
            return 0;
        }
        if (d >= Math.scalb(1.0, to.bits())) {
            return to.mask();
        }
        return unsignedOf(Math.floor(d));
    }

    /** The float truncated toward zero, as a double; traps {@code bad_toint} on NaN. */
    private static double truncated(Type from, long a) {
        double d = FloatBits.toDouble(from, a);
        if (Double.isNaN(d)) {
            throw new Trap(TrapCode.BAD_CONVERSION_TO_INTEGER);
        }
        return d < 0 ? Math.ceil(d) : Math.floor(d);
    }

    /** The integral value {@code t}, with 0 <= t < 2^64, as an unsigned 64-bit pattern. */
    private static long unsignedOf(double t) {
        if (t < TWO_TO_63) {
            return (long) t;
        }
        // t - 2^63 is exact: t is an integer of at most 53 significant bits at or above 2^63.
        return (long) (t - TWO_TO_63) | Long.MIN_VALUE;
    }

    private static void requireWidening(Type to, Type from) {
        if (to.bits() < from.bits() || !to.isInt() || !from.isInt()) {
            throw new IllegalArgumentException("cannot extend " + from + " to " + to);
        }
    }
}
