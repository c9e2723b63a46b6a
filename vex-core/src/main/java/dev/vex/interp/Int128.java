package dev.vex.interp;

import java.math.BigInteger;

/**
 * 128-bit integer arithmetic on pairs of {@code long}s (low half, high half), the way the
 * interpreter holds an {@code i128}. Each operation writes its result to {@code lo[k]} and
 * {@code hi[k]} of the arrays it is given, so nothing is allocated, except by the operations
 * that go through {@link BigInteger} (the 256-bit products and division), which are rare.
 */
final class Int128 {
    private static final BigInteger MASK_128 = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);

    private Int128() {}

    static void set(long[] lo, long[] hi, int k, long l, long h) {
        lo[k] = l;
        hi[k] = h;
    }

    static void add(long al, long ah, long bl, long bh, long[] lo, long[] hi, int k) {
        long l = al + bl;
        long carry = Long.compareUnsigned(l, al) < 0 ? 1 : 0;
        set(lo, hi, k, l, ah + bh + carry);
    }

    static void sub(long al, long ah, long bl, long bh, long[] lo, long[] hi, int k) {
        long l = al - bl;
        long borrow = Long.compareUnsigned(al, bl) < 0 ? 1 : 0;
        set(lo, hi, k, l, ah - bh - borrow);
    }

    static void neg(long al, long ah, long[] lo, long[] hi, int k) {
        sub(0, 0, al, ah, lo, hi, k);
    }

    /** The low 128 bits of the product. */
    static void mul(long al, long ah, long bl, long bh, long[] lo, long[] hi, int k) {
        long h = Canonical.unsignedMultiplyHigh(al, bl) + al * bh + ah * bl;
        set(lo, hi, k, al * bl, h);
    }

    static int compareSigned(long al, long ah, long bl, long bh) {
        int c = Long.compare(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    static int compareUnsigned(long al, long ah, long bl, long bh) {
        int c = Long.compareUnsigned(ah, bh);
        return c != 0 ? c : Long.compareUnsigned(al, bl);
    }

    /** Shift left by {@code n} mod 128. */
    static void shl(long al, long ah, long amount, long[] lo, long[] hi, int k) {
        int n = (int) (amount & 127);
        if (n == 0) {
            set(lo, hi, k, al, ah);
        } else if (n < 64) {
            set(lo, hi, k, al << n, (ah << n) | (al >>> (64 - n)));
        } else {
            set(lo, hi, k, 0, al << (n - 64));
        }
    }

    /** Logical shift right by {@code n} mod 128. */
    static void ushr(long al, long ah, long amount, long[] lo, long[] hi, int k) {
        int n = (int) (amount & 127);
        if (n == 0) {
            set(lo, hi, k, al, ah);
        } else if (n < 64) {
            set(lo, hi, k, (al >>> n) | (ah << (64 - n)), ah >>> n);
        } else {
            set(lo, hi, k, ah >>> (n - 64), 0);
        }
    }

    /** Arithmetic shift right by {@code n} mod 128. */
    static void sshr(long al, long ah, long amount, long[] lo, long[] hi, int k) {
        int n = (int) (amount & 127);
        if (n == 0) {
            set(lo, hi, k, al, ah);
        } else if (n < 64) {
            set(lo, hi, k, (al >>> n) | (ah << (64 - n)), ah >> n);
        } else {
            set(lo, hi, k, ah >> (n - 64), ah >> 63);
        }
    }

    static void rotl(long al, long ah, long amount, long[] lo, long[] hi, int k) {
        int n = (int) (amount & 127);
        shl(al, ah, n, lo, hi, k);
        long l = lo[k];
        long h = hi[k];
        ushr(al, ah, 128 - n, lo, hi, k);
        if (n == 0) {
            set(lo, hi, k, al, ah);
        } else {
            set(lo, hi, k, l | lo[k], h | hi[k]);
        }
    }

    static void rotr(long al, long ah, long amount, long[] lo, long[] hi, int k) {
        rotl(al, ah, 128 - (amount & 127), lo, hi, k);
    }

    static long clz(long al, long ah) {
        return ah != 0 ? Long.numberOfLeadingZeros(ah) : 64 + Long.numberOfLeadingZeros(al);
    }

    static long ctz(long al, long ah) {
        return al != 0 ? Long.numberOfTrailingZeros(al) : 64 + Long.numberOfTrailingZeros(ah);
    }

    /** Leading bits equal to the sign bit, not counting the sign bit. */
    static long cls(long al, long ah) {
        long s = ah >> 63;
        return clz(al ^ s, ah ^ s) - 1;
    }

    static BigInteger unsigned(long al, long ah) {
        return new BigInteger(Long.toUnsignedString(ah)).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(al)));
    }

    static BigInteger signed(long al, long ah) {
        return BigInteger.valueOf(ah).shiftLeft(64).or(new BigInteger(Long.toUnsignedString(al)));
    }

    /** Writes the low 128 bits of {@code v}. */
    static void of(BigInteger v, long[] lo, long[] hi, int k) {
        BigInteger m = v.and(MASK_128);
        set(lo, hi, k, m.longValue(), m.shiftRight(64).longValue());
    }

    /** Whether {@code v} fits in 128 bits as a signed number. */
    static boolean fitsSigned(BigInteger v) {
        return v.bitLength() <= 127;
    }
}
