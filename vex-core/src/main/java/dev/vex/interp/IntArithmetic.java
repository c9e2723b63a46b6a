package dev.vex.interp;

import static dev.vex.interp.Canonical.signed;

import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * Integer arithmetic that wraps modulo 2^bits: add, subtract, negate, absolute value,
 * multiply (low and high halves), divide and remainder, minimum and maximum.
 *
 * <p>Every operand and result is canonical in {@code t}. Division traps with
 * {@code int_divz} on a zero divisor and {@code sdiv} with {@code int_ovf} on MIN / -1; the
 * zero check comes first, as in Cranelift.
 */
final class IntArithmetic {
    private IntArithmetic() {}

    static long iadd(Type t, long a, long b) {
        return (a + b) & t.mask();
    }

    static long isub(Type t, long a, long b) {
        return (a - b) & t.mask();
    }

    static long ineg(Type t, long a) {
        return -a & t.mask();
    }

    /** The absolute value; MIN has none and stays MIN, as two's complement negation gives. */
    static long iabs(Type t, long a) {
        return signed(a, t) < 0 ? ineg(t, a) : a;
    }

    static long imul(Type t, long a, long b) {
        // The low 64 bits of a product do not depend on the signedness of the factors.
        return (a * b) & t.mask();
    }

    /** The high half of the unsigned double-width product. */
    static long umulhi(Type t, long a, long b) {
        int n = t.bits();
        if (n == 64) {
            return Canonical.unsignedMultiplyHigh(a, b);
        }
        // Both factors are below 2^32, so the product fits in 64 unsigned bits.
        return (a * b) >>> n & t.mask();
    }

    /** The high half of the signed double-width product. */
    static long smulhi(Type t, long a, long b) {
        int n = t.bits();
        if (n == 64) {
            return Math.multiplyHigh(a, b);
        }
        return (signed(a, n) * signed(b, n)) >> n & t.mask();
    }

    static long udiv(Type t, long a, long b) {
        checkDivisor(b);
        return Long.divideUnsigned(a, b);
    }

    static long urem(Type t, long a, long b) {
        checkDivisor(b);
        return Long.remainderUnsigned(a, b);
    }

    static long sdiv(Type t, long a, long b) {
        checkDivisor(b);
        long x = signed(a, t);
        long y = signed(b, t);
        if (y == -1 && x == Canonical.signedMin(t.bits())) {
            throw new Trap(TrapCode.INTEGER_OVERFLOW);
        }
        return (x / y) & t.mask();
    }

    /** The remainder takes the sign of the dividend; MIN % -1 is 0 and does not trap. */
    static long srem(Type t, long a, long b) {
        checkDivisor(b);
        long y = signed(b, t);
        if (y == -1) {
            return 0;
        }
        return (signed(a, t) % y) & t.mask();
    }

    static long smin(Type t, long a, long b) {
        return signed(a, t) <= signed(b, t) ? a : b;
    }

    static long smax(Type t, long a, long b) {
        return signed(a, t) >= signed(b, t) ? a : b;
    }

    static long umin(Type t, long a, long b) {
        return Long.compareUnsigned(a, b) <= 0 ? a : b;
    }

    static long umax(Type t, long a, long b) {
        return Long.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static void checkDivisor(long b) {
        if (b == 0) {
            throw new Trap(TrapCode.INTEGER_DIVISION_BY_ZERO);
        }
    }
}
