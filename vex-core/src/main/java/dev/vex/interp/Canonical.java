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

    /**
     * Arguments laid out as an engine receives them (one long per value, two for a wide type)
     * made canonical for {@code params}; null if their number does not fit.
     */
    static long[] arguments(java.util.List<dev.vex.ir.AbiParam> params, long[] args) {
        int n = 0;
        for (dev.vex.ir.AbiParam p : params) {
            n += p.type().longs();
        }
        if (args.length != n) {
            return null;
        }
        long[] canonical = new long[n];
        int k = 0;
        for (dev.vex.ir.AbiParam p : params) {
            canonical[k] = args[k] & p.type().mask();
            k++;
            if (p.type().isWide()) {
                canonical[k] = args[k];
                k++;
            }
        }
        return canonical;
    }

    /** How many longs {@code params} take as an engine's arguments or results. */
    static int longs(java.util.List<dev.vex.ir.AbiParam> params) {
        int n = 0;
        for (dev.vex.ir.AbiParam p : params) {
            n += p.type().longs();
        }
        return n;
    }

    /** The high 64 bits of the unsigned 128-bit product of {@code a} and {@code b}. */
    static long unsignedMultiplyHigh(long a, long b) {
        // Math.unsignedMultiplyHigh arrived in Java 18: correct the signed high word instead.
        // Reading a negative long as unsigned adds 2^64, which adds the other factor to the
        // high word.
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }
}
