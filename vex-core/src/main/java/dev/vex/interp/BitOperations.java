package dev.vex.interp;

import static dev.vex.interp.Canonical.signed;

import dev.vex.ir.Type;

/**
 * Bitwise logic, shifts, rotates, bit counts and bit reversal.
 *
 * <p>The logic operations work on any type, floats included (CLIF allows {@code band} on
 * {@code f32}). Shift and rotate amounts are taken modulo the width of the shifted type; the
 * amount may be of any integer type, and only its low bits matter.
 */
final class BitOperations {
    private BitOperations() {}

    static long band(Type t, long a, long b) {
        return a & b;
    }

    static long bor(Type t, long a, long b) {
        return a | b;
    }

    static long bxor(Type t, long a, long b) {
        return a ^ b;
    }

    static long bnot(Type t, long a) {
        return ~a & t.mask();
    }

    static long bandNot(Type t, long a, long b) {
        return a & ~b & t.mask();
    }

    static long borNot(Type t, long a, long b) {
        return (a | ~b) & t.mask();
    }

    static long bxorNot(Type t, long a, long b) {
        return (a ^ ~b) & t.mask();
    }

    /** Bits of {@code x} where {@code c} is set, bits of {@code y} where it is clear. */
    static long bitselect(Type t, long c, long x, long y) {
        return (c & x) | (~c & y & t.mask());
    }

    static long ishl(Type t, long a, long amount) {
        return (a << (amount & (t.bits() - 1))) & t.mask();
    }

    static long ushr(Type t, long a, long amount) {
        return a >>> (amount & (t.bits() - 1));
    }

    static long sshr(Type t, long a, long amount) {
        return (signed(a, t) >> (amount & (t.bits() - 1))) & t.mask();
    }

    static long rotl(Type t, long a, long amount) {
        int n = t.bits();
        int k = (int) (amount & (n - 1));
        if (k == 0) {
            return a;
        }
        return ((a << k) | (a >>> (n - k))) & t.mask();
    }

    static long rotr(Type t, long a, long amount) {
        int n = t.bits();
        int k = (int) (amount & (n - 1));
        return rotl(t, a, n - k);
    }

    static long bitrev(Type t, long a) {
        return Long.reverse(a) >>> (64 - t.bits());
    }

    static long bswap(Type t, long a) {
        return Long.reverseBytes(a) >>> (64 - t.bits());
    }

    static long clz(Type t, long a) {
        return Long.numberOfLeadingZeros(a) - (64 - t.bits());
    }

    /** Leading bits equal to the sign bit, not counting the sign bit itself. */
    static long cls(Type t, long a) {
        long v = signed(a, t);
        return Long.numberOfLeadingZeros(v ^ (v >> 63)) - 1 - (64 - t.bits());
    }

    static long ctz(Type t, long a) {
        return a == 0 ? t.bits() : Long.numberOfTrailingZeros(a);
    }

    static long popcnt(Type t, long a) {
        return Long.bitCount(a);
    }

    /** All ones of the result type {@code t} when {@code a} (of any type) is non-zero. */
    static long bmask(Type t, long a) {
        return a != 0 ? t.mask() : 0;
    }
}
