package dev.vex.interp;

import static dev.vex.interp.Canonical.signed;

import dev.vex.ir.TrapCode;
import dev.vex.ir.Type;

/**
 * Addition, subtraction and multiplication that also report overflow, with carry-in and
 * borrow-in forms.
 *
 * <p>Each writes the wrapped result to {@code out[0]} and the flag (an {@code i8}, 0 or 1) to
 * {@code out[1]}. A carry or borrow input is an {@code i8} read as a boolean: any non-zero
 * value counts as 1, as in Cranelift. Below 64 bits the exact result fits in a {@code long},
 * so overflow is "the exact result differs from the wrapped one"; at 64 bits the flags come
 * from the usual sign and carry identities.
 */
final class OverflowArithmetic {
    private OverflowArithmetic() {}

    static int saddOverflow(Type t, long a, long b, long carryIn, long[] out) {
        long c = carryIn != 0 ? 1 : 0;
        int n = t.bits();
        if (n < 64) {
            return signedResult(t, signed(a, n) + signed(b, n) + c, out);
        }
        long sum = a + b;
        boolean first = ((a ^ sum) & (b ^ sum)) < 0;
        long result = sum + c;
        boolean second = ((sum ^ result) & (c ^ result)) < 0;
        // Adding c (0 or 1) after a+b overflowed can bring the exact sum back into range
        // (MIN + -1 + 1) but never overflow it a second time, so the flags combine by xor.
        return write(result, first ^ second, out);
    }

    static int uaddOverflow(Type t, long a, long b, long carryIn, long[] out) {
        long c = carryIn != 0 ? 1 : 0;
        if (t.bits() < 64) {
            return unsignedResult(t, a + b + c, out);
        }
        long sum = a + b;
        long result = sum + c;
        // At most one of the two additions can carry out.
        boolean carry = Long.compareUnsigned(sum, a) < 0 || Long.compareUnsigned(result, sum) < 0;
        return write(result, carry, out);
    }

    static int ssubOverflow(Type t, long a, long b, long borrowIn, long[] out) {
        long c = borrowIn != 0 ? 1 : 0;
        int n = t.bits();
        if (n < 64) {
            return signedResult(t, signed(a, n) - signed(b, n) - c, out);
        }
        long diff = a - b;
        boolean first = ((a ^ b) & (a ^ diff)) < 0;
        long result = diff - c;
        boolean second = ((diff ^ c) & (diff ^ result)) < 0;
        return write(result, first ^ second, out);
    }

    static int usubOverflow(Type t, long a, long b, long borrowIn, long[] out) {
        long c = borrowIn != 0 ? 1 : 0;
        if (t.bits() < 64) {
            return unsignedResult(t, a - b - c, out);
        }
        long diff = a - b;
        boolean borrow = Long.compareUnsigned(a, b) < 0 || Long.compareUnsigned(diff, c) < 0;
        return write(diff - c, borrow, out);
    }

    static int smulOverflow(Type t, long a, long b, long[] out) {
        int n = t.bits();
        if (n <= 32) {
            return signedResult(t, signed(a, n) * signed(b, n), out);
        }
        long low = a * b;
        return write(low, Math.multiplyHigh(a, b) != (low >> 63), out);
    }

    static int umulOverflow(Type t, long a, long b, long[] out) {
        if (t.bits() <= 32) {
            // Both factors are below 2^32: the product fits in 64 unsigned bits.
            return unsignedResult(t, a * b, out);
        }
        return write(a * b, Canonical.unsignedMultiplyHigh(a, b) != 0, out);
    }

    /** {@code uadd_overflow_trap}: the sum, or a trap with {@code code} on unsigned overflow. */
    static long uaddOverflowTrap(Type t, long a, long b, TrapCode code) {
        long sum = a + b;
        boolean carry = t.bits() < 64 ? (sum & ~t.mask()) != 0 : Long.compareUnsigned(sum, a) < 0;
        if (carry) {
            throw new Trap(code);
        }
        return sum;
    }

    private static int signedResult(Type t, long exact, long[] out) {
        long wrapped = exact & t.mask();
        out[0] = wrapped;
        out[1] = signed(wrapped, t) != exact ? 1 : 0;
        return 2;
    }

    private static int unsignedResult(Type t, long exact, long[] out) {
        long wrapped = exact & t.mask();
        out[0] = wrapped;
        out[1] = wrapped != exact ? 1 : 0;
        return 2;
    }

    private static int write(long result, boolean overflow, long[] out) {
        out[0] = result;
        out[1] = overflow ? 1 : 0;
        return 2;
    }
}
