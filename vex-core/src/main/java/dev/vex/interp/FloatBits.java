package dev.vex.interp;

import dev.vex.ir.Type;

/**
 * IEEE 754 bit patterns of {@code f32} and {@code f64}, and Vex's NaN rule.
 *
 * <p><b>NaN results.</b> Cranelift leaves the NaN an arithmetic operation returns unspecified
 * (its run tests only ask "is it a NaN?"), and the hardware differs: x86 returns the first NaN
 * operand, AArch64 prefers a signalling one, and for an invalid operation (0/0, sqrt(-1),
 * inf-inf) x86 returns the negative "indefinite" NaN while AArch64 and RISC-V return the
 * positive canonical one. The interpreter must be deterministic and must not lean on the
 * JVM, whose NaN payloads are unspecified, so it applies one rule explicitly:
 * <ul>
 * <li>if an operand is a NaN, the result is the first NaN operand, quietened (its quiet bit
 *     set, sign and the rest of the payload kept): IEEE 754-2019 §6.2.3's recommendation, and
 *     what x86 and AArch64 both do when at most one operand is a signalling NaN;</li>
 * <li>a NaN made from non-NaN operands is the canonical NaN ({@code 0x7fc00000},
 *     {@code 0x7ff8000000000000}).</li>
 * </ul>
 * A differential test against native code must therefore compare NaN results by class (both
 * NaN), not by bits. The sign operations ({@code fneg}, {@code fabs}, {@code fcopysign}) are
 * bit operations and keep every payload exactly; the run tests check that.
 */
final class FloatBits {
    private FloatBits() {}

    static final long CANONICAL_NAN_32 = 0x7fc0_0000L;
    static final long CANONICAL_NAN_64 = 0x7ff8_0000_0000_0000L;

    static final long SIGN_32 = 0x8000_0000L;
    static final long SIGN_64 = 0x8000_0000_0000_0000L;

    private static final long QUIET_32 = 0x0040_0000L;
    private static final long QUIET_64 = 0x0008_0000_0000_0000L;

    static boolean is32(Type t) {
        if (t == Type.F32) {
            return true;
        }
        if (t == Type.F64) {
            return false;
        }
        throw new IllegalArgumentException("not a float type: " + t);
    }

    static long signBit(Type t) {
        return is32(t) ? SIGN_32 : SIGN_64;
    }

    static boolean isNaN(Type t, long bits) {
        return is32(t)
                ? (bits & 0x7fff_ffffL) > 0x7f80_0000L
                : (bits & 0x7fff_ffff_ffff_ffffL) > 0x7ff0_0000_0000_0000L;
    }

    /** Whether the value is a zero of either sign. */
    static boolean isZero(Type t, long bits) {
        return (bits & ~signBit(t)) == 0;
    }

    /** The NaN {@code bits} with its quiet bit set. */
    static long quiet(Type t, long bits) {
        return bits | (is32(t) ? QUIET_32 : QUIET_64);
    }

    static long canonicalNaN(Type t) {
        return is32(t) ? CANONICAL_NAN_32 : CANONICAL_NAN_64;
    }

    /** The first NaN among {@code a} and {@code b}, quietened; call only when one is a NaN. */
    static long propagate(Type t, long a, long b) {
        return quiet(t, isNaN(t, a) ? a : b);
    }

    /** The first NaN among {@code a}, {@code b} and {@code c}, quietened; call only when one is. */
    static long propagate(Type t, long a, long b, long c) {
        return quiet(t, isNaN(t, a) ? a : isNaN(t, b) ? b : c);
    }

    static float toFloat(long bits) {
        return Float.intBitsToFloat((int) bits);
    }

    static double toDouble(long bits) {
        return Double.longBitsToDouble(bits);
    }

    /** The value as a double; exact for f32, NaN stays a NaN (its payload is not kept). */
    static double toDouble(Type t, long bits) {
        return is32(t) ? toFloat(bits) : toDouble(bits);
    }

    /** The bits of an arithmetic result: a NaN made by the operation becomes canonical. */
    static long ofFloat(float f) {
        return Float.isNaN(f) ? CANONICAL_NAN_32 : Float.floatToRawIntBits(f) & 0xffff_ffffL;
    }

    /** The bits of an arithmetic result: a NaN made by the operation becomes canonical. */
    static long ofDouble(double d) {
        return Double.isNaN(d) ? CANONICAL_NAN_64 : Double.doubleToRawLongBits(d);
    }
}
