package dev.vex.interp;

import dev.vex.ir.Type;

/**
 * Moves between canonical values (low bits hold the value, upper bits zero) and the signed
 * reading of the same bits.
 */
final class Canonical {
    private Canonical() {}

    /** The low {@code bits} bits of {@code v}, read as a signed number. */
    static long signed(long v, int bits) {
        int shift = 64 - bits;
        return (v << shift) >> shift;
    }

    /** The value of type {@code t} held in {@code v}, read as a signed number. */
    static long signed(long v, Type t) {
        return signed(v, t.bits());
    }

    /** All ones in the low {@code bits} bits. */
    static long mask(int bits) {
        return bits == 64 ? -1L : (1L << bits) - 1;
    }

    /** The smallest signed value of {@code bits} bits, sign-extended to 64 bits. */
    static long signedMin(int bits) {
        return -1L << (bits - 1);
    }

    /** The high 64 bits of the unsigned 128-bit product of {@code a} and {@code b}. */
    static long unsignedMultiplyHigh(long a, long b) {
        // Math.unsignedMultiplyHigh arrived in Java 18: correct the signed high word instead.
        // Reading a negative long as unsigned adds 2^64, which adds the other factor to the
        // high word.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
